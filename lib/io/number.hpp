// Numbers in and out of text: whole-cell parsing with fast_float (the
// std::from_chars grammar, 1.2x faster), and printing: the shortest digits that
// read back to the same double (Dragonbox, as in fmt, 2.5x faster than the Ryu
// in std::to_chars), or N significant digits, laid out as std::to_chars does.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <fast_float/fast_float.h>
#include <string>
#include <string_view>

namespace mlm::io {

enum class ParseResult { ok, empty, invalid, out_of_range };

// The general case of parse_number below: blanks around the number, empty,
// nan/inf, out of range, invalid.
ParseResult parse_number_general(std::string_view text, double& value);

// The commonest number of all, [-]digits[.digits] with 1 to 15 digits, read
// from the start of [p, end) up to the first byte that cannot extend it: m /
// 10^k with m < 2^53 and k <= 15 is one correctly rounded division of two
// exact doubles, the same double fast_float gives (its Clinger fast path), at
// a third of the instructions. Returns the byte after the number, or nullptr
// (and `value` untouched) when the bytes there do not begin such a number.
inline const char* parse_short_decimal_prefix(const char* p, const char* end, double& value) {
    static constexpr double powers[] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                        1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
    const bool negative = p != end && *p == '-';
    p += negative;
    const char* const first = p;
    std::uint64_t m = 0;
    for (; p != end && static_cast<unsigned char>(*p - '0') < 10; ++p) m = m * 10 + static_cast<unsigned>(*p - '0');
    std::size_t digits = static_cast<std::size_t>(p - first), fraction = 0;
    if (p != end && *p == '.') {
        const char* const point = ++p;
        for (; p != end && static_cast<unsigned char>(*p - '0') < 10; ++p)
            m = m * 10 + static_cast<unsigned>(*p - '0');
        fraction = static_cast<std::size_t>(p - point);
        digits += fraction;
    }
    if (digits == 0 || digits > 15) return nullptr;  // 15 digits: m < 10^15 < 2^53
    const double x = static_cast<double>(m) / powers[fraction];
    value = negative ? -x : x;
    return p;
}

// The whole of `text` as parse_short_decimal_prefix reads it; false, and
// `value` untouched, for anything else.
inline bool parse_short_decimal(std::string_view text, double& value) {
    if (text.size() > 17) return false;  // more than -, 15 digits and a point: no scan of long cells
    const char* const end = text.data() + text.size();
    double x;
    if (parse_short_decimal_prefix(text.data(), end, x) != end) return false;
    value = x;
    return true;
}

// parse_number's cases past the short decimal (below): fast_float on the
// whole cell, then the general case; for readers that tried
// parse_short_decimal themselves.
inline ParseResult parse_number_past_short(std::string_view text, double& value) {
    const char* end = text.data() + text.size();
    auto fast = fast_float::from_chars(text.data(), end, value);
    if (fast.ec == std::errc() && fast.ptr == end && std::isfinite(value)) return ParseResult::ok;
    return parse_number_general(text, value);
}

// Parses the whole of `text` (surrounding spaces and tabs allowed) as a double.
// `nan`, `inf` and `-inf` are numbers; a finite literal too large for a double
// (1e400) is out_of_range rather than inf; `1,5`, `12abc` and `0x10` are invalid.
// Inline, as the table reader calls it once per numeric cell: the common case
// first, a whole cell that is a finite number (from_chars skips no blanks, so on
// success this is exactly what parse_number_general would give).
inline ParseResult parse_number(std::string_view text, double& value) {
    if (parse_short_decimal(text, value)) return ParseResult::ok;
    return parse_number_past_short(text, value);
}

// True when the cell is a number in the sense of parse_number (used to detect
// headers: a first row with any non-number cell is a header).
bool is_number(std::string_view text);

// The room write_number needs: its longest text is 24 characters
// (-2.2250738585072014e-308), and it copies digits in fixed-size blocks past it.
inline constexpr std::size_t max_number_chars = 64;

// Writes `x` at `p`, which has room for max_number_chars, and returns the end:
// the shortest text that reads back to the same double when precision is 0
// (Dragonbox's digits), else `precision` significant digits (trailing zeros
// dropped). Plain notation where it is no longer than the exponent form, whose
// exponent has no + and no leading zeros (27000, 0.001, 1.5e-7, 1e100).
// Non-finite values are spelled nan, inf, -inf; negative zero prints as 0.
char* write_number(char* p, double x, int precision = 0);

// Appends write_number's text to `out`.
inline void append_number(std::string& out, double x, int precision = 0) {
    char text[max_number_chars];
    out.append(text, static_cast<std::size_t>(write_number(text, x, precision) - text));
}
std::string format_number(double x, int precision = 0);

// `x` rounded to `precision` significant digits (identity when 0): what
// format_number would print, read back, for writers that print doubles themselves.
double round_to_precision(double x, int precision);

}  // namespace mlm::io
