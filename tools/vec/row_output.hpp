// How mlm-vec's results go out. One number per row is a one-column table
// (with the label column first when the rows have labels), except that a
// single row prints its number alone (CONTRACT.md section 4); every number
// is held to --fail-above/--fail-below. Vector results print rows, label kept.
#pragma once

#include "cli/context.hpp"
#include "io/table_writer.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mlm::vec_tool {

class NumberRows {
public:
    // `label_name` empty: the rows have no labels.
    NumberRows(cli::Context& ctx, std::string label_name, std::string value_name);
    void add(std::string_view label, double value);
    // Writes what is held; returns the check status (0, or 1 when a threshold was crossed).
    int finish();

private:
    void start_table();
    void write(std::string_view label, double value);
    cli::Context& ctx_;
    std::string label_name_, value_name_;
    std::optional<std::pair<std::string, double>> first_;
    std::optional<io::TableWriter> table_;
    int status_ = 0;
};

class VectorRows {
public:
    VectorRows(cli::Context& ctx, const std::string& label_name, const std::vector<std::string>& names);
    void add(std::string_view label, const Eigen::Ref<const Eigen::VectorXd>& v);
    void finish() { table_.finish(); }

private:
    bool labeled_;
    io::TableWriter table_;
};

}  // namespace mlm::vec_tool
