// A point written as assignments to the variables of an expression,
// "x=1,y=2" (mlm-grad --at, mlm-gd --start), read into the tape's variable order.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include <Eigen/Core>

#include "calc/tape.hpp"

namespace mlm::calc {

// Every variable of `tape` must be given exactly once, and nothing else.
// Throws UsageError naming the offending part.
Eigen::VectorXd parse_assignment(std::string_view text, const Tape& tape);

// Values for some of the variables (nullopt for the others); each at most
// once, and only variables of `tape`. "" gives none.
std::vector<std::optional<double>> parse_partial_assignment(std::string_view text, const Tape& tape);

// `tape` with the given variables turned into constants of their values and
// the others renumbered in their order: what mlm-gd --at holds fixed.
Tape bind_variables(const Tape& tape, const std::vector<std::optional<double>>& values);

// "x, y, z", for messages.
std::string variable_list(const Tape& tape);

}  // namespace mlm::calc
