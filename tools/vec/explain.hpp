// --explain for dot and cosine: the formula, then each row's sum written out
// with its numbers (the first rows of a long input), then what the number
// means.
#pragma once

#include <Eigen/Core>
#include <string>

namespace mlm::vec_tool {

// Rows walked through in full; the rest are counted.
inline constexpr std::size_t explained_rows = 5;

// The formula and what the operation is, before the rows.
std::string explain_intro(const std::string& command);
// One row: `x` (named `row`) against `y` (named `other`).
std::string explain_pair(const std::string& command, const std::string& row, const std::string& other,
                         const Eigen::Ref<const Eigen::VectorXd>& x, const Eigen::Ref<const Eigen::VectorXd>& y);
// After the rows: how many were not shown, and what the numbers mean.
std::string explain_outro(const std::string& command, std::size_t rows_not_shown);

}  // namespace mlm::vec_tool
