#include <catch2/catch.hpp>

#include "calc/backprop.hpp"
#include "calc/expression.hpp"
#include "calc/finite_difference.hpp"
#include "calc/hessian.hpp"
#include "calc_reference.hpp"

using namespace mlm::calc;
using calc_test::close;
using calc_test::largest;

TEST_CASE("hessian: forward-over-reverse matches sympy's closed forms to 1e-12", "[hessian][reference]") {
    for (const auto& c : calc_test::reference_cases()) {
        INFO(c.name << ": " << c.expression);
        const auto h = hessian(parse_expression(c.expression), c.point);
        for (Eigen::Index j = 0; j < h.rows(); ++j)
            for (Eigen::Index k = 0; k < h.cols(); ++k) {
                INFO("H(" << j << "," << k << ") = " << h(j, k) << ", expected " << c.hessian(j, k));
                CHECK(close(h(j, k), c.hessian(j, k), 1e-12, largest(c.hessian)));
            }
    }
}

TEST_CASE("hessian: agrees with central differences of the gradient to 1e-7", "[hessian][finite-difference]") {
    // The gradient is exact, so its central differences are accurate to about
    // eps^(2/3) ≈ 4e-11 relative to the gradient: an absolute floor of
    // 1e-9·max(1,|g_j|) where H is far smaller than g (softplus in its tails).
    for (const auto& c : calc_test::reference_cases()) {
        INFO(c.name << ": " << c.expression);
        const auto tape = parse_expression(c.expression);
        const auto h = hessian(tape, c.point);
        const auto g = value_and_gradient(tape, c.point).gradient;
        for (Eigen::Index j = 0; j < h.rows(); ++j) {
            const auto row = numeric_gradient(
                [&](const Eigen::VectorXd& x) { return value_and_gradient(tape, x).gradient[j]; }, c.point,
                Scheme::central);
            for (Eigen::Index k = 0; k < h.cols(); ++k)
                CHECK(std::fabs(row[k] - h(j, k)) <=
                      1e-7 * std::max(std::fabs(h(j, k)), 1e-3 * largest(h)) + 1e-9 * std::max(1.0, std::fabs(g[j])));
        }
    }
}

TEST_CASE("hessian: agrees with second differences of f alone", "[hessian][finite-difference]") {
    // From values only the step is eps^(1/4): truncation error ~sqrt(eps) relative,
    // rounding ~eps·|f|/h² = sqrt(eps)·|f| absolute; 1e-5 and 1e-6·max(1,|f|) cover both.
    for (const auto& c : calc_test::reference_cases()) {
        INFO(c.name << ": " << c.expression);
        const auto tape = parse_expression(c.expression);
        const auto h = hessian(tape, c.point);
        const auto numeric =
            numeric_hessian([&](const Eigen::VectorXd& x) { return value(tape, x); }, c.point, Scheme::central);
        for (Eigen::Index j = 0; j < h.rows(); ++j)
            for (Eigen::Index k = 0; k < h.cols(); ++k)
                CHECK(std::fabs(numeric(j, k) - h(j, k)) <=
                      1e-5 * std::fabs(h(j, k)) + 1e-6 * std::max(1.0, std::fabs(c.f)));
    }
}

TEST_CASE("hessian: a quadratic form has its matrix as Hessian everywhere", "[hessian]") {
    // f = 3x² + 2xy + 5y² has H = [[6, 2], [2, 10]] exactly.
    const auto tape = parse_expression("3*x^2 + 2*x*y + 5*y^2");
    Eigen::VectorXd p(2);
    p << -4.5, 1e3;
    const auto h = hessian(tape, p);
    CHECK(h(0, 0) == 6);
    CHECK(h(0, 1) == 2);
    CHECK(h(1, 0) == 2);
    CHECK(h(1, 1) == 10);
}
