// What a tool's run() works through: its options, its input tables, its output
// in the format asked for, notes on stderr and the --fail-above/--fail-below
// checks. Built by run_main; tests build one over memory.
#pragma once

#include "cli/options.hpp"
#include "io/output.hpp"
#include "io/table.hpp"
#include "io/table_writer.hpp"

#include <nlohmann/json_fwd.hpp>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace mlm::cli {

class Context {
public:
    Context(std::string tool, const StandardOptions& options, io::Output& out, std::ostream& err);

    const std::string& tool() const { return tool_; }
    const StandardOptions& options() const { return options_; }

    // The input table over the FILE arguments (standard input when none).
    io::TableReader open_table() const;
    io::TableReader open_table(const std::vector<std::string>& files) const;
    // The -c columns of `table` (all of them without -c).
    std::vector<std::size_t> selected_columns(const io::TableReader& table) const;
    // The -g columns of `table` (none without -g).
    std::vector<std::size_t> group_columns(const io::TableReader& table) const;

    io::Output& out() { return out_; }
    // Where notes go, for a Context over other output (an explanation's text).
    std::ostream& err() const { return err_; }
    io::OutFormat out_format() const;
    bool json() const { return out_format() == io::OutFormat::json; }
    io::TableWriter table(std::vector<std::string> columns);
    // A one-number result: the number and a newline, nothing else.
    void print_number(double x);
    void print_json(const nlohmann::json& doc);

    // "tool: message" on stderr, unless --quiet.
    void note(std::string_view message) const;
    // "tool: message" on stderr, even with --quiet.
    void warn(std::string_view message) const;
    // Says how many rows --skip-missing dropped, if any.
    void report_skipped(const io::TableReader& table) const;


    // --fail-above / --fail-below on one result: 1 (with a reason on stderr)
    // when crossed, else 0. `what` names the number in the reason.
    int check(double value, std::string_view what = "result") const;

private:
    std::string tool_;
    const StandardOptions& options_;
    io::Output& out_;
    std::ostream& err_;
};

}  // namespace mlm::cli
