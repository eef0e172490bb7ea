#include <catch2/catch.hpp>

#include <cmath>
#include <map>

#include "calc/backprop.hpp"
#include "calc/chain_rule_trace.hpp"
#include "calc/expression.hpp"

using namespace mlm::calc;
using Catch::Matchers::WithinRel;

TEST_CASE("chain rule trace: the backprop example step by step", "[trace]") {
    const auto tape = parse_expression("(w2*tanh(w1*x) - y)^2");
    Eigen::VectorXd p(4);
    p << -1, 0.5, 1, 0.2;
    const auto trace = chain_rule_trace(tape, p);
    // Forward: w2, w1, x (as they appear), w1*x, tanh, w2*tanh, y, -, ^2 (the constant 2 left out).
    REQUIRE(trace.forward.size() == 9);
    const double t = std::tanh(0.5), r = -t - 0.2;
    CHECK(tape.text(trace.forward[4].node) == "tanh(w1*x)");
    CHECK_THAT(trace.forward[4].value, WithinRel(t, 1e-15));
    CHECK_THAT(trace.value, WithinRel(r * r, 1e-15));
    // The first backward edge is d(r²)/dr = 2r with upstream 1.
    REQUIRE(!trace.backward.empty());
    CHECK(tape.text(trace.backward[0].operand) == "w2*tanh(w1*x) - y");
    CHECK(trace.backward[0].upstream == 1);
    CHECK_THAT(trace.backward[0].local, WithinRel(2 * r, 1e-15));
}

TEST_CASE("chain rule trace: products add up to the gradient backprop gives", "[trace]") {
    const auto tape = parse_expression("x*y + sin(x)*exp(y) - x/y");
    Eigen::VectorXd p(2);
    p << 0.3, 1.7;
    const auto trace = chain_rule_trace(tape, p);
    const auto exact = value_and_gradient(tape, p);
    std::map<std::size_t, double> into;
    for (const auto& e : trace.backward) {
        CHECK(e.product == e.upstream * e.local);
        // A node's upstream gradient is complete when its first outgoing edge runs.
        if (e.node != tape.output()) CHECK(e.upstream == into.at(e.node));
        into[e.operand] += e.product;
    }
    for (std::size_t j = 0; j < 2; ++j) {
        CHECK(into.at(tape.variable_node[j]) == trace.gradient[static_cast<Eigen::Index>(j)]);
        CHECK(trace.gradient[static_cast<Eigen::Index>(j)] == exact.gradient[static_cast<Eigen::Index>(j)]);
    }
}
