#include <catch2/catch.hpp>

#include "cli/explain_text.hpp"

namespace {
// grad and gd continue a broken line four columns further in.
std::string wrap_lines(std::string_view text, std::size_t width = 80) { return mlm::cli::wrapped(text, width, 4); }
}  // namespace

TEST_CASE("wrap: lines within the width are left alone", "[wrap]") {
    CHECK(wrap_lines("short\n\n  indented\n") == "short\n\n  indented\n");
}

TEST_CASE("wrap: a long line breaks at spaces, continuing four columns further in", "[wrap]") {
    CHECK(wrap_lines("  aaa bbb ccc ddd", 12) == "  aaa bbb\n      ccc\n      ddd");
    CHECK(wrap_lines("one two three four five six seven eight nine ten", 20) ==
          "one two three four\n    five six seven\n    eight nine ten");
}

TEST_CASE("wrap: a word longer than the width stays whole", "[wrap]") {
    CHECK(wrap_lines("abcdefghijklmnop qr", 10) == "abcdefghijklmnop\n    qr");
}
