// Backpropagation: reverse-mode automatic differentiation of a tape. One
// forward pass computes f(x); one backward pass applies the chain rule,
// ∂f/∂v_a += ∂f/∂v_i · ∂v_i/∂v_a, and gives the exact gradient whatever the number of variables.
#pragma once

#include <Eigen/Core>

#include "calc/tape.hpp"

namespace mlm::calc {

struct ValueGradient {
    double value = 0;
    Eigen::VectorXd gradient;  // ∂f/∂x_j in the order of tape.variables
};

// `x` holds one value per variable, in the order of tape.variables.
double value(const Tape& tape, const Eigen::VectorXd& x);
ValueGradient value_and_gradient(const Tape& tape, const Eigen::VectorXd& x);

}  // namespace mlm::calc
