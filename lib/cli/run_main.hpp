// The one main() every tool shares: declare the options, parse them (CLI11's
// own errors become status 2), run the tool, and turn any mlm::Error into one
// "tool: message" line on stderr and the contract's exit status. The output is
// committed (flushed, renamed into place for -o) only after a successful run.
#pragma once

#include "cli/command.hpp"
#include "cli/context.hpp"
#include "cli/options.hpp"

#include <functional>
#include <string>
#include <vector>

namespace mlm::cli {

struct ToolInfo {
    std::string name;         // "mlm-entropy"
    std::string description;  // one line for --help
    // Options the -h summary shows besides -c, -g, -t, -o and the required
    // ones, when the app or subcommand declares them ("--base", "-k").
    std::vector<std::string> common = {};
};

// The untyped core of run_main, for tests that run a tool in-process.
int run_tool(int argc, const char* const* argv, const ToolInfo& info, StandardOptions& common,
             const std::function<void(Command&)>& declare, const std::function<int(Context&)>& run,
             std::ostream& out_stream, std::ostream& err_stream, io::Output* output = nullptr);

// Options is a struct with a member `StandardOptions common`; declare adds
// the tool's options to the app; run computes and writes the result.
template <class Options>
int run_main(int argc, char** argv, const ToolInfo& info, void (*declare)(Command&, Options&),
             int (*run)(const Options&, Context&));

// For the `mlm` front door, which parses with CLI11 itself.
void add_version_flag(::CLI::App& app, const std::string& tool);

}  // namespace mlm::cli

#include <csignal>
#include <iostream>

template <class Options>
int mlm::cli::run_main(int argc, char** argv, const ToolInfo& info, void (*declare)(Command&, Options&),
                       int (*run)(const Options&, Context&)) {
    std::signal(SIGPIPE, SIG_DFL);  // a closed pipe ends the tool quietly, as coreutils
    Options options;
    return run_tool(argc, argv, info, options.common,
                    [&](Command& app) { declare(app, options); },
                    [&](Context& ctx) { return run(options, ctx); }, std::cout, std::cerr);
}
