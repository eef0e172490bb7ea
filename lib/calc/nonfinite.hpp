// Where an inf or a NaN comes from: the first node of the tape whose value, or
// whose local derivative, is not finite while its operands are. `log(x)` at
// x = 0 is -inf there and its derivative inf; sqrt(x) at 0 is 0 but its
// derivative is inf. Tools say this on stderr beside the inf they print
// (CONTRACT.md section 5), instead of printing it silently.
#pragma once

#include <optional>
#include <string>

#include <Eigen/Core>

#include "calc/tape.hpp"

namespace mlm::calc {

struct NonFiniteOrigin {
    std::size_t node = 0;     // a variable's node when the point itself holds a NaN or inf
    bool derivative = false;  // the value is finite, the local derivative ∂v/∂operand is not
    double value = 0;         // the value, or the local derivative, that is not finite
};

// Nothing when every value and local derivative at `x` is finite (a
// non-finite Hessian entry can still come from second derivatives).
std::optional<NonFiniteOrigin> nonfinite_origin(const Tape& tape, const Eigen::VectorXd& x);

// One phrase for messages, e.g. "log(x) is -inf at x = 0",
// "the derivative of sqrt(x) is inf at x = 0", "the point has y = nan";
// the point lists the variables the node depends on.
std::string describe(const Tape& tape, const Eigen::VectorXd& x, const NonFiniteOrigin& origin);

}  // namespace mlm::calc
