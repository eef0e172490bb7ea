#include <catch2/catch.hpp>

#include "calc/backprop.hpp"
#include "calc/expression.hpp"
#include "calc/finite_difference.hpp"
#include "calc_reference.hpp"
#include "error.hpp"

using namespace mlm::calc;
using calc_test::close;
using calc_test::largest;

TEST_CASE("backprop: value and gradient match sympy's closed forms to 1e-12", "[backprop][reference]") {
    // 1e-12: a few dozen operations, each off by at most an ulp or two, with
    // condition numbers of order 10 on these points.
    for (const auto& c : calc_test::reference_cases()) {
        INFO(c.name << ": " << c.expression);
        const auto tape = parse_expression(c.expression);
        REQUIRE(tape.variables == c.variables);
        const auto r = value_and_gradient(tape, c.point);
        CHECK(close(r.value, c.f, 1e-12, std::fabs(c.f)));
        CHECK(close(value(tape, c.point), c.f, 1e-12, std::fabs(c.f)));
        for (Eigen::Index j = 0; j < c.point.size(); ++j) {
            INFO("d_" << c.variables[static_cast<std::size_t>(j)]);
            CHECK(close(r.gradient[j], c.gradient[j], 1e-12, largest(c.gradient)));
        }
    }
}

TEST_CASE("backprop: gradient agrees with central differences to 1e-7", "[backprop][finite-difference]") {
    // Central differences with h = cbrt(eps)·max(1,|x|) are accurate to about eps^(2/3) ≈ 4e-11
    // relative, so 1e-7 leaves room for third derivatives a few hundred times the first.
    for (const auto& c : calc_test::reference_cases()) {
        INFO(c.name << ": " << c.expression);
        const auto tape = parse_expression(c.expression);
        const auto exact = value_and_gradient(tape, c.point).gradient;
        const auto numeric =
            numeric_gradient([&](const Eigen::VectorXd& x) { return value(tape, x); }, c.point, Scheme::central);
        for (Eigen::Index j = 0; j < exact.size(); ++j) CHECK(close(numeric[j], exact[j], 1e-7, largest(exact)));
    }
}

TEST_CASE("backprop: the backprop example by hand", "[backprop]") {
    // f = (w2·tanh(w1·x) - y)², w1=0.5, w2=-1, x=1, y=0.2: t = tanh(0.5),
    // r = -t - 0.2, ∂f/∂w1 = 2r·w2·(1-t²)·x, ∂f/∂w2 = 2r·t.
    const auto tape = parse_expression("(w2*tanh(w1*x) - y)^2");
    Eigen::VectorXd p(4);
    p << -1, 0.5, 1, 0.2;  // w2, w1, x, y: order of first appearance
    const auto r = value_and_gradient(tape, p);
    const double t = std::tanh(0.5), res = -t - 0.2;
    CHECK_THAT(r.value, Catch::Matchers::WithinRel(res * res, 1e-15));
    CHECK_THAT(r.gradient[0], Catch::Matchers::WithinRel(2 * res * t, 1e-15));
    CHECK_THAT(r.gradient[1], Catch::Matchers::WithinRel(2 * res * -1 * (1 - t * t) * 1, 1e-15));
    CHECK_THAT(r.gradient[3], Catch::Matchers::WithinRel(-2 * res, 1e-15));
}

TEST_CASE("backprop: non-smooth points take PyTorch's subgradients", "[backprop][edge]") {
    Eigen::VectorXd zero = Eigen::VectorXd::Zero(1);
    CHECK(value_and_gradient(parse_expression("relu(x)"), zero).gradient[0] == 0);
    CHECK(value_and_gradient(parse_expression("abs(x)"), zero).gradient[0] == 0);
    Eigen::VectorXd tie(2);
    tie << 1, 1;
    const auto g = value_and_gradient(parse_expression("max(x, y)"), tie).gradient;
    CHECK(g[0] == 0.5);
    CHECK(g[1] == 0.5);
}

TEST_CASE("backprop: squares of zero and negative bases stay finite", "[backprop][edge]") {
    Eigen::VectorXd x(1);
    x << 0;
    CHECK(value_and_gradient(parse_expression("x^2"), x).gradient[0] == 0);
    x << -2;
    const auto r = value_and_gradient(parse_expression("x^3"), x);
    CHECK(r.value == -8);
    CHECK(r.gradient[0] == 12);
}

TEST_CASE("backprop: a point of the wrong size is a usage error", "[backprop][error]") {
    const auto tape = parse_expression("x*y");
    CHECK_THROWS_AS(value_and_gradient(tape, Eigen::VectorXd::Zero(3)), mlm::UsageError);
}

TEST_CASE("backprop: an expression without variables has an empty gradient", "[backprop][edge]") {
    const auto r = value_and_gradient(parse_expression("2 + 3*4"), Eigen::VectorXd(0));
    CHECK(r.value == 14);
    CHECK(r.gradient.size() == 0);
}
