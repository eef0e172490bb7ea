#include "cli/context.hpp"
#include "cli/messages.hpp"
#include "cli/validators.hpp"

#include <CLI/CLI.hpp>
#include <catch2/catch.hpp>
#include <algorithm>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

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

namespace {
// The message run_tool would print for `args` parsed by `app`.
std::string refused(CLI::App& app, std::vector<std::string> args) {
    std::reverse(args.begin(), args.end());
    try {
        app.parse(args);
    } catch (const CLI::ParseError& e) {
        return mlm::cli::usage_message(e, app);
    }
    return "accepted";
}
}  // namespace

TEST_CASE("messages: a range error never prints the largest double in 309 digits", "[messages][usage]") {
    CLI::App app;
    double x = 0;
    app.add_option("--low", x)->check(CLI::Range(-std::numeric_limits<double>::max(), 0.0));
    app.add_option("--pos", x)->check(CLI::PositiveNumber);
    app.add_option("--nonneg", x)->check(CLI::NonNegativeNumber);
    CHECK(refused(app, {"--low", "1"}) == "--low: expected a number from -1.8e308 to 0, got \"1\"");
    CHECK(refused(app, {"--pos", "0"}) == "--pos: expected a number > 0, got \"0\"");
    CHECK(refused(app, {"--nonneg", "-1"}) == "--nonneg: expected a number >= 0, got \"-1\"");
}

TEST_CASE("messages: an unknown long option near a real one gets did you mean", "[messages][usage][typo]") {
    CLI::App app;
    int n = 0;
    app.add_option("--precision", n);
    CHECK(refused(app, {"--presicion", "3"}) == "unknown option --presicion; did you mean --precision?");
    CHECK(refused(app, {"--bogus"}) == "unknown option --bogus");
}

TEST_CASE("validators: 0x10 and 1e999 are no numbers, though CLI11 reads them as 16 and inf", "[validators][usage]") {
    CLI::App app;
    double x = 0;
    app.add_option("--lr", x)->check(mlm::cli::finite().validator());
    app.add_option("--fail-above", x)->check(mlm::cli::not_nan().validator());
    CHECK(refused(app, {"--lr", "1e999"}) == "--lr: must be a finite number, got 1e999");
    CHECK(refused(app, {"--lr", "0x10"}) == "--lr: expected a number, got \"0x10\"");
    CHECK(refused(app, {"--fail-above", "0x10"}) == "--fail-above: expected a number, got \"0x10\"");
    CHECK(refused(app, {"--fail-above", "nan"}) == "--fail-above: nan is not allowed here");
    CHECK(refused(app, {"--fail-above", "inf"}) == "accepted");
}

TEST_CASE("messages: Context::warn prints a note that quotes input on one line", "[messages][context][hostile]") {
    mlm::cli::StandardOptions options;
    mlm::io::Output out = mlm::io::Output::memory();
    std::ostringstream err;
    mlm::cli::Context ctx("tool", options, out, err);
    ctx.warn(std::string("header guessed from 'a\r1\0b'", 27));
    CHECK(err.str() == "tool: header guessed from 'a\\r1\\x00b'\n");
}
