#include "cli/context.hpp"

#include "cli/messages.hpp"
#include "io/columns.hpp"
#include "io/number.hpp"

#include <cmath>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

namespace mlm::cli {

Context::Context(std::string tool, const StandardOptions& options, io::Output& out, std::ostream& err)
    : tool_(std::move(tool)), options_(options), out_(out), err_(err) {}

io::TableReader Context::open_table() const { return open_table(options_.files); }

io::TableReader Context::open_table(const std::vector<std::string>& files) const {
    io::ReadOptions read = read_options(options_);
    // The reader's notes (which way a header guess went) are the tool's notes.
    read.note = [this](const std::string& message) { note(message); };
    // The meter on a terminal's stderr (io/progress.hpp), unless --quiet.
    if (!options_.quiet && &err_ == &std::cerr) read.progress_label = tool_;
    return io::TableReader(files, std::move(read));
}

std::vector<std::size_t> Context::selected_columns(const io::TableReader& table) const {
    if (!options_.columns.empty()) return io::resolve_columns(options_.columns, table.names());
    std::vector<std::size_t> all(table.names().size());
    for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
    return all;
}

std::vector<std::size_t> Context::group_columns(const io::TableReader& table) const {
    if (options_.group_by.empty()) return {};
    return io::resolve_columns(options_.group_by, table.names());
}

io::OutFormat Context::out_format() const { return io::parse_out_format(options_.to); }

io::TableWriter Context::table(std::vector<std::string> columns) {
    return io::TableWriter(out_, out_format(), std::move(columns), options_.precision);
}

void Context::print_number(double x) {
    io::append_number(out_.buffer(), x, options_.precision);
    out_ << '\n';
}

void Context::print_json(const nlohmann::json& doc) { io::write_json(out_, doc, options_.precision); }

void Context::note(std::string_view message) const {
    if (!options_.quiet) warn(message);
}

void Context::warn(std::string_view message) const { err_ << tool_ << ": " << one_line(message) << '\n'; }

void Context::report_skipped(const io::TableReader& table) const {
    std::size_t n = table.rows_skipped();
    if (n) note("skipped " + std::to_string(n) + (n == 1 ? " row" : " rows") + " with missing values");
}

int Context::check(double value, std::string_view what) const {
    const auto& above = options_.fail_above;
    const auto& below = options_.fail_below;
    std::string v = io::format_number(value, options_.precision);
    if (above && (value > *above || std::isnan(value))) {
        warn(std::string(what) + " " + v + " is above " + io::format_number(*above));
        return 1;
    }
    if (below && (value < *below || std::isnan(value))) {
        warn(std::string(what) + " " + v + " is below " + io::format_number(*below));
        return 1;
    }
    return 0;
}

}  // namespace mlm::cli
