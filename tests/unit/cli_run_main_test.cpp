#include "cli/run_main.hpp"

#include "cli/help.hpp"

#include "cli_harness.hpp"
#include "error.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>
#include <filesystem>

using mlm::test::run_tool;

namespace {
int prints_one(mlm::cli::Context& ctx) {
    ctx.print_number(1);
    return 0;
}
std::size_t lines_in(const std::string& s) { return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n')); }
}  // namespace

TEST_CASE("run_main: a run that succeeds prints its result and returns 0", "[run_main]") {
    auto r = run_tool({}, prints_one);
    CHECK(r.status == 0);
    CHECK(r.out == "1\n");
    CHECK(r.err.empty());
}

TEST_CASE("run_main: an unknown option is status 2 with one stderr line", "[run_main][error]") {
    auto r = run_tool({"--bogus"}, prints_one);
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK_THAT(r.err, Catch::Matchers::StartsWith("tool: "));
    CHECK_THAT(r.err, Catch::Matchers::Contains("--bogus"));
    CHECK(lines_in(r.err) == 1);
}

TEST_CASE("run_main: a bad option value is status 2", "[run_main][error]") {
    for (auto args : std::vector<std::vector<std::string>>{
             {"--precision", "0"}, {"--precision", "x"}, {"-t", "xml"}, {"-f", "xls"},
             {"-d", "ab"}, {"--fail-above", "high"}, {"--header", "--no-header"}}) {
        auto r = run_tool(args, prints_one);
        INFO(args[0]);
        CHECK(r.status == 2);
        CHECK_THAT(r.err, Catch::Matchers::StartsWith("tool: "));
        CHECK(lines_in(r.err) == 1);
        CHECK(r.out.empty());
    }
}

TEST_CASE("run_main: --help prints to stdout and returns 0", "[run_main]") {
    auto r = run_tool({"--help"}, prints_one);
    CHECK(r.status == 0);
    CHECK_THAT(r.out, Catch::Matchers::Contains("--columns"));
    CHECK_THAT(r.out, Catch::Matchers::Contains("--fail-above"));
    CHECK(r.err.empty());
}

namespace {
std::size_t widest_line(const std::string& s) {
    std::size_t widest = 0, start = 0;
    for (std::size_t nl; (nl = s.find('\n', start)) != std::string::npos; start = nl + 1)
        widest = std::max(widest, nl - start);
    return widest;
}
}  // namespace

TEST_CASE("run_main: -h is a summary that fits 80x24, --help the whole list (-h was --help, 47-54 lines)",
          "[run_main][help]") {
    auto brief = run_tool({"-h"}, prints_one);
    CHECK(brief.status == 0);
    CHECK(lines_in(brief.out) <= 24);
    CHECK(widest_line(brief.out) <= 80);
    CHECK_THAT(brief.out, Catch::Matchers::Contains("Usage: tool"));
    CHECK_THAT(brief.out, Catch::Matchers::Contains("--columns"));          // a common option
    CHECK_THAT(brief.out, !Catch::Matchers::Contains("--skip-missing"));    // on --help only
    auto full = run_tool({"--help"}, prints_one);
    CHECK(full.status == 0);
    CHECK(widest_line(full.out) <= 80);
    CHECK_THAT(full.out, Catch::Matchers::Contains("--skip-missing"));
    CHECK(lines_in(full.out) > lines_in(brief.out));
}

TEST_CASE("run_main: --help wraps a long description at 80 columns", "[run_main][help]") {
    const std::string text = "one two three four five six seven eight nine ten eleven twelve";
    CHECK(mlm::cli::wrap(text, 20, 2) == "one two three four\n  five six seven\n  eight nine ten\n  eleven twelve");
    CHECK(mlm::cli::wrap("short", 20, 2) == "short");
    CHECK(mlm::cli::wrap("  lead kept", 80, 0) == "  lead kept");
}

TEST_CASE("run_main: a usage error names the option in our words, not CLI11's", "[run_main][error]") {
    auto r = run_tool({"--precision", "x"}, prints_one);
    CHECK(r.err == "tool: --precision: expected a whole number from 1 to 17, got \"x\" (see tool -h)\n");
    r = run_tool({"--seed", "-1"}, prints_one, mlm::cli::number_tool | mlm::cli::seed);
    CHECK(r.err == "tool: --seed: expected a whole number >= 0, got \"-1\" (see tool -h)\n");
    r = run_tool({"--seed", "nan"}, prints_one, mlm::cli::number_tool | mlm::cli::seed);
    CHECK(r.status == 2);
    r = run_tool({"-c"}, prints_one);
    CHECK(r.err == "tool: --columns LIST: the value is missing (see tool -h)\n");
}

TEST_CASE("run_main: -c a -c b is -c a,b, not 'At Most 1 required but received 2'", "[run_main][columns]") {
    std::string seen;
    auto r = run_tool({"-c", "a", "-c", "b,c", "-g", "x", "-g", "y"}, [&](mlm::cli::Context& ctx) {
        seen = ctx.options().columns + ";" + ctx.options().group_by;
        return 0;
    });
    CHECK(r.status == 0);
    CHECK(seen == "a,b,c;x,y");
}

TEST_CASE("run_main: an error message with a NUL, CR or newline is printed whole on one line", "[run_main][hostile]") {
    auto r = run_tool({}, [](mlm::cli::Context&) -> int {
        throw mlm::InputError(std::string("got \"1\0" "2\"\r\nx", 12), "f.csv", 2, 1);
    });
    CHECK(r.status == 3);
    CHECK(r.err == "tool: f.csv:2:1: got \"1\\x002\"\\r\\nx\n");
}

TEST_CASE("run_main: --version prints the tool and version and returns 0", "[run_main]") {
    auto r = run_tool({"--version"}, prints_one);
    CHECK(r.status == 0);
    CHECK_THAT(r.out, Catch::Matchers::StartsWith("tool (mlm) "));
    CHECK(r.err.empty());
}

TEST_CASE("run_main: an InputError becomes tool: file:line:col: message and status 3", "[run_main][error]") {
    auto r = run_tool({}, [](mlm::cli::Context&) -> int {
        throw mlm::InputError("expected a number, got \"abc\"", "data.csv", 12, 3);
    });
    CHECK(r.status == 3);
    CHECK(r.err == "tool: data.csv:12:3: expected a number, got \"abc\"\n");
}

TEST_CASE("run_main: each library error maps to its exit status", "[run_main][error]") {
    auto usage = run_tool({}, [](mlm::cli::Context&) -> int { throw mlm::UsageError("bad column"); });
    CHECK(usage.status == 2);
    CHECK(usage.err == "tool: bad column\n");
    auto numeric = run_tool({}, [](mlm::cli::Context&) -> int { throw mlm::NumericError("did not converge"); });
    CHECK(numeric.status == 4);
    CHECK(numeric.err == "tool: did not converge\n");
    auto io = run_tool({}, [](mlm::cli::Context&) -> int { throw mlm::IoError("x.csv: permission denied"); });
    CHECK(io.status == 5);
    CHECK(io.err == "tool: x.csv: permission denied\n");
}

TEST_CASE("run_main: an error in the input file is reported with its place", "[run_main][error]") {
    mlm::test::TempDir dir;
    std::string path = dir.write("d.csv", "a,b\n1,2\n3,x\n");
    auto r = run_tool({path}, [](mlm::cli::Context& ctx) {
        auto t = ctx.open_table();
        t.select_numbers(ctx.selected_columns(t));
        t.read_all();
        return 0;
    });
    CHECK(r.status == 3);
    CHECK(r.err == "tool: " + path + ":3:2: expected a number, got \"x\"\n");
}

TEST_CASE("run_main: an unknown column is status 2 listing the columns", "[run_main][error]") {
    mlm::test::TempDir dir;
    std::string path = dir.write("d.csv", "a,b\n1,2\n");
    auto r = run_tool({"-c", "zz", path}, [](mlm::cli::Context& ctx) {
        auto t = ctx.open_table();
        ctx.selected_columns(t);
        return 0;
    });
    CHECK(r.status == 2);
    CHECK(r.err == "tool: unknown column 'zz'; the columns are: a, b\n");
}

TEST_CASE("run_main: -o writes the file only when the run succeeds", "[run_main][file]") {
    mlm::test::TempDir dir;
    std::string path = dir.path("out.csv");
    std::vector<const char*> argv{"tool", "-o", path.c_str()};
    auto run_with = [&](const std::function<int(mlm::cli::Context&)>& run) {
        mlm::cli::StandardOptions common;
        std::ostringstream out, err;
        return mlm::cli::run_tool(3, argv.data(), {"tool", "t"}, common,
                                  [&](mlm::cli::Command& app) { mlm::cli::add_standard_options(app, common, mlm::cli::output); },
                                  run, out, err);
    };
    int failed = run_with([](mlm::cli::Context& ctx) -> int {
        ctx.print_number(2);
        throw mlm::NumericError("diverged");
    });
    CHECK(failed == 4);
    CHECK_FALSE(std::filesystem::exists(path));
    CHECK(dir.count() == 0);
    CHECK(run_with(prints_one) == 0);
    CHECK(mlm::test::read_file(path) == "1\n");
    CHECK(dir.count() == 1);
}

TEST_CASE("run_main: -o into a missing directory is status 5", "[run_main][error]") {
    auto r = run_tool({"-o", "/nonexistent/dir/out.csv"}, prints_one, mlm::cli::number_tool, false);
    CHECK(r.status == 5);
    CHECK_THAT(r.err, Catch::Matchers::StartsWith("tool: /nonexistent/dir/out.csv: "));
}

TEST_CASE("run_main: an exception that is not an mlm::Error is one line and status 3, not an abort",
          "[run_main][error]") {
    auto r = run_tool({}, [](mlm::cli::Context&) -> int { throw std::out_of_range("stoul"); });
    CHECK(r.status == 3);
    CHECK(r.err == "tool: unexpected error: stoul\n");
    CHECK(r.out.empty());
}
