#include "cli/expression_argument.hpp"

#include "cli/command.hpp"

#include <CLI/CLI.hpp>

namespace mlm::cli {

void add_expression_argument(Command& command, std::string& expression, const std::string& description) {
    CLI::App& app = command.cli11();
    // Not ->required(): CLI11 checks that before the callback below can fill it.
    auto* option = app.add_option("EXPR", expression, description);
    app.allow_extras();
    app.parse_complete_callback([&app, &expression, option] {
        std::vector<std::string> extras = app.remaining();
        // With extras allowed, CLI11 files the "--" that ends the options among them.
        std::erase(extras, std::string("--"));
        // A single dash: never one of our options (CLI11 would have taken it),
        // so an expression such as -x^2, -(x+1) or -exp(x). "--name" stays an
        // unknown option.
        if (option->count() == 0 && !extras.empty() && extras.front().size() > 1 && extras.front()[0] == '-' &&
            extras.front()[1] != '-') {
            expression = extras.front();
            extras.erase(extras.begin());
        } else if (option->count() == 0) {
            throw CLI::RequiredError("EXPR");
        }
        if (!extras.empty()) throw CLI::ExtrasError(app.get_name(), extras);
    });
}

}  // namespace mlm::cli
