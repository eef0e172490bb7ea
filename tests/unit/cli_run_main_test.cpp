#include "cli/run_main.hpp"

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
                                  [&](CLI::App& app) { mlm::cli::add_standard_options(app, common, mlm::cli::output); },
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
