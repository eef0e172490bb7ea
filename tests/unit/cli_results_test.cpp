#include "cli/results.hpp"

#include "cli_harness.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using mlm::cli::Result;
using mlm::cli::ResultLayout;
using mlm::test::run_tool;

namespace {
std::function<int(mlm::cli::Context&)> printing(ResultLayout layout, std::vector<Result> results) {
    return [=](mlm::cli::Context& ctx) { return mlm::cli::print_results(ctx, layout, results); };
}
ResultLayout entropy_layout(std::vector<std::string> groups = {}, std::string item = "") {
    ResultLayout l;
    l.group_names = std::move(groups);
    l.item_name = std::move(item);
    l.value_name = "entropy";
    l.conventions = {{"base", 2}};
    return l;
}
}  // namespace

TEST_CASE("results: one result prints a bare number", "[results]") {
    auto r = run_tool({}, printing(entropy_layout(), {Result{{}, "", 1.5, {}}}));
    CHECK(r.status == 0);
    CHECK(r.out == "1.5\n");
    CHECK(r.err.empty());
}

TEST_CASE("results: several results print a CSV table with a header", "[results]") {
    auto r = run_tool({}, printing(entropy_layout({}, "column"),
                                   {Result{{}, "a", 1, {}}, Result{{}, "b,c", 0.5, {}}}));
    CHECK(r.status == 0);
    CHECK(r.out == "column,entropy\na,1\n\"b,c\",0.5\n");
}

TEST_CASE("results: one result with an item column is still a table", "[results]") {
    auto r = run_tool({}, printing(entropy_layout({}, "column"), {Result{{}, "a", 1, {}}}));
    CHECK(r.out == "column,entropy\na,1\n");
}

TEST_CASE("results: group columns come first", "[results][group]") {
    auto r = run_tool({}, printing(entropy_layout({"day"}),
                                   {Result{{"mon"}, "", 0.25, {}}, Result{{"tue"}, "", 0, {}}}));
    CHECK(r.out == "day,entropy\nmon,0.25\ntue,0\n");
}

TEST_CASE("results: --to json echoes the conventions and the details", "[results][json]") {
    auto one = run_tool({"-t", "json"}, printing(entropy_layout(), {Result{{}, "", 1.5, {{"n", 4}}}}));
    auto doc = nlohmann::json::parse(one.out);
    CHECK(doc == nlohmann::json{{"base", 2}, {"entropy", 1.5}, {"n", 4}});
    auto many = run_tool({"-t", "json"}, printing(entropy_layout({"day"}),
                                                  {Result{{"mon"}, "", 1, {}}, Result{{"tue"}, "", 2, {}}}));
    auto d = nlohmann::json::parse(many.out);
    CHECK(d["base"] == 2);
    REQUIRE(d["results"].size() == 2);
    CHECK(d["results"][1] == nlohmann::json{{"day", "tue"}, {"entropy", 2}});
}

TEST_CASE("results: --fail-above crossed prints the result and returns 1 with a reason",
          "[results][check]") {
    auto r = run_tool({"--fail-above", "1"}, printing(entropy_layout(), {Result{{}, "", 1.5, {}}}));
    CHECK(r.status == 1);
    CHECK(r.out == "1.5\n");
    CHECK(r.err == "tool: entropy 1.5 is above 1\n");
}

TEST_CASE("results: --fail-below names the group and item that crossed", "[results][check]") {
    auto r = run_tool({"--fail-below", "0.5"},
                      printing(entropy_layout({"day"}, "column"),
                               {Result{{"mon"}, "a", 1, {}}, Result{{"tue"}, "b", 0.25, {}}}));
    CHECK(r.status == 1);
    CHECK(r.err == "tool: entropy of tue,b 0.25 is below 0.5\n");
}

TEST_CASE("results: a threshold not crossed returns 0 quietly", "[results][check]") {
    auto r = run_tool({"--fail-above", "2", "--fail-below", "1"},
                      printing(entropy_layout(), {Result{{}, "", 1.5, {}}}));
    CHECK(r.status == 0);
    CHECK(r.err.empty());
}
