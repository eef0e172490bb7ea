// An option's value of the form LO,HI: two finite numbers, LO < HI, in the
// contract's number grammar (mlm-kl samples --range, mlm-plot contour --x).
#pragma once

#include <string>
#include <utility>

namespace mlm::cli {

// {LO, HI}; a UsageError "OPTION must be LO,HI with finite LO < HI, not 'TEXT'" otherwise.
std::pair<double, double> parse_range(const std::string& text, const std::string& option);

}  // namespace mlm::cli
