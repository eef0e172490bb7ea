#include "cli/matrix_io.hpp"

#include "error.hpp"

namespace mlm::cli {

NamedMatrix read_matrix(const Context& ctx, const std::string& file, bool use_columns) {
    io::TableReader table = ctx.open_table({file});
    NamedMatrix out;
    out.source = file == "-" ? "standard input" : file;
    std::vector<std::size_t> columns;
    if (use_columns) {
        columns = ctx.selected_columns(table);
    } else {
        for (std::size_t j = 0; j < table.names().size(); ++j) columns.push_back(j);
    }
    table.select_numbers(columns);
    for (auto j : columns) out.names.push_back(table.names()[j]);
    out.header = table.has_header();
    const io::RowBlock rows = table.read_all();
    ctx.report_skipped(table);
    out.values = rows.matrix();
    return out;
}

std::string one_matrix_file(const StandardOptions& o) {
    if (o.files.size() > 1)
        throw UsageError("one matrix at a time, got " + std::to_string(o.files.size()) + " files");
    return o.files.empty() ? "-" : o.files[0];
}

std::vector<std::string> numbered_names(const std::string& prefix, Eigen::Index k) {
    std::vector<std::string> out;
    for (Eigen::Index j = 1; j <= k; ++j) out.push_back(prefix + std::to_string(j));
    return out;
}

std::vector<std::string> result_names(const NamedMatrix& from) {
    if (from.header) return from.names;
    return numbered_names("c", from.values.cols());
}

void write_matrix(Context& ctx, const std::vector<std::string>& names,
                  const Eigen::Ref<const Eigen::MatrixXd>& m) {
    io::TableWriter table = ctx.table(names);
    for (Eigen::Index i = 0; i < m.rows(); ++i) {
        for (Eigen::Index j = 0; j < m.cols(); ++j) table.cell(m(i, j));
        table.end_row();
    }
    table.finish();
}

}  // namespace mlm::cli
