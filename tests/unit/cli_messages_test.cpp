#include "cli/messages.hpp"

#include <CLI/CLI.hpp>
#include <catch2/catch.hpp>
#include <string>

using mlm::cli::near_subcommand;
using mlm::cli::one_line;

TEST_CASE("messages: CR, LF, tab and NUL are escaped so a message is one line", "[messages][hostile]") {
    CHECK(one_line("a\rb") == "a\\rb");
    CHECK(one_line("x=1\n2") == "x=1\\n2");
    CHECK(one_line("a\tb") == "a\\tb");
    CHECK(one_line(std::string("1\0" "2", 3)) == "1\\x002");
    CHECK(one_line("\x1b[31m") == "\\x1b[31m");
    CHECK(one_line("\x7f") == "\\x7f");
}

TEST_CASE("messages: valid UTF-8 passes, broken UTF-8 is \\xNN per byte", "[messages][hostile]") {
    CHECK(one_line("\xc3\xa9t\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80") == "\xc3\xa9t\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80");
    CHECK(one_line("\xc3") == "\\xc3");                  // truncated
    CHECK(one_line("\xff\xfe") == "\\xff\\xfe");         // never valid
    CHECK(one_line("\xc0\xaf") == "\\xc0\\xaf");         // overlong '/'
    CHECK(one_line("\xed\xa0\x80") == "\\xed\\xa0\\x80");  // a surrogate
    CHECK(one_line("\xf4\x90\x80\x80") == "\\xf4\\x90\\x80\\x80");  // above U+10FFFF
}

TEST_CASE("messages: a near-miss of a subcommand is guessed within two edits", "[messages][typo]") {
    CLI::App app;
    app.add_subcommand("values");
    app.add_subcommand("mi");
    app.add_subcommand("merge");
    CHECK(near_subcommand(app, "value") == "values");
    CHECK(near_subcommand(app, "vlaues") == "values");  // a swap is one edit
    CHECK(near_subcommand(app, "valeus") == "values");
    CHECK(near_subcommand(app, "merg") == "merge");
    CHECK(near_subcommand(app, "vals") == "values");    // two deletions
    CHECK(near_subcommand(app, "iris.csv").empty());
    CHECK(near_subcommand(app, "x").empty());            // too short to guess from
    CHECK(near_subcommand(app, "values").empty());       // not a typo
}
