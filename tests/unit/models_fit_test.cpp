#include <catch2/catch.hpp>

#include <random>

#include "linalg/moments.hpp"
#include "models/coordinate_descent.hpp"
#include "models/fit.hpp"
#include "models/least_squares.hpp"
#include "models/model.hpp"
#include "models/objective.hpp"

using namespace mlm::models;
using Catch::Matchers::WithinAbs;
using Eigen::VectorXd;

namespace {

RowMatrix random_rows(Eigen::Index n, Eigen::Index d, unsigned seed) {
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> z;
    RowMatrix x(n, d);
    for (Eigen::Index i = 0; i < n; ++i)
        for (Eigen::Index j = 0; j < d; ++j) x(i, j) = z(rng) * (1 + j) + j;
    return x;
}

// The gradient against central differences, for every loss: an invariant, no reference needed.
void check_gradient(const Spec& spec, const RowMatrix& x, const VectorXd& y) {
    const Objective f(x, y, spec);
    std::mt19937_64 rng(3);
    std::normal_distribution<double> z;
    VectorXd theta(f.size());
    for (auto& v : theta) v = 0.3 * z(rng);
    VectorXd g(f.size()), scratch(f.size());
    f(theta, g);
    for (Eigen::Index k = 0; k < theta.size(); ++k) {
        const double h = 1e-6;
        VectorXd up = theta, down = theta;
        up[k] += h;
        down[k] -= h;
        const double numeric = (f(up, scratch) - f(down, scratch)) / (2 * h);
        CHECK_THAT(g[k], WithinAbs(numeric, 1e-6 * (1 + std::abs(numeric))));
    }
}

}  // namespace

TEST_CASE("objective: gradients of mse, huber, log and softmax match central differences", "[objective]") {
    const RowMatrix x = random_rows(50, 3, 1);
    VectorXd y(50), labels(50), classes(50);
    for (Eigen::Index i = 0; i < 50; ++i) {
        y[i] = x(i, 0) - 2 * x(i, 2) + (i % 7) * 0.5;
        labels[i] = i % 3 == 0 ? 1 : 0;
        classes[i] = static_cast<double>(i % 3);
    }
    check_gradient({Kind::linear, Loss::mse, 0, 0.1, true, 1, 1}, x, y);
    check_gradient({Kind::linear, Loss::huber, 0, 0.1, true, 1, 1}, x, y);
    check_gradient({Kind::logistic, Loss::log, 0, 0.2, true, 1, 1}, x, labels);
    check_gradient({Kind::softmax, Loss::log, 0, 0.2, true, 1, 3}, x, classes);
    check_gradient({Kind::softmax, Loss::log, 0, 0, false, 1, 3}, x, classes);
}

TEST_CASE("objective: logistic loss at zero weights is log 2 and stays finite for huge scores", "[objective]") {
    RowMatrix x(2, 1);
    x << 1e300, -1e300;
    const VectorXd y = (VectorXd(2) << 1, 1).finished();
    const Objective f(x, y, {Kind::logistic, Loss::log, 0, 0, false, 1, 1});
    VectorXd g(1);
    CHECK_THAT(f(VectorXd::Zero(1), g), WithinAbs(std::log(2.0), 1e-15));
    const double far = f(VectorXd::Constant(1, 1.0), g);  // z = ±1e300: log1p(e^-|z|) form, no overflow
    CHECK(std::isfinite(far));
    CHECK_THAT(far, WithinAbs(0.5e300, 1e285));
}

TEST_CASE("least squares: the moments' normal equations equal QR on the rows", "[least_squares]") {
    const RowMatrix x = random_rows(200, 4, 2);
    VectorXd y = x * VectorXd::LinSpaced(4, -1, 2);
    for (Eigen::Index i = 0; i < y.size(); ++i) y[i] += 0.1 * std::sin(static_cast<double>(i));
    for (double l2 : {0.0, 0.5}) {
        for (bool intercept : {true, false}) {
            const Parameters qr = least_squares(x, y, l2, intercept);
            mlm::linalg::Moments m(5);
            RowMatrix rows(200, 5);
            rows << x, y;
            m.add_block(rows.topRows(77));
            mlm::linalg::Moments rest(5);
            rest.add_block(rows.bottomRows(123));
            m.merge(rest);
            const Parameters normal = least_squares(m, l2, intercept);
            CHECK((qr.weights - normal.weights).norm() < 1e-10 * qr.weights.norm());
            CHECK_THAT(qr.intercept[0], WithinAbs(normal.intercept[0], 1e-9));
        }
    }
}

TEST_CASE("coordinate descent: without l1 it is least squares; with l1 exact zeros", "[coordinate_descent]") {
    const RowMatrix rows = random_rows(100, 3, 4);
    const Eigen::MatrixXd x = rows.rowwise() - rows.colwise().mean();
    VectorXd y = x.col(0) * 2 + x.col(1) * 0.01;
    y.array() -= y.mean();
    const CoordinateResult none = coordinate_descent(x, y, 0, 0, VectorXd::Zero(3), 1e-14, 100000);
    const Parameters exact = least_squares(RowMatrix(x), y, 0, true);
    CHECK((none.weights - exact.weights.col(0)).norm() < 1e-9);
    const CoordinateResult lasso = coordinate_descent(x, y, 0.5, 0, VectorXd::Zero(3), 1e-14, 100000);
    CHECK(lasso.converged);
    CHECK(lasso.weights[1] == 0);
    CHECK(lasso.weights[2] == 0);
    CHECK(lasso.weights[0] > 0);
}

TEST_CASE("fit: the same optimum by L-BFGS, FISTA without l1, and Adam", "[fit]") {
    const RowMatrix x = random_rows(300, 2, 5);
    VectorXd y(300);
    for (Eigen::Index i = 0; i < 300; ++i) y[i] = (x(i, 0) - 0.5 * x(i, 1) + std::sin(3.0 * i) > 0) ? 1 : 0;
    const Spec spec{Kind::logistic, Loss::log, 0, 0.01, true, 1, 1};
    FitSettings s;
    const FitResult lbfgs = fit(x, y, spec, s);
    REQUIRE(lbfgs.converged());
    s.solver = Solver::proximal;
    s.epochs = 100000;
    const FitResult fista = fit(x, y, spec, s);
    CHECK_THAT(fista.objective, WithinAbs(lbfgs.objective, 1e-10));
    s.solver = Solver::first_order;
    s.method = mlm::optim::Method::adam;
    s.hyper = mlm::optim::default_hyperparameters(s.method);
    s.hyper.lr = 0.05;
    s.epochs = 3000;
    s.tol = 1e-5;
    const FitResult adam = fit(x, y, spec, s);
    CHECK_THAT(adam.objective, WithinAbs(lbfgs.objective, 1e-6));
}

TEST_CASE("model: standardized weights map back to the input's scale", "[model]") {
    RowMatrix x = random_rows(40, 3, 6);
    const RowMatrix raw = x;
    const Scaling s = standardize(x);
    Parameters p{Eigen::MatrixXd::Random(3, 2), Eigen::VectorXd::Random(2)};
    const Parameters back = original_scale(p, s);
    CHECK((linear_scores(x, p) - linear_scores(raw, back)).norm() < 1e-10);
}
