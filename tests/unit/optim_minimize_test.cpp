#include <catch2/catch.hpp>

#include <limits>

#include "calc/expression.hpp"
#include "error.hpp"
#include "optim/minimize.hpp"

using namespace mlm::optim;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::Contains;
using Catch::Matchers::WithinRel;

namespace {

MinimizeSettings with(Method m, double lr, long max_steps, double tol = 1e-6) {
    MinimizeSettings s;
    s.method = m;
    s.hyper = default_hyperparameters(m);
    s.hyper.lr = lr;
    s.max_steps = max_steps;
    s.tol = tol;
    return s;
}

Eigen::VectorXd point(double x, double y) {
    Eigen::VectorXd p(2);
    p << x, y;
    return p;
}

const char* rosenbrock = "(1 - x)^2 + 100*(y - x^2)^2";
// Condition number 100: L = 100, μ = 1, 2/L = 0.02.
const char* ill_conditioned = "0.5*(x - 3)^2 + 50*(y + 1)^2";

}  // namespace

TEST_CASE("minimize: momentum reaches Rosenbrock's minimum (1,1)", "[minimize]") {
    const auto r = minimize(mlm::calc::parse_expression(rosenbrock), point(-1.2, 1), with(Method::momentum, 1e-3, 100000));
    REQUIRE(r.converged());
    CHECK(r.grad_norm <= 1e-6);
    // Near the minimum |x - x*| ≤ |g|/μ with μ ≈ 0.4, the smallest Hessian eigenvalue at (1,1).
    CHECK_THAT(r.point[0], WithinAbs(1, 1e-5));
    CHECK_THAT(r.point[1], WithinAbs(1, 1e-5));
}

TEST_CASE("minimize: adam reaches Rosenbrock's minimum (1,1)", "[minimize]") {
    const auto r = minimize(mlm::calc::parse_expression(rosenbrock), point(-1.2, 1), with(Method::adam, 0.01, 100000));
    REQUIRE(r.converged());
    CHECK_THAT(r.point[0], WithinAbs(1, 1e-5));
    CHECK_THAT(r.point[1], WithinAbs(1, 1e-5));
}

TEST_CASE("minimize: adam and momentum reach an ill-conditioned quadratic's minimum", "[minimize]") {
    const auto tape = mlm::calc::parse_expression(ill_conditioned);
    for (const auto& s : {with(Method::momentum, 0.01, 100000), with(Method::adam, 0.01, 100000)}) {
        INFO(method_name(s.method));
        const auto r = minimize(tape, point(0, 0), s);
        REQUIRE(r.converged());
        // |∇f| ≤ 1e-6 and the smallest curvature is 1, so each coordinate is within 1e-6.
        CHECK_THAT(r.point[0], WithinAbs(3, 1e-6));
        CHECK_THAT(r.point[1], WithinAbs(-1, 1e-6));
    }
}

TEST_CASE("minimize: plain gradient descent above 2/L diverges with the reason", "[minimize][divergence]") {
    const auto tape = mlm::calc::parse_expression(ill_conditioned);
    const auto s = with(Method::sgd, 0.025, 10000);
    const auto r = minimize(tape, point(0, 0), s);
    REQUIRE(r.stop == Stop::diverged);
    REQUIRE(r.divergence);
    CHECK_THAT(r.divergence->largest_eigenvalue, WithinAbs(100, 1e-9));
    CHECK_THAT(r.divergence->stable_lr, WithinAbs(0.02, 1e-15));
    // |1 - 0.025·100| = 1.5 per step on y, so f (from 54.5) grows 2.25x a step: past 1e6·54.5 by step ~30.
    CHECK(r.divergence->step > 10);
    CHECK(r.divergence->step < 40);
    const auto message = divergence_message(*r.divergence, s);
    CHECK_THAT(message, Contains("diverged at step " + std::to_string(r.divergence->step) + ": f grew from 54.5 to "));
    CHECK_THAT(message, Contains("; the learning rate 0.025 is above 2/L = 0.02 for this function near the start"));
}

TEST_CASE("minimize: below 2/L the same descent converges", "[minimize][divergence]") {
    const auto r = minimize(mlm::calc::parse_expression(ill_conditioned), point(0, 0), with(Method::sgd, 0.019, 100000));
    CHECK(r.converged());
}

TEST_CASE("minimize: an unbounded function is reported falling, not as a learning-rate problem", "[minimize][divergence]") {
    const auto s = with(Method::sgd, 0.5, 100000);
    const auto r = minimize(mlm::calc::parse_expression("-exp(x)"), Eigen::VectorXd::Zero(1), s);
    REQUIRE(r.stop == Stop::diverged);
    CHECK_THAT(divergence_message(*r.divergence, s), Contains("fell from -1 to -inf; the function looks unbounded below"));
}

TEST_CASE("minimize: max steps without convergence keeps the last point", "[minimize]") {
    const auto r = minimize(mlm::calc::parse_expression(rosenbrock), point(-1.2, 1), with(Method::sgd, 1e-3, 50));
    CHECK(r.stop == Stop::max_steps);
    CHECK(r.steps == 50);
    CHECK(r.point[0] != -1.2);
}

