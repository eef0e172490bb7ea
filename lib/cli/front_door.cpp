#include "cli/front_door.hpp"

#include "cli/completions.hpp"
#include "cli/messages.hpp"
#include "cli/run_main.hpp"
#include "error.hpp"

#include <CLI/CLI.hpp>
#include <memory>
#include <ostream>

namespace mlm::cli {

namespace {

std::unique_ptr<CLI::App> front_door_app(const std::string& description) {
    auto app = std::make_unique<CLI::App>(description, "mlm");
    app->set_help_flag("-h,--help", "print this help and exit");
    add_version_flag(*app, "mlm");
    return app;
}

// An app whose subcommands are the tools: what completions and "did you mean" read.
std::unique_ptr<CLI::App> tools_app(const std::vector<ToolEntry>& tools, const std::string& description) {
    auto app = front_door_app(description);
    for (const auto& tool : tools) app->add_subcommand(tool.name, tool.description);
    return app;
}

}  // namespace

bool front_door_options(int argc, const char* const* argv, const std::string& description, std::ostream& out,
                        std::ostream& err) {
    auto app = front_door_app(description);
    std::string tool;
    app->add_option("TOOL", tool, "the tool to run (kl runs mlm-kl), or help TOOL");
    app->footer("Examples:\n  mlm                       list the tools\n"
                "  mlm kl p.csv q.csv        run mlm-kl p.csv q.csv\n"
                "  mlm help pca              open man mlm-pca");
    try {
        app->parse(argc, argv);
    } catch (const CLI::Success& e) {
        app->exit(e, out, err);
        return true;
    } catch (const CLI::ParseError& e) {
        throw UsageError(usage_message(e, *app) + " (see mlm -h)");
    }
    return false;
}

std::string near_tool(const std::vector<ToolEntry>& tools, const std::string& name) {
    return near_subcommand(*tools_app(tools, ""), name);
}

std::string front_door_completions(const std::vector<ToolEntry>& tools, const std::string& description,
                                   const std::string& shell) {
    return front_door_completion_script(*tools_app(tools, description), shell);
}

}  // namespace mlm::cli
