#include "io/number.hpp"

#include <algorithm>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <fast_float/fast_float.h>
// Header-only, and only here: fmt is this file's digit generator, nothing more.
#include <fmt/format.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

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

namespace {

// "00" "01" ... "99": two digits per lookup.
constexpr char two_digits[] =
    "0001020304050607080910111213141516171819202122232425262728293031323334353637383940414243444546474849"
    "5051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899";

int count_digits(std::uint64_t v) {
    static constexpr std::uint64_t powers[] = {
        0, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000, 10000000000,
        100000000000, 1000000000000, 10000000000000, 100000000000000, 1000000000000000,
        10000000000000000, 100000000000000000, 1000000000000000000, 10000000000000000000u};
    // log10 from log2 (1233/4096 ~ log10(2)), then one comparison to correct it.
    const int guess = (64 - std::countl_zero(v | 1)) * 1233 >> 12;
    return guess + (v >= powers[guess]);
}

// Exactly 8 digits of v < 10^8 at p, leading zeros included: v / 10^6 in
// fixed point with 48 fraction bits, two digits taken off the top at a time
// (the multiplier 2^48 / 10^6 rounded up, plus one, is exact for every such v:
// checked against printf for all 10^8 of them when this was written).
[[gnu::always_inline]] inline void write_eight(char* p, std::uint32_t v) {
    constexpr std::uint64_t fraction = (std::uint64_t{1} << 48) - 1;
    std::uint64_t t = std::uint64_t{v} * 281474978;
    std::memcpy(p, two_digits + (t >> 48) * 2, 2);
    t = (t & fraction) * 100;
    std::memcpy(p + 2, two_digits + (t >> 48) * 2, 2);
    t = (t & fraction) * 100;
    std::memcpy(p + 4, two_digits + (t >> 48) * 2, 2);
    t = (t & fraction) * 100;
    std::memcpy(p + 6, two_digits + (t >> 48) * 2, 2);
}

#ifdef __SSE2__
// The 8 digits of v < 10^8 as 16-bit lanes, all at once: v / 10^4 and v % 10^4
// by a multiplication, then each of those divided by 10^3, 10^2, 10, 1 in one
// lane each (fixed-point reciprocals), and the tens taken off. Checked against
// printf for all 10^8 values, high and low halves, when this was written.
__m128i eight_lanes(std::uint32_t v) {
    const __m128i x = _mm_cvtsi32_si128(static_cast<int>(v));
    const __m128i abcd = _mm_srli_epi64(_mm_mul_epu32(x, _mm_set1_epi32(static_cast<int>(0xd1b71759))), 45);
    const __m128i efgh = _mm_sub_epi32(x, _mm_mul_epu32(abcd, _mm_set1_epi32(10000)));
    const __m128i both = _mm_slli_epi64(_mm_unpacklo_epi16(abcd, efgh), 2);  // 4 abcd, 4 efgh
    const __m128i pairs = _mm_unpacklo_epi16(both, both);
    const __m128i wide = _mm_unpacklo_epi32(pairs, pairs);  // 4 abcd x4, 4 efgh x4
    const __m128i reciprocals = _mm_setr_epi16(8389, 5243, 13108, -32768, 8389, 5243, 13108, -32768);
    const __m128i shifts = _mm_setr_epi16(1 << 7, 1 << 11, 1 << 13, -32768, 1 << 7, 1 << 11, 1 << 13, -32768);
    // a, ab, abc, abcd, e, ef, efg, efgh; less ten times the lane before: a..h.
    const __m128i heads = _mm_mulhi_epu16(_mm_mulhi_epu16(wide, reciprocals), shifts);
    return _mm_sub_epi16(heads, _mm_slli_epi64(_mm_mullo_epi16(heads, _mm_set1_epi16(10)), 16));
}
#endif

// The digits of `v` < 10^17 as 17 digits, leading zeros included, ending just
// before `end`: the same work for any length, so no branch on it to mispredict
// (a double's digits are 1 to 17, varying from number to number).
[[gnu::always_inline]] inline void write_digits(char* end, std::uint64_t v) {
    constexpr std::uint64_t ten_to_16 = 10000000000000000;
    end[-17] = static_cast<char>('0' + v / ten_to_16);
    v %= ten_to_16;
#ifdef __SSE2__
    const __m128i digits = _mm_packus_epi16(eight_lanes(static_cast<std::uint32_t>(v / 100000000)),
                                            eight_lanes(static_cast<std::uint32_t>(v % 100000000)));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(end - 16), _mm_add_epi8(digits, _mm_set1_epi8('0')));
#else
    write_eight(end - 8, static_cast<std::uint32_t>(v % 100000000));
    write_eight(end - 16, static_cast<std::uint32_t>(v / 100000000));
#endif
}

