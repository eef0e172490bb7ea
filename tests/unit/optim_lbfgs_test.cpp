#include <catch2/catch.hpp>

#include <cmath>

#include "optim/lbfgs.hpp"

using namespace mlm::optim;
using Catch::Matchers::WithinAbs;

namespace {

// Rosenbrock's banana, minimum 0 at (1, 1): curved, badly conditioned.
double rosenbrock(const Eigen::VectorXd& x, Eigen::VectorXd& g) {
    const double a = 1 - x[0], b = x[1] - x[0] * x[0];
    g.resize(2);
    g[0] = -2 * a - 400 * x[0] * b;
    g[1] = 200 * b;
    return a * a + 100 * b * b;
}

}  // namespace

TEST_CASE("lbfgs: Rosenbrock from (-1.2, 1) reaches (1, 1)", "[lbfgs]") {
    const LbfgsResult r = lbfgs(rosenbrock, Eigen::Vector2d(-1.2, 1), LbfgsSettings{});
    CHECK(r.stop == LbfgsStop::converged);
    CHECK_THAT(r.x[0], WithinAbs(1, 1e-7));
    CHECK_THAT(r.x[1], WithinAbs(1, 1e-7));
    CHECK(r.grad_norm <= 1e-8);
    CHECK(r.iterations < 100);  // gradient descent needs thousands
}

// scipy's L-BFGS-B (maxcor 10) needs 227 iterations on this problem to |g| ≈ 1e-7.
TEST_CASE("lbfgs: a quadratic with condition number 1e3 converges as scipy's does", "[lbfgs]") {
    const Eigen::VectorXd d = Eigen::VectorXd::LinSpaced(20, 0, 3).unaryExpr([](double e) { return std::pow(10.0, e); });
    const SmoothObjective f = [&](const Eigen::VectorXd& x, Eigen::VectorXd& g) {
        g = d.cwiseProduct(x - Eigen::VectorXd::Ones(20));
        return 0.5 * (x - Eigen::VectorXd::Ones(20)).dot(g);
    };
    LbfgsSettings s;
    s.tol = 1e-6;
    const LbfgsResult r = lbfgs(f, Eigen::VectorXd::Zero(20), s);
    CHECK(r.stop == LbfgsStop::converged);
    CHECK((r.x - Eigen::VectorXd::Ones(20)).lpNorm<Eigen::Infinity>() < 1e-6);
    CHECK(r.iterations < 300);
}

TEST_CASE("lbfgs: max_iterations stops the run and says so", "[lbfgs]") {
    LbfgsSettings s;
    s.max_iterations = 3;
    const LbfgsResult r = lbfgs(rosenbrock, Eigen::Vector2d(-1.2, 1), s);
    CHECK(r.stop == LbfgsStop::max_iterations);
    CHECK(r.iterations == 3);
}

TEST_CASE("lbfgs: a function unbounded below is not finite or makes no progress, never converged", "[lbfgs]") {
    const SmoothObjective f = [](const Eigen::VectorXd& x, Eigen::VectorXd& g) {
        g = Eigen::VectorXd::Constant(1, -std::exp(-x[0]) * 0 - 1);
        return -x[0];
    };
    LbfgsSettings s;
    s.max_iterations = 200;
    const LbfgsResult r = lbfgs(f, Eigen::VectorXd::Zero(1), s);
    CHECK(r.stop != LbfgsStop::converged);
}
