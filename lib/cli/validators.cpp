#include "cli/validators.hpp"

#include "io/number.hpp"

#include <charconv>
#include <cmath>
#include <limits>

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

CLI::Validator whole_number(std::int64_t lo, std::uint64_t hi) {
    const bool open_ended = hi == std::numeric_limits<std::uint64_t>::max();
    const std::string want = open_ended ? ">= " + std::to_string(lo)
                                        : "from " + std::to_string(lo) + " to " + std::to_string(hi);
    return CLI::Validator(
        [lo, hi, want](std::string& s) {
            const char* end = s.data() + s.size();
            bool ok = false;
            if (!s.empty() && s[0] == '-') {
                std::int64_t v = 0;
                auto r = std::from_chars(s.data(), end, v);
                ok = r.ec == std::errc() && r.ptr == end && v >= lo;
            } else {
                std::uint64_t v = 0;
                auto r = std::from_chars(s.data(), end, v);
                ok = r.ec == std::errc() && r.ptr == end && v <= hi &&
                     (lo <= 0 || v >= static_cast<std::uint64_t>(lo));
            }
            return ok ? std::string() : "expected a whole number " + want + ", got \"" + s + "\"";
        },
        "", "WHOLE");
}

}  // namespace mlm::cli
