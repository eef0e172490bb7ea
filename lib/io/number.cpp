#include "io/number.hpp"

#include <algorithm>
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
    if (x == 0) { out += '0'; return; }  // no "-0"
    // The digits and exponent of the scientific form (shortest round trip, or
    // `precision` significant digits), then the plain spelling unless printf's
    // exponent form (1.5e-07) would be shorter: the choice std::to_chars makes
    // for the shortest form, so --precision follows the same rule. The exponent
    // is then written bare, as Python's repr does: 1.5e-7, 2e20.
    char buf[64];
    if (precision <= 0) {
        // std::to_chars already chose plain or exponent by this rule (and
        // prints a large integer-valued double's exact digits, which stay):
        // only respell its exponent, e+05 as e5 and e-07 as e-7.
        auto r = std::to_chars(buf, buf + sizeof buf, x);
        std::string_view t(buf, static_cast<std::size_t>(r.ptr - buf));
        const std::size_t e_at = t.find('e');
        if (e_at == std::string_view::npos) {
            out += t;
            return;
        }
        out += t.substr(0, e_at + 1);
        std::size_t i = e_at + 1;
        if (t[i] == '-') out += '-';
        if (t[i] == '-' || t[i] == '+') ++i;
        while (i + 1 < t.size() && t[i] == '0') ++i;
        out += t.substr(i);
        return;
    }
    auto sci = precision > 0 ? std::to_chars(buf, buf + sizeof buf, x, std::chars_format::scientific, precision - 1)
                             : std::to_chars(buf, buf + sizeof buf, x, std::chars_format::scientific);
    std::string_view text(buf, static_cast<std::size_t>(sci.ptr - buf));
    const bool negative = text.front() == '-';
    if (negative) text.remove_prefix(1);
    const std::size_t e_at = text.find('e');
    int exponent = 0;
    std::from_chars(text.data() + e_at + (text[e_at + 1] == '+' ? 2 : 1), text.data() + text.size(), exponent);
    char digits[32];
    std::size_t n = 0;
    for (char c : text.substr(0, e_at))
        if (c != '.') digits[n++] = c;
    while (n > 1 && digits[n - 1] == '0') --n;  // --precision 3 of 0.5 is 0.5, not 0.500
    const std::string_view d(digits, n);

    // Sizes first, so that only the chosen spelling is built, in place.
    const std::size_t abs_exp = static_cast<std::size_t>(exponent < 0 ? -exponent : exponent);
    const std::size_t exp_digits = abs_exp >= 100 ? 3 : abs_exp >= 10 ? 2 : 1;
    const std::size_t printf_size = (n > 1 ? n + 1 : 1) + 2 + std::max<std::size_t>(2, exp_digits);
    std::size_t plain_size;
    if (exponent < 0) plain_size = 2 + (abs_exp - 1) + n;                        // 0.000ddd
    else if (abs_exp + 1 >= n) plain_size = abs_exp + 1;                         // ddd000
    else plain_size = n + 1;                                                     // dd.ddd
    if (negative) out += '-';
    if (plain_size <= printf_size) {
        if (exponent < 0) {
            out += "0.";
            out.append(abs_exp - 1, '0');
            out += d;
        } else if (abs_exp + 1 >= n) {
            out += d;
            out.append(abs_exp + 1 - n, '0');
        } else {
            out += d.substr(0, abs_exp + 1);
            out += '.';
            out += d.substr(abs_exp + 1);
        }
        return;
    }
    out += d[0];
    if (n > 1) {
        out += '.';
        out += d.substr(1);
    }
    out += 'e';
    if (exponent < 0) out += '-';
    char e[8];
    auto end = std::to_chars(e, e + sizeof e, abs_exp).ptr;
    out.append(e, end);
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
