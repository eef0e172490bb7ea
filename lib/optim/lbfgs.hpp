// L-BFGS (Nocedal & Wright, Algorithm 7.4/7.5): a quasi-Newton method that
// builds the inverse Hessian from the last m pairs s = x_{k+1} - x_k,
// y = g_{k+1} - g_k by the two-loop recursion, with a line search satisfying
// the strong Wolfe conditions f(x+αp) ≤ f + c1·α·gᵀp, |g(x+αp)ᵀp| ≤ c2·|gᵀp|
// (Algorithms 3.5 and 3.6, cubic interpolation in the zoom). For smooth
// full-batch problems it converges in tens of passes where fixed-step
// gradient descent needs thousands.
#pragma once

#include <functional>

#include <Eigen/Core>

namespace mlm::optim {

// f(x), writing ∇f(x) into the second argument.
using SmoothObjective = std::function<double(const Eigen::VectorXd& x, Eigen::VectorXd& gradient)>;

struct LbfgsSettings {
    int memory = 10;             // m pairs kept
    long max_iterations = 1000;
    double tol = 1e-8;           // converged when |∇f| (Euclidean) ≤ tol
    double c1 = 1e-4, c2 = 0.9;  // the Wolfe constants
};

struct LbfgsIteration {
    long iteration = 0;    // updates made
    double f = 0;
    double grad_norm = 0;
    double step = 0;       // the line search's α of the update leading here (0 at the start)
    const Eigen::VectorXd* x = nullptr;
};

enum class LbfgsStop {
    converged,        // |∇f| ≤ tol
    max_iterations,
    no_progress,      // the line search found no decrease: f is flat to rounding here
    not_finite,       // f or ∇f became nan or inf
};

struct LbfgsResult {
    Eigen::VectorXd x;
    double f = 0;
    double grad_norm = 0;
    long iterations = 0;
    long evaluations = 0;  // calls of the objective
    LbfgsStop stop = LbfgsStop::max_iterations;
};

// Returning false from the observer stops the run (stop stays max_iterations).
using LbfgsObserver = std::function<bool(const LbfgsIteration&)>;

LbfgsResult lbfgs(const SmoothObjective& f, Eigen::VectorXd x0, const LbfgsSettings& settings,
                  const LbfgsObserver& observer = {});

}  // namespace mlm::optim
