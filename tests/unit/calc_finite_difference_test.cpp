#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "calc/finite_difference.hpp"
#include "error.hpp"

using namespace mlm::calc;
using Catch::Matchers::WithinRel;

namespace {
double square(const Eigen::VectorXd& x) { return x[0] * x[0]; }
Eigen::VectorXd one(double v) { return Eigen::VectorXd::Constant(1, v); }
}  // namespace

TEST_CASE("finite differences: automatic steps scale with |x| beyond 1", "[finite-difference]") {
    const double eps = std::numeric_limits<double>::epsilon();
    CHECK_THAT(gradient_step(Scheme::forward, 0.5), WithinRel(std::sqrt(eps), 1e-15));
    CHECK_THAT(gradient_step(Scheme::central, -200), WithinRel(std::cbrt(eps) * 200, 1e-15));
    CHECK_THAT(hessian_step(Scheme::central, 3), WithinRel(std::pow(eps, 0.25) * 3, 1e-12));
}

TEST_CASE("finite differences: a chosen step is used as given", "[finite-difference]") {
    // x² at 1 with h = 0.5: forward (2.25 - 1)/0.5 = 2.5, central (2.25 - 0.25)/1 = 2, both exact.
    CHECK(numeric_gradient(square, one(1), Scheme::forward, 0.5)[0] == 2.5);
    CHECK(numeric_gradient(square, one(1), Scheme::central, 0.5)[0] == 2);
    CHECK(numeric_hessian(square, one(1), Scheme::central, 0.5)(0, 0) == 2);
}

TEST_CASE("finite differences: forward is accurate to about sqrt(eps), central to eps^(2/3)", "[finite-difference]") {
    auto f = [](const Eigen::VectorXd& x) { return std::sin(x[0]) * std::exp(x[1]); };
    Eigen::VectorXd p(2);
    p << 0.7, -0.3;
    const double dx = std::cos(0.7) * std::exp(-0.3), dy = std::sin(0.7) * std::exp(-0.3);
    const auto fwd = numeric_gradient(f, p, Scheme::forward);
    const auto cen = numeric_gradient(f, p, Scheme::central);
    CHECK_THAT(fwd[0], WithinRel(dx, 1e-7));
    CHECK_THAT(fwd[1], WithinRel(dy, 1e-7));
    CHECK_THAT(cen[0], WithinRel(dx, 1e-9));
    CHECK_THAT(cen[1], WithinRel(dy, 1e-9));
    const auto h = numeric_hessian(f, p, Scheme::forward);
    CHECK_THAT(h(0, 1), WithinRel(std::cos(0.7) * std::exp(-0.3), 1e-4));
}

TEST_CASE("finite differences: a step that is not a positive number is a usage error", "[finite-difference][error]") {
    CHECK_THROWS_AS(numeric_gradient(square, one(1), Scheme::forward, 0.0), mlm::UsageError);
    CHECK_THROWS_AS(numeric_gradient(square, one(1), Scheme::central, -1e-3), mlm::UsageError);
    CHECK_THROWS_AS(numeric_hessian(square, one(1), Scheme::central, std::nan("")), mlm::UsageError);
}

TEST_CASE("finite differences: difference quotients converge, then rounding takes over", "[finite-difference][limit]") {
    // For x² at 1 the quotient is 2 + h exactly in real arithmetic.
    const auto q = difference_quotients(square, one(1), 0);
    REQUIRE(q.size() == 12);
    CHECK(q.front().h == 0.1);
    CHECK_THAT(q.back().h, WithinRel(1e-12, 1e-15));
    CHECK_THAT(q[0].quotient, WithinRel(2.1, 1e-13));
    CHECK_THAT(q[5].quotient, WithinRel(2 + 1e-6, 1e-9));
    // At h = 1e-12 rounding in f (eps/h ≈ 2e-4) dominates the truncation error h.
    CHECK(std::fabs(q[11].quotient - 2) > 1e-12);
}
