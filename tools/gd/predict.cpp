// mlm-gd predict --model FILE [FILE]: a saved model's predictions for new
// rows (features matched by name), streamed block by block.
#include <algorithm>

#include "error.hpp"
#include "gd/gd_tool.hpp"
#include "io/columns.hpp"
#include "io/json_rows.hpp"
#include "io/table_writer.hpp"
#include "models/model.hpp"

namespace mlm::gd_tool {
namespace {

void select_features(io::TableReader& table, const std::vector<std::string>& features) {
    const auto& names = table.names();
    if (names.empty()) throw InputError("no data: the input is empty", table.file());
    std::vector<io::ColumnRequest> request;
    for (const auto& f : features) {
        const auto at = std::find(names.begin(), names.end(), f);
        if (at == names.end())
            throw InputError("the model's feature \"" + f + "\" is not in the input (it has " +
                             io::list_columns(names) + ")", table.file());
        request.push_back({static_cast<std::size_t>(at - names.begin()), io::ColumnType::number});
    }
    table.select(std::move(request));
}

}  // namespace

int run_predict(const Options& o, cli::Context& ctx) {
    const models::Model model = models::model_from_json(io::read_json_document(o.model), o.model);
    const bool classes = model.kind != models::Kind::linear;
    if (o.proba && !classes) throw UsageError("--proba is for logistic and softmax models; this one is linear");
    io::TableReader table = ctx.open_table();
    select_features(table, model.features);
    auto out = ctx.table(o.proba ? model.classes : std::vector<std::string>{"predicted"});
    io::RowBlock block;
    while (table.read_block(block, 4096)) {
        const auto x = block.matrix();
        if (!x.allFinite()) throw InputError("a feature value is nan or inf: no prediction for it", table.file());
        if (o.proba) {
            const Eigen::MatrixXd p = models::probabilities(model, x);
            for (Eigen::Index i = 0; i < p.rows(); ++i) {
                for (Eigen::Index c = 0; c < p.cols(); ++c) out.cell(p(i, c));
                out.end_row();
            }
            continue;
        }
        const Eigen::VectorXd y = models::predictions(model, x);
        for (Eigen::Index i = 0; i < y.size(); ++i) {
            if (classes) out.cell(model.classes[static_cast<std::size_t>(y[i])]);
            else out.cell(y[i]);
            out.end_row();
        }
    }
    out.finish();
    ctx.report_skipped(table);
    return 0;
}

}  // namespace mlm::gd_tool
