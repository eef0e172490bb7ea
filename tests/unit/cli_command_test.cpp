// cli::Command, the facade the tools declare their options through: each call
// must reach CLI11 as the tools used it directly (values bound, checks run with
// CLI11's messages, subcommands reported parsed).
#include "cli/command.hpp"

#include <CLI/CLI.hpp>
#include <catch2/catch.hpp>

#include <optional>

using namespace mlm;

namespace {

// The message CLI11 refuses `args` with, or empty when it accepts them.
std::string refusal(CLI::App& app, std::vector<std::string> args) {
    std::reverse(args.begin(), args.end());  // CLI11 takes a reversed vector
    try {
        app.parse(args);
    } catch (const CLI::ParseError& e) {
        return e.what();
    }
    return {};
}

}  // namespace

TEST_CASE("command: options and flags bind their values", "[command]") {
    CLI::App app;
    cli::Command command(app);
    std::string name;
    double x = 0;
    int k = 0;
    std::optional<double> maybe;
    std::vector<std::string> files;
    bool flag = false;
    command.add_option("--name", name, "a name")->type_name("N");
    command.add_option("-x", x);
    command.add_option("-k", k);
    command.add_option("--maybe", maybe);
    command.add_option("FILE", files);
    command.add_flag("--flag", flag);
    CHECK(refusal(app, {"--name", "iris", "-x", "2.5", "-k", "3", "--flag", "a.csv", "b.csv"}).empty());
    CHECK(name == "iris");
    CHECK(x == 2.5);
    CHECK(k == 3);
    CHECK_FALSE(maybe.has_value());
    CHECK(files == std::vector<std::string>{"a.csv", "b.csv"});
    CHECK(flag);
}

// The reference is CLI11 itself: the same options declared on a plain
// CLI::App must refuse the same lines with the same messages.
TEST_CASE("command: range, is_member and the number checks refuse as CLI11's own do", "[command][usage]") {
    CLI::App ours_app, direct;
    cli::Command ours(ours_app);
    double p = 0, pos = 0, nonneg = 0;
    int n = 0;
    std::string kind;
    ours.add_option("--p", p)->check(cli::range(0.0, 1.0));
    ours.add_option("--n", n)->check(cli::range(1, 10));
    ours.add_option("--kind", kind)->check(cli::is_member({"l1", "l2"}));
    ours.add_option("--pos", pos)->check(cli::positive_number());
    ours.add_option("--nonneg", nonneg)->check(cli::non_negative_number());
    direct.add_option("--p", p)->check(CLI::Range(0.0, 1.0));
    direct.add_option("--n", n)->check(CLI::Range(1, 10));
    direct.add_option("--kind", kind)->check(CLI::IsMember({"l1", "l2"}));
    direct.add_option("--pos", pos)->check(CLI::PositiveNumber);
    direct.add_option("--nonneg", nonneg)->check(CLI::NonNegativeNumber);
    CHECK(refusal(ours_app, {"--p", "0.5", "--n", "10", "--kind", "l2", "--pos", "3", "--nonneg", "0"}).empty());
    for (const std::vector<std::string>& line :
         {std::vector<std::string>{"--p", "1.5"}, {"--p", "x"}, {"--n", "11"}, {"--n", "2.5"}, {"--kind", "l3"},
          {"--pos", "0"}, {"--nonneg", "-1"}}) {
        INFO(line[0] << " " << line[1]);
        const std::string message = refusal(ours_app, line);
        CHECK_FALSE(message.empty());
        CHECK(message == refusal(direct, line));
    }
}

TEST_CASE("command: a function check and excludes", "[command][usage]") {
    CLI::App app;
    cli::Command command(app);
    std::string a, b;
    auto* first = command.add_option("--a", a)->check([](const std::string& s) {
        return s == "ok" ? std::string() : "not ok: " + s;
    });
    command.add_option("--b", b)->excludes(first);
    CHECK(refusal(app, {"--a", "ok"}).empty());
    CHECK(refusal(app, {"--a", "no"}) == "--a: not ok: no");
    const std::string both = refusal(app, {"--a", "ok", "--b", "x"});
    CHECK(both.find("excludes") != std::string::npos);
}

TEST_CASE("command: subcommands are owned, listed in order and report being parsed", "[command]") {
    CLI::App app;
    cli::Command command(app);
    auto* fit = command.add_subcommand("fit", "fit a model");
    auto* predict = command.add_subcommand("predict", "use it");
    command.require_subcommand(1);
    REQUIRE(command.subcommands().size() == 2);
    CHECK(command.subcommands()[0].get() == fit);
    CHECK(command.subcommands()[1].get() == predict);
    CHECK(refusal(app, {"predict"}).empty());
    CHECK(predict->parsed());
    CHECK_FALSE(fit->parsed());
    CHECK_FALSE(refusal(app, {}).empty());  // one subcommand is required
}
