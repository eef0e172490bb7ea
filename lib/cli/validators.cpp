#include "cli/validators.hpp"

#include "io/number.hpp"

#include <CLI/CLI.hpp>
#include <charconv>
#include <cmath>
#include <limits>

namespace mlm::cli {

namespace {

// Whether the option's text is a number by the contract's grammar (the one
// cells are read by) and passes `ok`. CLI11's own conversion is laxer: it
// reads 0x10 as 16 and 1e999 as inf, so text that is no number fails here.
bool reads_as(const std::string& text, bool (*ok)(double)) {
    double x = 0;
    return io::parse_number(text, x) == io::ParseResult::ok && ok(x);
}

}  // namespace

const Check& not_nan() {
    static const Check v(CLI::Validator(
        [](std::string& s) {
            if (reads_as(s, [](double x) { return !std::isnan(x); })) return std::string();
            return reads_as(s, [](double) { return true; }) ? std::string("nan is not allowed here")
                                                             : "expected a number, got \"" + s + "\"";
        },
        "", "NOT_NAN"));
    return v;
}

const Check& finite() {
    static const Check v(CLI::Validator(
        [](std::string& s) {
            if (reads_as(s, [](double x) { return std::isfinite(x); })) return std::string();
            double ignored = 0;
            return io::parse_number(s, ignored) == io::ParseResult::invalid
                       ? "expected a number, got \"" + s + "\""
                       : "must be a finite number, got " + s;
        },
        "", "FINITE"));
    return v;
}

Check whole_number(std::int64_t lo, std::uint64_t hi) {
    const bool open_ended = hi == std::numeric_limits<std::uint64_t>::max();
    const std::string want = open_ended ? ">= " + std::to_string(lo)
                                        : "from " + std::to_string(lo) + " to " + std::to_string(hi);
    return Check(CLI::Validator(
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
        "", "WHOLE"));
}

const Check& bin_count() {
    static const Check v(CLI::Validator(
        [](std::string& s) {
            if (s == "auto") return std::string();
            double n = 0;
            return io::parse_number(s, n) == io::ParseResult::ok && n >= 1 && n <= 1e6 && n == std::floor(n)
                       ? std::string()
                       : std::string("must be auto or a whole number from 1 to 1000000");
        },
        "", "BINS"));
    return v;
}

}  // namespace mlm::cli
