// The command line of `mlm`, the front door (tools/mlm.cpp): its own options
// (-h, --help, --version), its completion scripts and its "did you mean",
// made from the tools it found. The CLI11 app behind them stays in lib/cli.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace mlm::cli {

struct ToolEntry {
    std::string name;         // "kl" for mlm-kl
    std::string description;  // the line `mlm-kl --describe` prints
};

// Parses the front door's options when no TOOL was given: true when it
// printed the help or the version to `out` (nothing left to do), false when
// nothing was asked but the list of tools. UsageError for a refused line.
bool front_door_options(int argc, const char* const* argv, const std::string& description, std::ostream& out,
                        std::ostream& err);

// The tool `name` most likely misspells (edit distance 2 at most), or empty.
std::string near_tool(const std::vector<ToolEntry>& tools, const std::string& name);

// `mlm --completions SHELL`: the tool names, then each tool's own completion.
std::string front_door_completions(const std::vector<ToolEntry>& tools, const std::string& description,
                                   const std::string& shell);

}  // namespace mlm::cli
