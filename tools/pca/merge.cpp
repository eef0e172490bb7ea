// mlm-pca merge PARTIAL...: the moments of every shard combined by Chan's
// pairwise formula, then one fit, equal to a single pass up to rounding.
#include "error.hpp"
#include "io/json_rows.hpp"
#include "linalg/partial.hpp"
#include "pca/pca_tool.hpp"

namespace mlm::pca_tool {

int run_merge(const Options& o, cli::Context& ctx) {
    if (o.common.files.empty()) throw UsageError("merge needs the partial files to combine");
    if (o.emitted() == "scores")
        throw UsageError("merge has no rows to score; --emit summary, components or model");
    std::optional<linalg::Partial> all;
    for (const auto& f : o.common.files) {
        linalg::Partial next = linalg::partial_from_json(io::read_json_document(f), f);
        if (!all) all = std::move(next);
        else linalg::merge_partial(*all, next, f);
    }
    linalg::PcaSettings settings = o.settings();
    settings.method = linalg::PcaMethod::cov;
    const linalg::PcaModel model = linalg::fit_moments(all->moments, all->features, settings);
    if (!o.save_model.empty()) save_model(o.save_model, model);
    note_scale(ctx, model, all->moments, all->features);
    if (o.common.explain) print_explanation(o, ctx, *all, model);
    else print_report(o, ctx, model);
    return 0;
}

}  // namespace mlm::pca_tool
