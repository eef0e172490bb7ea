// Runs a small tool in-process through run_tool, with its output in memory and
// its stderr in a string, for the lib/cli unit tests.
#pragma once

#include "cli/run_main.hpp"

#include <CLI/CLI.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace mlm::test {

struct ToolRun {
    int status = -1;
    std::string out;  // what the tool wrote through Context::out() or CLI11 (help)
    std::string err;
};

// Runs a tool called "tool" that declares `features` standard options and does `run`.
// With `in_memory` false, run_tool opens the output itself (standard output or -o).
inline ToolRun run_tool(std::vector<std::string> args, const std::function<int(cli::Context&)>& run,
                        unsigned features = cli::number_tool, bool in_memory = true) {
    args.insert(args.begin(), "tool");
    std::vector<const char*> argv;
    for (const auto& a : args) argv.push_back(a.c_str());
    cli::StandardOptions common;
    std::ostringstream out, err;
    io::Output output = io::Output::memory();
    ToolRun r;
    r.status = cli::run_tool(static_cast<int>(argv.size()), argv.data(), {"tool", "a test tool"}, common,
                             [&](cli::Command& app) { cli::add_standard_options(app, common, features); },
                             run, out, err, in_memory ? &output : nullptr);
    r.out = out.str() + output.captured();
    r.err = err.str();
    return r;
}

}  // namespace mlm::test
