// Gradient descent on an expression: x_{t+1} = x_t - lr_t·update(∇f(x_t)) until
// |∇f| ≤ tol, max_steps, or divergence (f non-finite or grown a millionfold), which
// is explained against the stability limit 2/L of the Hessian at the start.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "calc/tape.hpp"
#include "optim/optimizer.hpp"
#include "optim/schedule.hpp"

namespace mlm::optim {

struct MinimizeSettings {
    Method method = Method::sgd;
    Hyperparameters hyper = default_hyperparameters(Method::sgd);  // hyper.lr is the base rate
    Schedule schedule;
    long max_steps = 10000;
    double tol = 1e-6;         // on the Euclidean norm of the gradient
    long trace_limit = 0;      // rows of the per-step trace to keep; -1 for all
};

enum class Stop { converged, max_steps, diverged };

struct TraceRow {
    long step = 0;            // updates made before this point
    double f = 0;
    double grad_norm = 0;
    double lr = 0;            // the learning rate of the update leaving this point
    Eigen::VectorXd x;
    Eigen::VectorXd gradient;
};

struct Divergence {
    long step = 0;            // the step whose point was non-finite or too large
    double f_start = 0;
    double f_at = 0;
    double largest_eigenvalue = 0;  // L of the Hessian at the start
    double stable_lr = 0;           // 2/L, +inf when L ≤ 0
};

struct MinimizeResult {
    Eigen::VectorXd point;
    double f = 0;
    double grad_norm = 0;
    long steps = 0;
    Stop stop = Stop::max_steps;
    std::optional<Divergence> divergence;
    std::vector<TraceRow> trace;

    bool converged() const { return stop == Stop::converged; }
};

// Throws NumericError when f or its gradient is not finite at the start.
MinimizeResult minimize(const calc::Tape& tape, const Eigen::VectorXd& start, const MinimizeSettings& settings);

// One line, e.g. "diverged at step 7: f grew from 13 to 4.1e9; the learning
// rate 0.25 is above 2/L = 0.2 for this function near the start".
std::string divergence_message(const Divergence& d, const MinimizeSettings& settings);

// A number as a person reads it in a sentence: 3 significant digits, 4.1e9 not 4.1e+09.
std::string readable(double v);

}  // namespace mlm::optim
