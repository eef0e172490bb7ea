// mlm-pca apply and inverse: a saved model projects new rows (columns matched
// by name) or turns scores back into rows, streaming block by block.
#include "error.hpp"
#include "io/columns.hpp"
#include "io/json_rows.hpp"
#include "linalg/pca_model.hpp"
#include "pca/pca_tool.hpp"

#include <algorithm>

namespace mlm::pca_tool {
namespace {

linalg::PcaModel load_model(const std::string& path) {
    return linalg::model_from_json(io::read_json_document(path), path);
}

// The score columns inverse reads: -c when given, else PC1, PC2, ... by name
// when the header has them, else every column not kept, in order.
Selection select_scores(const Options& o, const cli::Context& ctx, io::TableReader& table,
                        Eigen::Index k) {
    const auto& names = table.names();
    Selection sel = with_kept_columns(o, table);
    if (!o.common.columns.empty()) {
        sel.features = ctx.selected_columns(table);
    } else {
        for (const auto& pc : component_names(k)) {
            const auto at = std::find(names.begin(), names.end(), pc);
            if (at == names.end()) break;
            sel.features.push_back(static_cast<std::size_t>(at - names.begin()));
        }
        if (sel.features.empty()) sel.features = unkept_columns(sel, table);
    }
    if (static_cast<Eigen::Index>(sel.features.size()) > k)
        throw InputError("the input has " + std::to_string(sel.features.size()) +
                         " score columns but the model only " + std::to_string(k) + " components",
                         table.file());
    request(table, sel);
    return sel;
}

}  // namespace

int run_apply(const Options& o, cli::Context& ctx) {
    const linalg::PcaModel model = load_model(o.model);
    io::TableReader table = ctx.open_table();
    const Selection sel = select_by_name(o, table, model.features);
    RowWriter out(ctx, sel.keep_names, component_names(model.kept()));
    write_projected(table, out, [&](const io::RowBlock& b) { return linalg::transform(model, b.matrix()); });
    out.finish();
    ctx.report_skipped(table);
    return 0;
}

int run_inverse(const Options& o, cli::Context& ctx) {
    linalg::PcaModel model = load_model(o.model);
    io::TableReader table = ctx.open_table();
    const Selection sel = select_scores(o, ctx, table, model.kept());
    // Fewer scores than components: reconstruct from the leading ones.
    model.components = model.components.topRows(static_cast<Eigen::Index>(sel.features.size())).eval();
    RowWriter out(ctx, sel.keep_names, model.features);
    write_projected(table, out, [&](const io::RowBlock& b) { return linalg::inverse_transform(model, b.matrix()); });
    out.finish();
    ctx.report_skipped(table);
    return 0;
}

}  // namespace mlm::pca_tool
