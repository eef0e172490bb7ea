// The exact Hessian H_jk = ∂²f/∂x_j∂x_k by forward-over-reverse differentiation:
// backpropagation run over dual numbers seeded with the direction e_k gives
// H·e_k, column k, in one forward and one backward pass.
#pragma once

#include <Eigen/Core>

#include "calc/tape.hpp"

namespace mlm::calc {

Eigen::MatrixXd hessian(const Tape& tape, const Eigen::VectorXd& x);

}  // namespace mlm::calc
