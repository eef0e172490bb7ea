// mlm-mat linear: y = f(W x + b) for every input row, streamed a block of rows
// at a time (Y = f(X W^T + b)), so a pipeline of layers is a forward pass.
#include "error.hpp"
#include "linalg/dense_layer.hpp"
#include "linalg/matrix_ops.hpp"
#include "mat/mat_tool.hpp"

namespace mlm::mat_tool {
namespace {

// The bias as a vector: one column or one row of the file.
Eigen::VectorXd read_bias(const cli::Context& ctx, const std::string& file) {
    const cli::NamedMatrix b = cli::read_matrix(ctx, file, false);
    if (b.values.rows() != 1 && b.values.cols() != 1)
        throw InputError(b.source + ": the bias is " + linalg::shape_text(b.values.rows(), b.values.cols()) +
                         ": it must be one row or one column");
    return Eigen::Map<const Eigen::VectorXd>(b.values.data(), b.values.size());
}

}  // namespace

int run_linear(const Options& o, cli::Context& ctx) {
    linalg::DenseLayer layer;
    const cli::NamedMatrix w = cli::read_matrix(ctx, o.weights, false);
    layer.weights = w.values;
    layer.bias = read_bias(ctx, o.bias);
    layer.activation = linalg::activation_from_name(o.activation);
    linalg::check_layer(layer);

    io::TableReader table = ctx.open_table();
    const std::vector<std::size_t> columns = ctx.selected_columns(table);
    if (static_cast<Eigen::Index>(columns.size()) != layer.weights.cols())
        throw InputError("the input rows have " + std::to_string(columns.size()) + " columns but the weights (" +
                         w.source + ") are " + linalg::shape_text(layer.weights.rows(), layer.weights.cols()) +
                         ", out x in as in PyTorch: the rows need " +
                         std::to_string(layer.weights.cols()));
    table.select_numbers(columns);
    io::TableWriter out = ctx.table(cli::numbered_names("y", layer.weights.rows()));
    io::RowBlock block;
    while (table.read_block(block, 1024)) {
        const Eigen::MatrixXd y = linalg::apply_layer(layer, block.matrix());
        for (Eigen::Index i = 0; i < y.rows(); ++i) {
            for (Eigen::Index j = 0; j < y.cols(); ++j) out.cell(y(i, j));
            out.end_row();
        }
    }
    out.finish();
    ctx.report_skipped(table);
    return 0;
}

}  // namespace mlm::mat_tool
