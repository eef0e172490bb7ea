// A point written as assignments to the variables of an expression,
// "x=1,y=2" (mlm-grad --at, mlm-gd --start), read into the tape's variable order.
#pragma once

#include <string_view>

#include <Eigen/Core>

#include "calc/tape.hpp"

namespace mlm::calc {

// Every variable of `tape` must be given exactly once, and nothing else.
// Throws UsageError naming the offending part.
Eigen::VectorXd parse_assignment(std::string_view text, const Tape& tape);

// "x, y, z", for messages.
std::string variable_list(const Tape& tape);

}  // namespace mlm::calc
