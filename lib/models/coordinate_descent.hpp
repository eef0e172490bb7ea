// Elastic net by cyclic coordinate descent (Friedman, Hastie & Tibshirani
// 2010; scikit-learn's enet_coordinate_descent): on centered columns x_j and
// target, minimizes (1/2n)‖y − Xw‖² + l1·‖w‖₁ + l2/2·‖w‖² one weight at a time,
//   w_j ← S(x_jᵀr_j / n, l1) / (‖x_j‖²/n + l2),   S(a, t) = sign(a)·max(|a| − t, 0),
// r_j the residual without feature j. The soft threshold S makes weights
// exactly zero. Warm starts (a path from strong to weak penalties) cost a few sweeps each.
#pragma once

#include <Eigen/Core>

namespace mlm::models {

struct CoordinateResult {
    Eigen::VectorXd weights;
    long sweeps = 0;
    bool converged = false;
};

// Stops when a sweep changes no weight by more than tol in units of its
// column's scale, |Δw_j|·‖x_j‖/√n ≤ tol, or after max_sweeps.
CoordinateResult coordinate_descent(const Eigen::MatrixXd& centered_x, const Eigen::VectorXd& centered_y,
                                    double l1, double l2, Eigen::VectorXd start, double tol, long max_sweeps);

// S(a, t).
double soft_threshold(double a, double t);

}  // namespace mlm::models
