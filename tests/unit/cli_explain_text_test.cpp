// --explain text at 80 columns (CONTRACT.md section 7): the wrapper every
// explanation goes through and the fitter of outcome names.
#include "cli/explain_text.hpp"

#include <catch2/catch.hpp>
#include <sstream>

using mlm::cli::fitted;
using mlm::cli::text_columns;
using mlm::cli::wrapped;

namespace {
std::size_t widest_line(const std::string& text) {
    std::istringstream in(text);
    std::size_t widest = 0;
    for (std::string line; std::getline(in, line);) widest = std::max(widest, text_columns(line));
    return widest;
}
}  // namespace

TEST_CASE("explain text: short lines pass through unchanged", "[explain][wrap]") {
    std::string text = "H = 1 bits.\n\n  x   p(x)\n  a   0.5\nlast line without newline";
    CHECK(wrapped(text) == text);
}

TEST_CASE("explain text: a long line breaks at a space, its continuation indented", "[explain][wrap]") {
    std::string line = "  " + std::string(50, 'a') + " " + std::string(40, 'b') + " c\n";
    CHECK(wrapped(line) == "  " + std::string(50, 'a') + "\n    " + std::string(40, 'b') + " c\n");
    // The old 88-column result line of mlm-entropy values --explain.
    std::string h = "H = 1.584962500721156 bits, of at most log2(3) = 1.58496 for 3 outcomes (normalized: 1).\n";
    std::string w = wrapped(h);
    CHECK(widest_line(w) <= 80);
    CHECK(w == "H = 1.584962500721156 bits, of at most log2(3) = 1.58496 for 3 outcomes\n  (normalized: 1).\n");
}

TEST_CASE("explain text: a word longer than the line stays whole", "[explain][wrap]") {
    std::string word(100, 'x');
    CHECK(wrapped("a " + word + " b\n") == "a\n  " + word + "\n  b\n");
}

TEST_CASE("explain text: columns count UTF-8 characters, not bytes", "[explain][utf8]") {
    CHECK(text_columns("caf\xc3\xa9") == 4);
    std::string line;
    for (int i = 0; i < 39; ++i) line += "\xc3\xa9 ";  // 78 columns, 117 bytes
    CHECK(wrapped(line + "\n") == line + "\n");
}

TEST_CASE("explain text: a long outcome name is cut to the column with ...", "[explain][fit]") {
    CHECK(fitted("setosa", 20) == "setosa");
    CHECK(fitted("a_very_long_outcome_name_that_never_ends", 20) == "a_very_long_outco...");
    CHECK(text_columns(fitted("a_very_long_outcome_name_that_never_ends", 20)) == 20);
    // never half a character: 10 two-byte characters cut to 6 columns
    std::string e;
    for (int i = 0; i < 10; ++i) e += "\xc3\xa9";
    CHECK(fitted(e, 6) == "\xc3\xa9\xc3\xa9\xc3\xa9...");
}
