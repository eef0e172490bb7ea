#include "vec/row_output.hpp"

namespace mlm::vec_tool {

NumberRows::NumberRows(cli::Context& ctx, std::string label_name, std::string value_name)
    : ctx_(ctx), label_name_(std::move(label_name)), value_name_(std::move(value_name)) {}

void NumberRows::add(std::string_view label, double value) {
    if (status_ == 0) status_ = ctx_.check(value, label.empty() ? value_name_ : std::string(label));
    if (!table_ && !first_ && !ctx_.json()) {
        first_.emplace(std::string(label), value);
        return;
    }
    start_table();
    write(label, value);
}

void NumberRows::start_table() {
    if (table_) return;
    std::vector<std::string> columns;
    if (!label_name_.empty()) columns.push_back(label_name_);
    columns.push_back(value_name_);
    table_.emplace(ctx_.table(columns));
    if (first_) write(first_->first, first_->second);
    first_.reset();
}

void NumberRows::write(std::string_view label, double value) {
    if (!label_name_.empty()) table_->cell(label);
    table_->cell(value);
    table_->end_row();
}

int NumberRows::finish() {
    if (first_) ctx_.print_number(first_->second);
    if (table_) table_->finish();
    return status_;
}

namespace {

std::vector<std::string> with_label(const std::string& label_name, std::vector<std::string> names) {
    if (!label_name.empty()) names.insert(names.begin(), label_name);
    return names;
}

}  // namespace

VectorRows::VectorRows(cli::Context& ctx, const std::string& label_name, const std::vector<std::string>& names)
    : labeled_(!label_name.empty()), table_(ctx.table(with_label(label_name, names))) {}

void VectorRows::add(std::string_view label, const Eigen::Ref<const Eigen::VectorXd>& v) {
    if (labeled_) table_.cell(label);
    for (double x : v) table_.cell(x);
    table_.end_row();
}

}  // namespace mlm::vec_tool
