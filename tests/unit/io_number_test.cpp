#include "io/number.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <system_error>

using mlm::io::ParseResult;
using mlm::io::format_number;
using mlm::io::parse_number;

namespace {
ParseResult parsed(std::string_view text) {
    double x = 0;
    return parse_number(text, x);
}
double value_of(std::string_view text) {
    double x = -12345;
    REQUIRE(parse_number(text, x) == ParseResult::ok);
    return x;
}
}  // namespace

TEST_CASE("number: decimal and scientific literals parse to the nearest double", "[number]") {
    // Exact equality is right here: a correct parser returns the double nearest
    // the literal, which is what the compiler makes of the same literal.
    CHECK(value_of("1.5") == 1.5);
    CHECK(value_of("-2") == -2.0);
    CHECK(value_of("6.02e23") == 6.02e23);
    CHECK(value_of("1E-5") == 1e-5);
    CHECK(value_of(".5") == 0.5);
    CHECK(value_of("0.1") == 0.1);
}

TEST_CASE("number: surrounding spaces and tabs are allowed", "[number]") {
    CHECK(value_of("  3.25\t") == 3.25);
}

TEST_CASE("number: a cell is a number only as a whole", "[number][edge]") {
    CHECK(parsed("1,5") == ParseResult::invalid);
    CHECK(parsed("12abc") == ParseResult::invalid);
    CHECK(parsed("0x10") == ParseResult::invalid);
    CHECK(parsed("1 2") == ParseResult::invalid);
    CHECK(parsed("abc") == ParseResult::invalid);
    CHECK(parsed("1e") == ParseResult::invalid);
    CHECK(parsed("-") == ParseResult::invalid);
}

TEST_CASE("number: an empty or blank cell is empty, not zero", "[number][edge]") {
    CHECK(parsed("") == ParseResult::empty);
    CHECK(parsed("  \t") == ParseResult::empty);
}

TEST_CASE("number: a literal beyond the double range is out of range, not inf", "[number][edge]") {
    CHECK(parsed("1e400") == ParseResult::out_of_range);
    CHECK(parsed("-1e400") == ParseResult::out_of_range);
    CHECK(parsed("1.8e308") == ParseResult::out_of_range);
    CHECK(value_of("1.7976931348623157e308") == std::numeric_limits<double>::max());
}

TEST_CASE("number: nan, inf and -inf are read as such", "[number][edge]") {
    CHECK(std::isnan(value_of("nan")));
    CHECK(value_of("inf") == std::numeric_limits<double>::infinity());
    CHECK(value_of("-inf") == -std::numeric_limits<double>::infinity());
    CHECK(value_of("Infinity") == std::numeric_limits<double>::infinity());
}

TEST_CASE("number: is_number tells header cells from numbers", "[number]") {
    CHECK(mlm::io::is_number("3"));
    CHECK(mlm::io::is_number("nan"));
    CHECK_FALSE(mlm::io::is_number("x"));
    CHECK_FALSE(mlm::io::is_number(""));
    CHECK_FALSE(mlm::io::is_number("1e400"));
}

TEST_CASE("number: printing is the shortest text that reads back the same", "[number][format]") {
    CHECK(format_number(0.1) == "0.1");
    CHECK(format_number(1.0) == "1");
    CHECK(format_number(-2.5) == "-2.5");
    CHECK(format_number(1.0 / 3.0) == "0.3333333333333333");
    CHECK(format_number(1e100) == "1e100");
    CHECK(format_number(0.1 + 0.2) == "0.30000000000000004");
    for (double x : {std::acos(-1.0), 1e-310, 123456789.125, -7.0e-12, 5e-324}) {
        double back = 0;
        REQUIRE(parse_number(format_number(x), back) == ParseResult::ok);
        CHECK(back == x);  // round trip is exact by definition
    }
}

TEST_CASE("number: negative zero prints as 0", "[number][format][edge]") {
    CHECK(format_number(-0.0) == "0");
    CHECK(format_number(-0.0, 3) == "0");
}

TEST_CASE("number: non-finite values are spelled nan, inf and -inf", "[number][format][edge]") {
    CHECK(format_number(std::numeric_limits<double>::quiet_NaN()) == "nan");
    CHECK(format_number(-std::numeric_limits<double>::quiet_NaN()) == "nan");
    CHECK(format_number(std::numeric_limits<double>::infinity()) == "inf");
    CHECK(format_number(-std::numeric_limits<double>::infinity()) == "-inf");
    CHECK(format_number(std::numeric_limits<double>::infinity(), 4) == "inf");
}

TEST_CASE("number: --precision prints that many significant digits", "[number][format]") {
    CHECK(format_number(3.14159265358979, 3) == "3.14");
    CHECK(format_number(2.0 / 3.0, 4) == "0.6667");
    CHECK(format_number(123456.0, 2) == "120000");
    CHECK(format_number(0.5, 6) == "0.5");
    CHECK(format_number(1.0 / 3.0, 17) == "0.33333333333333331");
}

TEST_CASE("number: round_to_precision is what format_number prints, read back", "[number][format]") {
    CHECK(mlm::io::round_to_precision(2.0 / 3.0, 3) == 0.667);
    CHECK(mlm::io::round_to_precision(2.0 / 3.0, 0) == 2.0 / 3.0);
    CHECK(std::isinf(mlm::io::round_to_precision(std::numeric_limits<double>::infinity(), 3)));
}

