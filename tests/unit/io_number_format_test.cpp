// io::write_number against the formatter it replaced, kept here as the oracle:
// std::to_chars (libstdc++'s Ryu) for the digits, respelled. The new writer
// takes its shortest digits from Dragonbox and lays them out itself, so every
// byte must agree, over millions of doubles chosen where layouts change:
// random bit patterns (subnormals, huge and tiny exponents), powers of ten and
// their neighbours, whole numbers, 1e15..1e17 and 2^53, at every --precision.
#include "io/number.hpp"

#include <catch2/catch.hpp>
#include <algorithm>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <limits>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace {

// The formatter before Dragonbox (lib/io/number.cpp until issue 16), verbatim.
void reference_append(std::string& out, double x, int precision) {
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

std::string reference(double x, int precision) {
    std::string out;
    reference_append(out, x, precision);
    return out;
}

std::string written(double x, int precision) {
    char text[mlm::io::max_number_chars];
    return std::string(text, mlm::io::write_number(text, x, precision));
}

// The doubles where a writer can go wrong, `count` of them and then some.
std::vector<double> hard_doubles(std::size_t count) {
    std::mt19937_64 rng(20261202);
    std::vector<double> xs;
    // Any bit pattern: every exponent, subnormals, both signs (nan and inf too).
    for (std::size_t i = 0; i < count / 2; ++i) xs.push_back(std::bit_cast<double>(rng()));
    // Scores and gradients: normal draws at several scales.
    std::normal_distribution<double> normal(0.0, 1.0);
    for (std::size_t i = 0; i < count / 8; ++i) xs.push_back(normal(rng) * std::pow(10.0, static_cast<int>(rng() % 40) - 20));
    // Short decimals, as inputs are typed: k / 10^m.
    for (std::size_t i = 0; i < count / 8; ++i)
        xs.push_back(static_cast<double>(rng() % 10000000) / std::pow(10.0, static_cast<int>(rng() % 12)));
    // Whole numbers, small and up to 2^64, and around 2^53.
    for (std::size_t i = 0; i < count / 16; ++i) xs.push_back(static_cast<double>(rng() >> (rng() % 64)));
    for (std::int64_t k = -2000; k <= 2000; ++k) xs.push_back(9007199254740992.0 + static_cast<double>(k) * 2);
    for (int k = 0; k <= 100000; ++k) xs.push_back(k);
    // 1e15..1e17 (where plain and exponent forms trade places) and d * 10^k.
    std::uniform_real_distribution<double> wide(1e15, 1e17);
    for (std::size_t i = 0; i < count / 16; ++i) xs.push_back(wide(rng));
    for (int k = 10; k <= 25; ++k)
        for (int d = 1; d <= 999; ++d) xs.push_back(d * std::pow(10.0, k));
    // Powers of ten and their neighbours, a few ulps either side.
    for (int k = -323; k <= 308; ++k) {
        double p = 0;
        std::string text = "1e" + std::to_string(k);
        std::from_chars(text.data(), text.data() + text.size(), p);
        double down = p, up = p;
        for (int u = 0; u < 4; ++u) {
            xs.push_back(down);
            xs.push_back(up);
            down = std::nextafter(down, 0.0);
            up = std::nextafter(up, std::numeric_limits<double>::infinity());
        }
    }
    // The extremes.
    for (double x : {std::numeric_limits<double>::min(), std::numeric_limits<double>::max(),
                     std::numeric_limits<double>::denorm_min(), std::numeric_limits<double>::epsilon(),
                     std::nextafter(std::numeric_limits<double>::min(), 0.0), 0.0, -0.0,
                     std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity(),
                     std::numeric_limits<double>::quiet_NaN()})
        xs.push_back(x);
    const std::size_t signed_end = xs.size();
    for (std::size_t i = count / 2; i < signed_end; ++i) xs.push_back(-xs[i]);
    return xs;
}

// How many of `xs` write_number spells differently from the oracle at `precision`;
// the first such one in `first`.
std::size_t differences(const std::vector<double>& xs, int precision, std::string& first) {
    std::size_t bad = 0;
    for (double x : xs) {
        const std::string got = written(x, precision), want = reference(x, precision);
        if (got == want) continue;
        if (bad++ == 0) first = "x = " + reference(x, 17) + ": wrote " + got + ", expected " + want;
    }
    return bad;
}

}  // namespace

TEST_CASE("number format: the shortest text is byte for byte the to_chars oracle's", "[number][format]") {
    const std::vector<double> xs = hard_doubles(2000000);
    REQUIRE(xs.size() > 2000000);
    std::string first;
    const std::size_t bad = differences(xs, 0, first);
    INFO(first);
    CHECK(bad == 0);
}

TEST_CASE("number format: every --precision 1..17 is byte for byte the oracle's", "[number][format]") {
    std::vector<double> xs = hard_doubles(200000);
    for (int precision = 1; precision <= 17; ++precision) {
        std::string first;
        const std::size_t bad = differences(xs, precision, first);
        INFO("precision " << precision << ": " << first);
        CHECK(bad == 0);
    }
}

TEST_CASE("number format: the shortest text reads back to the same double", "[number][format]") {
    const std::vector<double> xs = hard_doubles(1000000);
    std::size_t bad = 0;
    std::string first;
    for (double x : xs) {
        if (std::isnan(x)) continue;
        const std::string text = written(x, 0);
        double back = 0;
        const bool ok = mlm::io::parse_number(text, back) == mlm::io::ParseResult::ok && back == x;
        if (!ok && bad++ == 0) first = text;
    }
    INFO(first);
    CHECK(bad == 0);
}

TEST_CASE("number format: spellings at the edges of the layouts", "[number][format]") {
    // Python's repr and %.Ng, respelled as mlm prints (tests/reference/number_format.py):
    // "shortest REPR TEXT" or "precision N REPR TEXT" a line.
    std::ifstream in(MLM_REFERENCE_DIR "/number_format.txt");
    REQUIRE(in);
    std::string kind, literal, want;
    int lines = 0;
    while (in >> kind) {
        int precision = 0;
        if (kind == "precision") in >> precision;
        in >> literal >> want;
        double x = 0;
        REQUIRE(mlm::io::parse_number(literal, x) == mlm::io::ParseResult::ok);
        INFO(kind << " " << literal);
        CHECK(written(x, precision) == want);
        ++lines;
    }
    CHECK(lines == 12);
}
