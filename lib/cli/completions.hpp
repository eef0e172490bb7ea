// Shell completion scripts for bash, zsh and fish, generated from the CLI11
// declarations that also make --help (one source, as ripgrep does): the
// subcommands, every visible option, the value sets of IsMember and
// CheckedTransformer validators and of "a|b" value names, files where a FILE
// goes, and column names read from the header of the file already on the line
// where a column LIST goes. `mlm-TOOL --completions bash|zsh|fish` prints one;
// the build writes them to build/share/completions/.
#pragma once

#include <string>
#include <vector>

namespace CLI { class App; }

namespace mlm::cli {

// The script for `shell` ("bash", "zsh" or "fish") completing `tool`;
// UsageError for another shell.
std::string completion_script(CLI::App& app, const std::string& tool, const std::string& shell);

// The front door's script (`mlm --completions SHELL`, app's subcommands being
// the tools): the tool names after `mlm` and `mlm help`, and after a tool's
// name the tool's own completion, as if the line read `mlm-TOOL ARGS...`
// (mlm kl --<TAB> offers mlm-kl's options). bash loads the tool's script from
// bash-completion or from beside mlm's own; zsh and fish find it themselves.
std::string front_door_completion_script(CLI::App& app, const std::string& shell);

// What completes the value of an option: nothing offered, files, column names
// of the input on the line, or a fixed set of words.
enum class ValueKind { none, file, column, words };

struct OptionSpec {
    std::vector<std::string> names;  // "-c", "--columns"
    std::string help;
    bool takes_value = false;
    ValueKind kind = ValueKind::none;
    std::vector<std::string> words;  // for ValueKind::words
};

struct CommandSpec {
    std::string path;  // "" for the tool itself, "samples", "fit eval" for nested ones
    std::vector<OptionSpec> options;
    std::vector<std::pair<std::string, std::string>> subcommands;  // name, description
    bool takes_files = false;
};

// Every command of the app, the tool first, in declaration order.
std::vector<CommandSpec> describe_commands(CLI::App& app);

}  // namespace mlm::cli
