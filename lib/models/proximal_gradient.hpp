// Proximal gradient descent for F(θ) = f(θ) + l1·‖θ_w‖₁ with f smooth (FISTA,
// Beck & Teboulle 2009, with backtracking on the step 1/L and a restart when
// F rises): θ ← S(y − ∇f(y)/L, l1/L) on the penalized entries θ_w, a plain
// gradient step on the others (the intercepts). The soft threshold S makes
// weights exactly zero, which a subgradient step never does.
#pragma once

#include <functional>

#include <Eigen/Core>

#include "optim/lbfgs.hpp"

namespace mlm::models {

struct ProximalResult {
    Eigen::VectorXd x;
    double value = 0;        // F at x
    double grad_norm = 0;    // the norm of the gradient mapping L·(y − x⁺), 0 at the optimum
    long iterations = 0;
    bool converged = false;
};

// The first `penalized` entries of θ carry the l1 penalty. Stops when the
// gradient mapping's norm is ≤ tol. The observer sees (iteration, F, norm, 1/L).
ProximalResult proximal_gradient(const optim::SmoothObjective& f, Eigen::VectorXd start, Eigen::Index penalized,
                                 double l1, double tol, long max_iterations,
                                 const std::function<void(long, double, double, double)>& observer = {});

}  // namespace mlm::models
