#include "cli/range_argument.hpp"

#include "error.hpp"
#include "io/number.hpp"

#include <cmath>

namespace mlm::cli {

std::pair<double, double> parse_range(const std::string& text, const std::string& option) {
    const auto comma = text.find(',');
    double lo = 0, hi = 0;
    if (comma == std::string::npos || io::parse_number(text.substr(0, comma), lo) != io::ParseResult::ok ||
        io::parse_number(text.substr(comma + 1), hi) != io::ParseResult::ok || !std::isfinite(lo) ||
        !std::isfinite(hi) || !(lo < hi))
        throw UsageError(option + " must be LO,HI with finite LO < HI, not '" + text + "'");
    return {lo, hi};
}

}  // namespace mlm::cli
