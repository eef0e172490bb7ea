// -h and --help for every tool and subcommand, from the one declaration of its
// options (CLI11), as ripgrep does: -h is a summary that fits an 80x24
// terminal (usage, subcommands, the common options, one example), --help is
// every option, wrapped at 80 columns. Nothing here is written by hand per tool.
#pragma once

#include <CLI/CLI.hpp>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace mlm::cli {

constexpr std::size_t help_width = 80;   // columns of every help line
constexpr std::size_t short_help_lines = 24;

// `text` broken at spaces into lines of at most `width` columns, every line
// after the first indented by `indent` spaces (a word longer than a line
// stands alone). Existing newlines are kept.
std::string wrap(std::string_view text, std::size_t width, std::size_t indent);

// The formatter run_tool installs on the app before its options are declared
// (subcommands inherit it). AppFormatMode::Normal, which CLI11 uses for -h,
// is the summary; AppFormatMode::All, for --help, the whole list. `common`
// names the long options (--columns) or short ones (-k) the summary shows,
// when the app declares them; required options are always shown.
std::shared_ptr<CLI::Formatter> help_formatter(std::vector<std::string> common);

}  // namespace mlm::cli
