#include "io/number.hpp"

#include <charconv>
#include <cmath>
#include <fast_float/fast_float.h>

namespace mlm::io {

namespace {

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

bool spells_infinity(std::string_view s) {
    if (!s.empty() && s.front() == '-') s.remove_prefix(1);
    return !s.empty() && (s.front() == 'i' || s.front() == 'I');
}

}  // namespace

ParseResult parse_number_general(std::string_view text, double& value) {
    std::string_view s = trimmed(text);
    if (s.empty()) return ParseResult::empty;
    const char* end = s.data() + s.size();
    auto [ptr, ec] = fast_float::from_chars(s.data(), end, value);
    if (ec == std::errc::result_out_of_range) return ParseResult::out_of_range;
    if (ec != std::errc() || ptr != end) return ParseResult::invalid;
    // fast_float returns inf for a finite literal beyond DBL_MAX without complaint.
    if (std::isinf(value) && !spells_infinity(s)) return ParseResult::out_of_range;
    return ParseResult::ok;
}

bool is_number(std::string_view text) {
    double ignored;
    return parse_number(text, ignored) == ParseResult::ok;
}

void append_number(std::string& out, double x, int precision) {
    if (std::isnan(x)) { out += "nan"; return; }
    if (std::isinf(x)) { out += x > 0 ? "inf" : "-inf"; return; }
    if (x == 0) x = 0;  // no "-0"
    char buf[64];
    auto result = precision > 0
        ? std::to_chars(buf, buf + sizeof buf, x, std::chars_format::general, precision)
        : std::to_chars(buf, buf + sizeof buf, x);
    out.append(buf, result.ptr);
}

std::string format_number(double x, int precision) {
    std::string out;
    append_number(out, x, precision);
    return out;
}

double round_to_precision(double x, int precision) {
    if (precision <= 0 || !std::isfinite(x)) return x;
    std::string text = format_number(x, precision);
    double back = x;
    fast_float::from_chars(text.data(), text.data() + text.size(), back);
    return back;
}

}  // namespace mlm::io