TEST_CASE("minimize: the trace has one row per point visited, with the rate of the step leaving it", "[minimize][trace]") {
    auto s = with(Method::sgd, 0.1, 5);
    s.schedule = parse_schedule("warmup:2");
    s.trace_limit = -1;
    const auto r = minimize(mlm::calc::parse_expression("x^2"), Eigen::VectorXd::Ones(1), s);
    REQUIRE(r.trace.size() == 6);
    CHECK(r.trace[0].lr == 0.05);
    CHECK(r.trace[1].lr == 0.1);
    // x1 = 1 - 0.05·2 = 0.9
    CHECK_THAT(r.trace[1].x[0], WithinAbs(0.9, 1e-15));
    CHECK_THAT(r.trace[1].f, WithinAbs(0.81, 1e-15));
    CHECK_THAT(r.trace[1].grad_norm, WithinAbs(1.8, 1e-15));
}

TEST_CASE("minimize: a start where f is not finite is a numeric error", "[minimize][error]") {
    CHECK_THROWS_AS(minimize(mlm::calc::parse_expression("log(x)"), Eigen::VectorXd::Constant(1, -1),
                             with(Method::sgd, 0.1, 10)),
                    mlm::NumericError);
    CHECK_THROWS_AS(minimize(mlm::calc::parse_expression("x^2"), Eigen::VectorXd::Ones(1), with(Method::sgd, -1, 10)),
                    mlm::UsageError);
}

TEST_CASE("minimize: readable numbers in messages", "[minimize]") {
    CHECK(readable(4.1e9) == "4.1e9");
    CHECK(readable(13) == "13");
    CHECK(readable(0.2) == "0.2");
    CHECK(readable(2e-5) == "2e-5");
    CHECK(readable(-1.0 / 0.0) == "-inf");
}

TEST_CASE("minimize: --eps 0 turning the point nan is named as the point, not f falling", "[minimize][divergence]") {
    auto s = with(Method::adam, 1e-3, 100);
    s.hyper.eps = 0;
    const auto r = minimize(mlm::calc::parse_expression("x^2 + y^2"), point(1, 0), s);
    REQUIRE(r.stop == Stop::diverged);
    CHECK(r.divergence->cause == Cause::point);
    CHECK(r.divergence->step == 1);
    CHECK_THAT(divergence_message(*r.divergence, s),
               Contains("made the point not finite: y = nan; with --eps 0, a gradient of 0 divides 0 by 0"));
}

TEST_CASE("minimize: a nan in the start point is refused by name", "[minimize][divergence]") {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    CHECK_THROWS_WITH(minimize(mlm::calc::parse_expression("x^2 + y"), point(1, nan), with(Method::sgd, 0.1, 10)),
                      "the start point has y = nan: gradient descent needs a finite start");
}

TEST_CASE("minimize: f gone nan on the way names the node and the point", "[minimize][divergence]") {
    const auto s = with(Method::sgd, 0.7, 100);
    const auto r = minimize(mlm::calc::parse_expression("log(x)"), Eigen::VectorXd::Ones(1), s);
    REQUIRE(r.stop == Stop::diverged);
    CHECK(r.divergence->cause == Cause::f);
    // x: 1 -> 1 - 0.7 = 0.3 -> 0.3 - 0.7/0.3 = -2.0333...: log is nan there.
    CHECK(r.divergence->step == 2);
    CHECK_THAT(r.divergence->where, Contains("log(x) is nan at x = -2.03"));
}

TEST_CASE("minimize: max steps says still falling, oscillating or stalled", "[minimize][stall]") {
    const auto bowl = mlm::calc::parse_expression("x^2 + 3*y^2");
    // lr 0.1: contraction 0.8 and 0.4 per step, f falls fast: still falling.
    auto r = minimize(bowl, point(3, 2), with(Method::sgd, 0.1, 5));
    REQUIRE(r.stall);
    CHECK(r.stall->kind == Stall::Kind::falling);
    CHECK(r.stall->window == 5);
    // lr 0.33 against 2/L = 1/3 on y: y flips sign every step, |1 - 0.33*6| = 0.98.
    r = minimize(bowl, point(3, 2), with(Method::sgd, 0.33, 200));
    REQUIRE(r.stall);
    CHECK(r.stall->kind == Stall::Kind::oscillating);
    CHECK(r.stall->reversals > 0.9);
    CHECK_THAT(r.stall->stable_lr, WithinRel(1.0 / 3, 1e-12));
    // sigmoid(x - 20) from 0: |g| ~ 2e-9, f moves by ~1e-16 of itself per step.
    r = minimize(mlm::calc::parse_expression("sigmoid(x - 20)"), Eigen::VectorXd::Zero(1),
                 with(Method::sgd, 1, 1000, 1e-12));
    REQUIRE(r.stall);
    CHECK(r.stall->kind == Stall::Kind::stalled);
}

TEST_CASE("minimize: the observer sees every step while the result keeps none", "[minimize][trace]") {
    long rows = 0, last = -1;
    const auto r = minimize(mlm::calc::parse_expression("x^2"), Eigen::VectorXd::Ones(1), with(Method::sgd, 0.1, 1000),
                            [&](const TraceRow& row) {
                                ++rows;
                                last = row.step;
                            });
    CHECK(r.trace.empty());
    CHECK(rows == r.steps + 1);
    CHECK(last == r.steps);
}
