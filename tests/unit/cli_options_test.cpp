#include "cli/command.hpp"
#include "cli/options.hpp"

#include <CLI/CLI.hpp>
#include <catch2/catch.hpp>

using namespace mlm;

namespace {
cli::StandardOptions parsed(std::vector<std::string> args) {
    cli::StandardOptions o;
    CLI::App app;
    cli::Command command(app);
    cli::add_standard_options(command, o, cli::number_tool | cli::seed);
    std::reverse(args.begin(), args.end());  // CLI11 takes a reversed vector
    app.parse(args);
    return o;
}
}  // namespace

TEST_CASE("options: the defaults read CSV or JSON by detection with a detected header", "[options]") {
    auto r = cli::read_options(parsed({}));
    CHECK(r.format == io::Format::detect);
    CHECK(r.header == io::HeaderMode::detect);
    CHECK(r.delimiter == 0);
    CHECK_FALSE(r.skip_missing);
}

TEST_CASE("options: -f, -d, --no-header and --skip-missing reach the reader", "[options]") {
    auto r = cli::read_options(parsed({"-f", "tsv", "--no-header", "--skip-missing"}));
    CHECK(r.format == io::Format::tsv);
    CHECK(r.header == io::HeaderMode::absent);
    CHECK(r.skip_missing);
    CHECK(cli::read_options(parsed({"--header"})).header == io::HeaderMode::present);
    CHECK(cli::read_options(parsed({"-f", "jsonl"})).format == io::Format::jsonl);
}

TEST_CASE("options: a delimiter implies CSV, and \\t is a tab", "[options]") {
    auto semi = cli::read_options(parsed({"-d", ";"}));
    CHECK(semi.format == io::Format::csv);
    CHECK(semi.delimiter == ';');
    CHECK(cli::read_options(parsed({"-d", "\\t"})).delimiter == '\t');
}

TEST_CASE("options: values of the output and check options are kept", "[options]") {
    auto o = parsed({"-c", "1-2", "-g", "day", "-t", "json", "--precision", "5", "--fail-above", "0.1",
                     "--seed", "7", "-q", "file.csv"});
    CHECK(o.columns == "1-2");
    CHECK(o.group_by == "day");
    CHECK(o.to == "json");
    CHECK(o.precision == 5);
    REQUIRE(o.fail_above);
    CHECK(*o.fail_above == 0.1);
    CHECK_FALSE(o.fail_below);
    CHECK(o.seed == 7);
    CHECK(o.quiet);
    CHECK(o.files == std::vector<std::string>{"file.csv"});
}

TEST_CASE("options: a tool declares only the groups it asks for", "[options]") {
    cli::StandardOptions o;
    CLI::App app;
    cli::Command command(app);
    cli::add_standard_options(command, o, cli::input | cli::output);
    CHECK(app.get_option_no_throw("--columns") == nullptr);
    CHECK(app.get_option_no_throw("--fail-above") == nullptr);
    CHECK(app.get_option_no_throw("--from") != nullptr);
}