// A nonzero magnitude as `n` digits d1 d2 ... dn (the first nonzero, the last
// too unless n == 1) times 10^exponent, where `exponent` is the scientific one
// (d1.d2...dn e exponent), spelled plain where that is no longer than printf's
// exponent form (1.5e-07, at least two exponent digits: the rule std::to_chars
// applies to its shortest form), then with a bare exponent (1.5e-7, 2e20).
// `p` has room for max_number_chars (the copies are of fixed sizes, past the
// end of the text); returns the end.
char* lay_out(char* p, std::uint64_t digits, int n, int exponent) {
    char buffer[64];
    std::memset(buffer, '0', 16);  // zeros before the 17 digits, for 0.000ddd
    write_digits(buffer + 32, digits);
    const char* d = buffer + 32 - n;
    // The commonest forms, dd.ddd and 0.000ddd, in one branch-free path: the
    // digits with `pad` zeros before them (the 0 and the zeros after the
    // point) are dd.ddd with the point after the first exponent + pad + 1.
    if (exponent < n - 1 && exponent >= (n > 1 ? -4 : -3)) {
        const int pad = exponent < 0 ? -exponent : 0;
        const int point = exponent + pad + 1;
        const char* padded = d - pad;
        std::memcpy(p, padded, 24);
        std::memcpy(p + point + 1, padded + point, 24);
        p[point] = '.';
        return p + n + pad + 1;
    }
    const int abs_exp = exponent < 0 ? -exponent : exponent;
    const int exp_digits = abs_exp >= 100 ? 3 : abs_exp >= 10 ? 2 : 1;
    const int printf_size = (n > 1 ? n + 1 : 1) + 2 + std::max(2, exp_digits);
    if (exponent < 0) {
        if (2 + (abs_exp - 1) + n <= printf_size) {  // 0.000ddd
            std::memcpy(p, "0.000000", 8);           // at most 0.0000 by the sizes above
            std::memcpy(p + 1 + abs_exp, d, 24);
            return p + 1 + abs_exp + n;
        }
    } else if (exponent + 1 >= n) {
        if (exponent + 1 <= printf_size) {           // ddd000, at most five zeros
            std::memcpy(p, d, 24);
            std::memset(p + n, '0', 8);
            return p + exponent + 1;
        }
    } else {                                         // dd.ddd, never longer
        std::memcpy(p, d, 24);
        std::memcpy(p + exponent + 2, d + exponent + 1, 24);
        p[exponent + 1] = '.';
        return p + n + 1;
    }
    p[0] = d[0];                                     // d.ddde-7
    if (n > 1) {
        p[1] = '.';
        std::memcpy(p + 2, d + 1, 24);
        p += n + 1;
    } else {
        p += 1;
    }
    *p++ = 'e';
    if (exponent < 0) *p++ = '-';
    write_eight(buffer, static_cast<std::uint32_t>(abs_exp));
    std::memcpy(p, buffer + 8 - exp_digits, 4);
    return p + exp_digits;
}

// The shortest round trip of a finite nonzero |x|: Dragonbox's digits (the
// shortest that read back to x, the closest of them to x; the same digits as
// the Ryu inside std::to_chars, at less than half its cost).
char* write_shortest(char* p, double ax) {
    const auto d = fmt::detail::dragonbox::to_decimal(ax);
    const int n = count_digits(d.significand);
    const int exponent = d.exponent + n - 1;
    // A whole number past 2^53 that std::to_chars spells plain gets its exact
    // digits from it (123456789012345677824, not 123456789012345680000); the
    // choice of plain is by length, and the exact digits can outnumber the
    // shortest ones by one (when those round up to a power of ten), so the
    // cases where it may arise go to to_chars.
    if (ax >= 9007199254740992.0 && exponent <= n + 6) {
        const auto r = std::to_chars(p, p + max_number_chars, ax);
        if (std::find(p, r.ptr, 'e') == r.ptr) return r.ptr;
    }
    return lay_out(p, d.significand, n, exponent);
}

// `precision` significant digits of a finite nonzero |x|, correctly rounded
// (Dragonbox only gives the shortest digits), trailing zeros dropped.
char* write_rounded(char* p, double ax, int precision) {
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, ax, std::chars_format::scientific, precision - 1);
    // d.ddddde+XX: the digits, then the exponent.
    std::uint64_t digits = static_cast<std::uint64_t>(buf[0] - '0');
    int n = 1;
    const char* q = buf + 1;
    if (*q == '.') {
        for (++q; *q != 'e'; ++q) {
            digits = digits * 10 + static_cast<std::uint64_t>(*q - '0');
            ++n;
        }
    }
    while (n > 1 && digits % 10 == 0) {  // --precision 3 of 0.5 is 0.5, not 0.500
        digits /= 10;
        --n;
    }
    ++q;  // past the e
    const bool negative_exponent = *q == '-';
    int exponent = 0;
    for (++q; q < r.ptr; ++q) exponent = exponent * 10 + (*q - '0');
    return lay_out(p, digits, n, negative_exponent ? -exponent : exponent);
}

}  // namespace

char* write_number(char* p, double x, int precision) {
    if (std::isnan(x)) return std::copy_n("nan", 3, p);
    if (std::isinf(x)) return x > 0 ? std::copy_n("inf", 3, p) : std::copy_n("-inf", 4, p);
    if (x == 0) {  // no "-0"
        *p = '0';
        return p + 1;
    }
    *p = '-';  // kept when negative: a branch on the sign mispredicts half the time
    p += std::signbit(x);
    const double ax = std::fabs(x);
    return precision > 0 ? write_rounded(p, ax, precision) : write_shortest(p, ax);
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
