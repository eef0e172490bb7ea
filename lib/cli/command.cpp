#include "cli/command.hpp"

#include <CLI/CLI.hpp>
#include <cstdint>
#include <optional>

namespace mlm::cli {

Check::Check(const ::CLI::Validator& validator) : validator_(std::make_shared<const ::CLI::Validator>(validator)) {}

Check::Check(std::function<std::string(std::string&)> test, const std::string& description)
    : validator_(std::make_shared<const ::CLI::Validator>(std::move(test), description)) {}

Check range(int lo, int hi) { return Check(::CLI::Range(lo, hi)); }
Check range(double lo, double hi) { return Check(::CLI::Range(lo, hi)); }
Check is_member(std::vector<std::string> values) { return Check(::CLI::IsMember(std::move(values))); }

const Check& positive_number() {
    static const Check check(::CLI::PositiveNumber);
    return check;
}

const Check& non_negative_number() {
    static const Check check(::CLI::NonNegativeNumber);
    return check;
}

Option* Option::type_name(const std::string& name) {
    option_->type_name(name);
    return this;
}

Option* Option::check(const Check& check) {
    option_->check(check.validator());
    return this;
}

Option* Option::check(std::function<std::string(const std::string&)> test) {
    option_->check(std::move(test));
    return this;
}

Option* Option::required(bool value) {
    option_->required(value);
    return this;
}

Option* Option::group(const std::string& name) {
    option_->group(name);
    return this;
}

Option* Option::excludes(Option* other) {
    option_->excludes(&other->cli11());
    return this;
}

Option* Option::expected(int count) {
    option_->expected(count);
    return this;
}

Option* Option::allow_extra_args(bool value) {
    option_->allow_extra_args(value);
    return this;
}

Command::Command(::CLI::App& app) : app_(&app) {}
Command::~Command() = default;

template <class T>
Option* Command::add_option(const std::string& name, T& value, const std::string& description) {
    return options_.emplace_back(std::make_unique<Option>(*app_->add_option(name, value, description))).get();
}

Option* Command::add_flag(const std::string& name, bool& value, const std::string& description) {
    return options_.emplace_back(std::make_unique<Option>(*app_->add_flag(name, value, description))).get();
}

Command* Command::add_subcommand(const std::string& name, const std::string& description) {
    return subcommands_.emplace_back(std::make_unique<Command>(*app_->add_subcommand(name, description))).get();
}

Command* Command::footer(const std::string& text) {
    app_->footer(text);
    return this;
}

Command* Command::require_subcommand(int count) {
    app_->require_subcommand(count);
    return this;
}

bool Command::parsed() const { return app_->parsed(); }

// The option types the tools declare.
template Option* Command::add_option(const std::string&, std::string&, const std::string&);
template Option* Command::add_option(const std::string&, double&, const std::string&);
template Option* Command::add_option(const std::string&, int&, const std::string&);
template Option* Command::add_option(const std::string&, long&, const std::string&);
template Option* Command::add_option(const std::string&, unsigned long&, const std::string&);
template Option* Command::add_option(const std::string&, std::optional<double>&, const std::string&);
template Option* Command::add_option(const std::string&, std::vector<std::string>&, const std::string&);
template Option* Command::add_option(const std::string&, std::vector<double>&, const std::string&);

}  // namespace mlm::cli
