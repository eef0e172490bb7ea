#include "cli/validators.hpp"

#include "io/number.hpp"

#include <cmath>

namespace mlm::cli {

namespace {

// What the option's text reads as, by the contract's number grammar; the
// option's own type conversion reports text that is no number at all.
bool reads_as(const std::string& text, bool (*ok)(double)) {
    double x = 0;
    if (io::parse_number(text, x) != io::ParseResult::ok) return true;
    return ok(x);
}

}  // namespace

const CLI::Validator& not_nan() {
    static const CLI::Validator v(
        [](std::string& s) {
            return reads_as(s, [](double x) { return !std::isnan(x); }) ? std::string()
                                                                       : std::string("nan is not allowed here");
        },
        "", "NOT_NAN");
    return v;
}

const CLI::Validator& finite() {
    static const CLI::Validator v(
        [](std::string& s) {
            return reads_as(s, [](double x) { return std::isfinite(x); })
                       ? std::string()
                       : std::string("must be a finite number, got " + s);
        },
        "", "FINITE");
    return v;
}

}  // namespace mlm::cli
