#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/expression_argument.hpp"
#include "cli/run_main.hpp"
#include "io/output.hpp"

namespace {

struct Run {
    int status = -1;
    std::string expression, err;
};

// A tool with EXPR, --at and the output options, that only records EXPR.
Run run(std::vector<std::string> args) {
    args.insert(args.begin(), "tool");
    std::vector<const char*> argv;
    for (const auto& a : args) argv.push_back(a.c_str());
    mlm::cli::StandardOptions common;
    std::string expression, at;
    std::ostringstream out, err;
    mlm::io::Output output = mlm::io::Output::memory();
    Run r;
    r.status = mlm::cli::run_tool(
        static_cast<int>(argv.size()), argv.data(), {"tool", "a test tool"}, common,
        [&](mlm::cli::Command& app) {
            mlm::cli::add_expression_argument(app, expression, "the expression");
            app.add_option("--at", at);
            mlm::cli::add_standard_options(app, common, mlm::cli::output);
        },
        [](mlm::cli::Context&) { return 0; }, out, err, &output);
    r.expression = expression;
    r.err = err.str();
    return r;
}

}  // namespace

TEST_CASE("expression argument: an expression starting with '-' is EXPR, not the option -x", "[cli][expression]") {
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"-x^2", "--at", "x=1"}, {"--at", "x=1", "-x^2"}, {"--at", "x=1", "--", "-x^2"}}) {
        const Run r = run(args);
        CHECK(r.status == 0);
        CHECK(r.expression == "-x^2");
        CHECK(r.err.empty());
    }
    CHECK(run({"-(x+1)*2"}).expression == "-(x+1)*2");
    CHECK(run({"x^2", "-q"}).status == 0);  // a known short option stays an option
}

TEST_CASE("expression argument: unknown options and extra arguments are still usage errors", "[cli][expression]") {
    Run r = run({"x^2", "--bogus"});
    CHECK(r.status == 2);
    CHECK(r.err == "tool: unknown option --bogus (see tool -h)\n");
    r = run({"x^2", "-z"});
    CHECK(r.status == 2);
    r = run({"x^2", "y^2"});
    CHECK(r.status == 2);
    r = run({"--at", "x=1"});
    CHECK(r.status == 2);
    CHECK(r.err == "tool: EXPR is required (see tool -h)\n");
}
