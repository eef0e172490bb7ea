// What a tool says on stderr, made safe and ours in one place: every message
// is exactly one line of valid UTF-8 (input can put CR, LF, NUL and broken
// bytes into a message that quotes it), and CLI11's own error texts are
// translated into the contract's words before they reach a user.
#pragma once

#include <string>
#include <string_view>

namespace CLI {
class App;
class ParseError;
}  // namespace CLI

namespace mlm::cli {

// `text` with control characters escaped as \r, \n, \t or \xNN (NUL is \x00)
// and each byte of invalid UTF-8 as \xNN, so it prints as one clean line.
std::string one_line(std::string_view text);

// The message for a command line CLI11 refused, without the "tool: " prefix
// and the "(see tool -h)" hint: "--precision: expected a whole number from 1
// to 17, got "x"". `app` is the top-level app, after the failed parse.
std::string usage_message(const CLI::ParseError& e, const CLI::App& app);

// The subcommand of `app` that `word` most likely misspells: within edit
// distance 2 (a swap of two neighbours counts 1), or empty when none is.
std::string near_subcommand(const CLI::App& app, const std::string& word);

}  // namespace mlm::cli
