// How a tool declares its options: the part of CLI11's App, Option and
// Validator that the tools use, behind types that do not include CLI11.
//
// Why: <CLI/CLI.hpp> defines its validators (CLI::ExistingFile and the rest)
// as objects in every translation unit that includes it, and compiling their
// code costs 4-6 s a unit at -O3 and 12 s under the sanitizers. Through this
// header the tools pay it nowhere; lib/cli's command.cpp pays it once.
//
// The names and chaining are CLI11's (`app.add_option(...)->check(...)`), so
// a declaration reads as CLI11's documentation describes it, and --help, the
// man page and the completion scripts come from the same declarations.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace CLI {
class App;
class Option;
class Validator;
}  // namespace CLI

namespace mlm::cli {

// A check on an option's text: empty when it passes, else the message.
class Check {
public:
    explicit Check(const ::CLI::Validator& validator);
    Check(std::function<std::string(std::string&)> test, const std::string& description);
    const ::CLI::Validator& validator() const { return *validator_; }

private:
    std::shared_ptr<const ::CLI::Validator> validator_;
};

// CLI11's own checks, with its messages.
Check range(int lo, int hi);
Check range(double lo, double hi);
Check is_member(std::vector<std::string> values);
const Check& positive_number();
const Check& non_negative_number();

class Option {
public:
    explicit Option(::CLI::Option& option) : option_(&option) {}
    Option* type_name(const std::string& name);
    Option* check(const Check& check);
    // test(text): empty when the text passes, else the message.
    Option* check(std::function<std::string(const std::string&)> test);
    Option* required(bool value = true);
    Option* group(const std::string& name);
    Option* excludes(Option* other);
    Option* expected(int count);
    Option* allow_extra_args(bool value);
    ::CLI::Option& cli11() const { return *option_; }

private:
    ::CLI::Option* option_;
};

// An app or one of its subcommands. It owns the wrappers it hands out; the
// CLI11 app it wraps is owned by whoever made it (run_tool).
class Command {
public:
    explicit Command(::CLI::App& app);
    Command(const Command&) = delete;
    Command& operator=(const Command&) = delete;
    ~Command();

    // T is one of the option types instantiated in command.cpp.
    template <class T>
    Option* add_option(const std::string& name, T& value, const std::string& description = "");
    Option* add_flag(const std::string& name, bool& value, const std::string& description = "");
    Command* add_subcommand(const std::string& name, const std::string& description);
    Command* footer(const std::string& text);
    Command* require_subcommand(int count);
    const std::vector<std::unique_ptr<Command>>& subcommands() const { return subcommands_; }
    // After parsing: whether this subcommand was given.
    bool parsed() const;
    ::CLI::App& cli11() const { return *app_; }

private:
    ::CLI::App* app_;
    std::vector<std::unique_ptr<Option>> options_;
    std::vector<std::unique_ptr<Command>> subcommands_;
};

}  // namespace mlm::cli
