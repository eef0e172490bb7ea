// Fitting a linear model (objective.hpp) to rows held in memory, by the
// method that suits the problem:
//   exact        linear + mse, no l1: least squares by QR (least_squares.hpp)
//   coordinate   linear + mse with l1: coordinate descent (coordinate_descent.hpp)
//   lbfgs        any smooth objective (no l1): L-BFGS (optim/lbfgs.hpp)
//   proximal     l1 on logistic, softmax or huber: FISTA (proximal_gradient.hpp)
//   first_order  one of optim's optimizers (sgd, adam, ...), full batch or
//                mini-batches of rows shuffled by a seeded std::mt19937_64,
//                with a proximal soft threshold after each step under l1.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "models/objective.hpp"
#include "optim/optimizer.hpp"
#include "optim/schedule.hpp"

namespace mlm::models {

enum class Solver { exact, coordinate, lbfgs, proximal, first_order };
std::string_view solver_name(Solver s);

struct FitSettings {
    std::optional<Solver> solver;  // unset: chosen by choose_solver
    optim::Method method = optim::Method::sgd;  // first_order
    optim::Hyperparameters hyper = optim::default_hyperparameters(optim::Method::sgd);
    optim::Schedule schedule;
    Eigen::Index batch = 0;        // rows per mini-batch; 0: all rows
    long epochs = 1000;            // passes (iterations for lbfgs, proximal; sweeps for coordinate)
    double tol = 1e-8;             // on the norm of the gradient (or gradient mapping)
    std::uint64_t seed = 42;
};

// exact for linear mse without l1, coordinate with l1, else lbfgs without l1, proximal with.
Solver choose_solver(const Spec& spec);

struct EpochRow {
    long epoch = 0;
    double objective = 0;
    double grad_norm = 0;
    double lr = 0;  // the step taken: α of the line search, 1/L, or the scheduled rate
};
using EpochObserver = std::function<void(const EpochRow&)>;

enum class FitStop { converged, max_epochs, diverged, no_progress };

struct FitResult {
    Parameters parameters;
    Solver solver = Solver::exact;
    double objective = 0;  // the whole objective, l1 included
    double loss = 0;       // its mean-loss part
    double grad_norm = 0;
    long epochs = 0;
    FitStop stop = FitStop::converged;
    bool converged() const { return stop == FitStop::converged; }
};

FitResult fit(const RowMatrix& x, const Eigen::VectorXd& y, const Spec& spec, const FitSettings& settings,
              const EpochObserver& observer = {}, const Parameters* warm_start = nullptr);

// Every row on the right side of the boundary (logistic: y = 1 exactly where
// z > 0; softmax: the true class has the largest score): without a penalty
// the weights of such data grow without bound.
bool separates(const RowMatrix& x, const Eigen::VectorXd& y, const Spec& spec, const Parameters& p);

}  // namespace mlm::models
