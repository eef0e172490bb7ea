#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "calc/backprop.hpp"
#include "calc/expression.hpp"
#include "error.hpp"

using mlm::calc::parse_expression;
using Catch::Matchers::WithinRel;

namespace {

double at(const std::string& text, std::vector<double> x = {}) {
    const auto tape = parse_expression(text);
    return mlm::calc::value(tape, Eigen::Map<Eigen::VectorXd>(x.data(), static_cast<Eigen::Index>(x.size())));
}

}  // namespace

TEST_CASE("expression: variables are numbered in order of first appearance", "[expression]") {
    const auto tape = parse_expression("b*a + c - a*b");
    CHECK(tape.variables == std::vector<std::string>{"b", "a", "c"});
    // One node per variable however often it is used, so its adjoint collects every path.
    CHECK(tape.variable_node.size() == 3);
}

TEST_CASE("expression: precedence and associativity follow the usual conventions", "[expression]") {
    // Small integers: every result below is exact in double arithmetic.
    CHECK(at("2*3 + 4") == 10);
    CHECK(at("2 + 3*4") == 14);
    CHECK(at("1 - 2 - 3") == -4);
    CHECK(at("8 / 4 / 2") == 1);
    CHECK(at("2^3^2") == 512);
    CHECK(at("-x^2", {3}) == -9);
    CHECK(at("(-x)^2", {3}) == 9);
    CHECK(at("2^-1") == 0.5);
    CHECK(at("+x - -x", {2}) == 4);
    CHECK(at("-(2)*x", {3}) == -6);
}

TEST_CASE("expression: number literals in decimal and scientific notation", "[expression]") {
    CHECK(at("1.5e3") == 1500);
    CHECK(at(".5") == 0.5);
    CHECK(at("2E+2") == 200);
    CHECK_THAT(at("1e-3"), WithinRel(0.001, 1e-15));
    CHECK(at("  7\t\n") == 7);
}

TEST_CASE("expression: every function name parses with its arity", "[expression]") {
    for (const char* f : {"exp", "log", "sqrt", "abs", "sin", "cos", "tan", "tanh", "sigmoid", "relu", "softplus"})
        CHECK_NOTHROW(parse_expression(std::string(f) + "(x)"));
    for (const char* f : {"min", "max", "pow"}) CHECK_NOTHROW(parse_expression(std::string(f) + "(x, y)"));
    CHECK(at("max(x, 2)", {3}) == 3);
    CHECK(at("min(x, 2)", {3}) == 2);
    CHECK(at("pow(x, 2)", {3}) == 9);
    CHECK(at("relu(x)", {-3}) == 0);
}

TEST_CASE("expression: a syntax error names line, column and what was expected", "[expression][error]") {
    const std::vector<std::pair<std::string, std::string>> cases{
        {"(x + 1", "expression:1:7: expected ')' before end of input"},
        {"x +", "expression:1:4: expected a number, variable or '(' before end of input"},
        {"", "expression:1:1: expected a number, variable or '(' before end of input"},
        {"x + * y", "expression:1:5: expected a number, variable or '(' before '*'"},
        {"2 x", "expression:1:3: expected an operator before 'x'"},
        {"x)", "expression:1:2: unmatched ')'"},
        {"foo(x)", "expression:1:1: unknown function 'foo'"},
        {"1 + max(x)", "expression:1:5: function 'max' takes 2 arguments, got 1"},
        {"exp(x, y)", "expression:1:1: function 'exp' takes 1 argument, got 2"},
        {"exp + 1", "expression:1:5: expected '(' after function 'exp'"},
        {"x # y", "expression:1:3: unexpected character '#'"},
        {"1e400 * x", "expression:1:1: number out of range '1e400'"},
        {"sin(x", "expression:1:6: expected ',' or ')' before end of input"},
        {"x +\n(y", "expression:2:3: expected ')' before end of input"},
        {"()", "expression:1:2: expected a number, variable or '(' before ')'"},
        {"x y", "expression:1:3: expected an operator before 'y'"},
    };
    for (const auto& [text, message] : cases) {
        INFO("expression: " << text);
        try {
            parse_expression(text);
            FAIL("no error");
        } catch (const mlm::UsageError& e) {
            CHECK(std::string(e.what()) == message);
            CHECK(e.status() == 2);
        }
    }
}

TEST_CASE("expression: each node keeps its source text for the chain-rule trace", "[expression]") {
    const auto tape = parse_expression("(w2*tanh(w1*x) - y)^2");
    CHECK(tape.text(tape.output()) == "(w2*tanh(w1*x) - y)^2");
    std::vector<std::string> texts;
    for (std::size_t i = 0; i < tape.nodes.size(); ++i) texts.emplace_back(tape.text(i));
    CHECK(std::find(texts.begin(), texts.end(), "tanh(w1*x)") != texts.end());
    CHECK(std::find(texts.begin(), texts.end(), "w2*tanh(w1*x) - y") != texts.end());
}
