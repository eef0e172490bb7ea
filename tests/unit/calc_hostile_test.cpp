// Hostile expressions: nesting that would overflow the parser's stack, and
// long flat chains whose trees are as deep as they are long, through every
// walk over the tape (value, gradient, Hessian, chain-rule trace, blocks).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "calc/backprop.hpp"
#include "calc/block_evaluator.hpp"
#include "calc/chain_rule_trace.hpp"
#include "calc/expression.hpp"
#include "calc/hessian.hpp"
#include "error.hpp"

using namespace mlm::calc;

namespace {

std::string repeat(const std::string& s, std::size_t n) {
    std::string out;
    out.reserve(s.size() * n);
    for (std::size_t i = 0; i < n; ++i) out += s;
    return out;
}

std::string joined(const std::string& item, const std::string& op, std::size_t n) {
    std::string out = item;
    for (std::size_t i = 1; i < n; ++i) out += op + item;
    return out;
}

std::string parse_error(const std::string& text) {
    try {
        parse_expression(text);
    } catch (const mlm::UsageError& e) {
        CHECK(e.status() == 2);
        return e.what();
    }
    return "no error";
}

}  // namespace

TEST_CASE("expression: 10,000 nested ( is status 2 naming the depth, not SIGSEGV", "[expression][hostile]") {
    const std::string deep = repeat("(", 10000) + "x" + repeat(")", 10000);
    // Column 1002: the first token inside the 1001st '('.
    CHECK(parse_error(deep) == "expression:1:1002: nested deeper than 1000 levels");
}

TEST_CASE("expression: 60,000 unary minus, x^x^... and nested calls stop at 1000 levels", "[expression][hostile]") {
    CHECK(parse_error(repeat("-", 60000) + "x") == "expression:1:1002: nested deeper than 1000 levels");
    CHECK(parse_error(repeat("+", 60000) + "x") == "expression:1:1002: nested deeper than 1000 levels");
    // x^x^...: the exponent of the 1001st '^' is x number 1002, at column 2003.
    CHECK(parse_error(joined("x", "^", 60000)) == "expression:1:2003: nested deeper than 1000 levels");
    CHECK(parse_error(repeat("exp(", 2000) + "x" + repeat(")", 2000)) ==
          "expression:1:4005: nested deeper than 1000 levels");
    // The first argument of the 1001st max(, at column 1000*6 + 5.
    CHECK(parse_error(repeat("max(1,", 2000) + "x" + repeat(")", 2000)) ==
          "expression:1:6005: nested deeper than 1000 levels");
}

TEST_CASE("expression: exactly 1000 levels still parse", "[expression][hostile]") {
    const auto tape = parse_expression(repeat("(", 1000) + "x" + repeat(")", 1000));
    CHECK(value(tape, Eigen::VectorXd::Constant(1, 2.0)) == 2);
    CHECK(value(parse_expression(repeat("-", 1000) + "x"), Eigen::VectorXd::Constant(1, 2.0)) == 2);
}

TEST_CASE("expression: 100,000-term flat chains go through every walk without recursion", "[expression][hostile]") {
    // x+x+...+x and x*x*...*x parse into trees 100,000 deep (left-leaning);
    // every walk over them is a loop over the tape, so none overflows.
    const std::size_t n = 100000;
    const Eigen::VectorXd one = Eigen::VectorXd::Constant(1, 1.0);
    SECTION("sum") {
        const auto tape = parse_expression(joined("x", "+", n));
        const auto r = value_and_gradient(tape, one);
        CHECK(r.value == 100000);  // integers below 2^53: exact
        CHECK(r.gradient[0] == 100000);
        CHECK(hessian(tape, one)(0, 0) == 0);
        const auto trace = chain_rule_trace(tape, one);
        CHECK(trace.gradient[0] == 100000);
        BlockEvaluator block(tape);
        // 100,000 nodes: the block shrinks to stay within the memory budget.
        CHECK(block.block_size() * tape.nodes.size() * 16 <= BlockEvaluator::memory_budget);
        Eigen::MatrixXd points = Eigen::MatrixXd::Constant(3, 1, 1.0), out(3, 2);
        block.value_and_gradient(points, out);
        CHECK(out(2, 0) == 100000);
        CHECK(out(2, 1) == 100000);
    }
    SECTION("product") {
        const auto tape = parse_expression(joined("x", "*", n));
        const auto r = value_and_gradient(tape, one);
        CHECK(r.value == 1);
        CHECK(r.gradient[0] == 100000);  // d/dx x^n = n at x = 1, each path a product of ones
    }
}

TEST_CASE("expression: the inputs fuzzing found parse or end in an mlm::Error", "[expression][fuzz]") {
    // fuzz/expression_run.sh keeps its crashes here; the first byte chose the point.
    std::size_t files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(MLM_TEST_DATA "/fuzz-regressions-expression")) {
        ++files;
        std::ifstream in(entry.path(), std::ios::binary);
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        REQUIRE(!text.empty());
        INFO(entry.path().filename().string());
        try {
            const auto tape = parse_expression(text.substr(1));
            const Eigen::VectorXd x = Eigen::VectorXd::Constant(static_cast<Eigen::Index>(tape.variables.size()), 0.5);
            (void)value_and_gradient(tape, x);
            (void)chain_rule_trace(tape, x);
        } catch (const mlm::Error&) {
        }
    }
    CHECK(files > 0);
}