TEST_CASE("number: append_number appends to what is there", "[number][format]") {
    std::string out = "x=";
    mlm::io::append_number(out, 42);
    CHECK(out == "x=42");
}

TEST_CASE("number: --precision 3 of 27000 is 27000, not 2.7e+04", "[number][format]") {
    // Plain wherever it is no longer than printf's exponent form (2.7e+04).
    CHECK(format_number(27000.0, 3) == "27000");
    CHECK(format_number(27000.0, 1) == "30000");
    CHECK(format_number(-27000.0, 3) == "-27000");
    CHECK(format_number(1234567.0, 3) == "1230000");  // no longer than 1.23e+06
    CHECK(format_number(0.000123, 3) == "0.000123");  // a tie with 1.23e-04: plain
    CHECK(format_number(0.0000123, 3) == "1.23e-5");
    CHECK(format_number(2.0 / 3.0, 3) == "0.667");
    CHECK(format_number(99999.0, 3) == "1e5");  // 100000 is longer than 1e+05
}

TEST_CASE("number: the exponent form has no + and no leading zeros", "[number][format]") {
    // Python's repr spells these 1e-07 and 1e+100; the shortest form chooses
    // exponent or plain as std::to_chars does, only the exponent is bare.
    CHECK(format_number(1e-7) == "1e-7");
    CHECK(format_number(1.5e-7) == "1.5e-7");
    CHECK(format_number(-4.936513671963637e-07) == "-4.936513671963637e-7");
    CHECK(format_number(1e22) == "1e22");
    CHECK(format_number(1e5) == "1e5");
    CHECK(format_number(123456.0) == "123456");
    CHECK(format_number(0.001) == "0.001");
    CHECK(format_number(0.0001) == "1e-4");  // to_chars: 1e-04 is shorter than 0.0001
    CHECK(format_number(0.00001) == "1e-5");
    CHECK(format_number(5e-324) == "5e-324");
    CHECK(format_number(1.7976931348623157e308) == "1.7976931348623157e308");
    CHECK(format_number(1.2345e-7, 17) == "1.2345000000000001e-7");
    CHECK(format_number(1e100, 3) == "1e100");
}

TEST_CASE("number: a large whole double keeps the exact digits to_chars gives it", "[number][format]") {
    // 1.2345678901234568e20 is exactly 123456789012345677824: to_chars prints
    // plain digits of the same length as the zero-padded form, and closer.
    const double x = 1.2345678901234568e20;
    double back = 0;
    REQUIRE(parse_number(format_number(x), back) == ParseResult::ok);
    CHECK(back == x);
    CHECK(format_number(x).find('e') == std::string::npos);
}

namespace {
// fast_float on the whole of `s`, as parse_number's fast path calls it.
bool fast_float_whole(const std::string& s, double& x) {
    auto r = fast_float::from_chars(s.data(), s.data() + s.size(), x);
    return r.ec == std::errc() && r.ptr == s.data() + s.size();
}
}  // namespace

TEST_CASE("number: the short-decimal path gives fast_float's double, bit for bit, or declines",
          "[number][parse]") {
    std::mt19937_64 rng(16);
    const std::string alphabet = "0123456789012345678901234567890123456789.-e+ x";
    std::size_t taken = 0, mismatches = 0, wrongly_taken = 0;
    for (int i = 0; i < 400000; ++i) {
        std::string s;
        if (i % 2 == 0) {  // text of numberish bytes, any length up to 22
            const std::size_t n = rng() % 23;
            for (std::size_t j = 0; j < n; ++j) s += alphabet[rng() % alphabet.size()];
        } else {  // a decimal of 1 to 17 digits with a point anywhere (or none) and maybe a sign
            const std::size_t n = 1 + rng() % 17;
            for (std::size_t j = 0; j < n; ++j) s += static_cast<char>('0' + rng() % 10);
            const std::size_t point = rng() % (n + 2);
            if (point <= n) s.insert(point, ".");
            if (rng() % 3 == 0) s.insert(0, "-");
        }
        double fast = 0, expected = 0;
        if (!mlm::io::parse_short_decimal(s, fast)) continue;
        ++taken;
        if (!fast_float_whole(s, expected)) {
            ++wrongly_taken;
            continue;
        }
        if (std::memcmp(&fast, &expected, sizeof fast) != 0) ++mismatches;
    }
    CHECK(taken > 100000);  // the test tried the path in earnest
    CHECK(wrongly_taken == 0);
    CHECK(mismatches == 0);
}

TEST_CASE("number: the short-decimal path declines what it cannot give exactly", "[number][parse][edge]") {
    double x = 42;
    for (const char* s : {"", "-", ".", "-.", "1234567890123456", "0.0000000000000001", "1e5", "+1", " 1", "1 ",
                          "1,5", "nan", "inf", "0x10", "1..2", "--1"})
        CHECK_FALSE(mlm::io::parse_short_decimal(s, x));
    CHECK(x == 42);
    CHECK(mlm::io::parse_short_decimal("-0", x));
    CHECK(std::signbit(x));
    CHECK(mlm::io::parse_short_decimal("123456789012345", x));
    CHECK(x == 123456789012345.0);
    CHECK(mlm::io::parse_short_decimal(".5", x));
    CHECK(x == 0.5);
    // The longest cell it takes: a sign, 15 digits and a point (17 bytes).
    CHECK(mlm::io::parse_short_decimal("-1234567890.12345", x));
    CHECK(x == -1234567890.12345);
    CHECK_FALSE(mlm::io::parse_short_decimal("-1234567890.123450", x));
}
