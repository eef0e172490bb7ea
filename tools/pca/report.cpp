// What a fit prints besides scores: the summary table, the loadings, the model
// document, and with --to json every detail with the conventions behind it.
#include "error.hpp"
#include "io/number.hpp"
#include "io/output.hpp"
#include "linalg/json_matrix.hpp"
#include "linalg/pca_model.hpp"
#include "pca/pca_tool.hpp"

#include <cmath>

namespace mlm::pca_tool {

linalg::PcaSettings Options::settings() const {
    linalg::PcaSettings s;
    s.method = linalg::method_from_name(method);
    s.components = components;
    s.variance = variance;
    s.standardize = standardize;
    s.drop_constant = drop_constant;
    s.whiten = whiten;
    s.seed = common.seed;
    if (drop_constant && !standardize)
        throw UsageError("--drop-constant only applies with --standardize");
    return s;
}

std::string Options::emitted() const {
    if (!emit.empty()) return emit;
    return common.command == "merge" ? "model" : "scores";
}

void note_scale(const cli::Context& ctx, const linalg::PcaModel& model, const linalg::Moments& moments,
                const std::vector<std::string>& names) {
    if (model.standardized) return;
    const auto dominant = linalg::dominant_column(moments);
    if (!dominant) return;
    ctx.note("column \"" + names[static_cast<std::size_t>(dominant->column)] + "\" holds " +
             io::format_number(100 * dominant->share, 3) + "% of the variance (variances differ " +
             (std::isfinite(dominant->spread) ? "by " + io::format_number(dominant->spread, 2) + "x"
                                               : "by more than 100x") +
             "), so the components mostly follow its units; --standardize weighs every column alike");
}

nlohmann::json details_json(const Options& o, const linalg::PcaModel& model) {
    nlohmann::json doc = linalg::model_json(model);
    doc["k"] = model.kept();
    doc["method_requested"] = o.common.command == "merge" ? "cov" : o.method;
    doc["cumulative_variance_ratio"] =
        linalg::vector_json(linalg::cumulative_sum(linalg::explained_variance_ratio(model)));
    doc["approximate"] = linalg::approximate(model.method);
    doc["covariance_divisor"] = "n-1";
    doc["standardize_sd"] = "population";
    doc["sign_convention"] = "each component's largest-magnitude loading is positive";
    if (o.variance > 0) doc["variance_requested"] = o.variance;
    return doc;
}

void save_model(const std::string& path, const linalg::PcaModel& model) {
    io::Output file(path);
    io::write_json(file, linalg::model_json(model));
    file.commit();
}

void print_report(const Options& o, cli::Context& ctx, const linalg::PcaModel& model) {
    const std::string what = o.emitted();
    if (ctx.json()) {
        ctx.print_json(details_json(o, model));
        return;
    }
    if (what == "model") {
        ctx.print_json(linalg::model_json(model));
        return;
    }
    const auto names = component_names(model.eigenvalues.size());
    if (what == "summary") {
        const Eigen::VectorXd ratio = linalg::explained_variance_ratio(model);
        const Eigen::VectorXd cumulative = linalg::cumulative_sum(ratio);
        auto table = ctx.table({"component", "eigenvalue", "ratio", "cumulative"});
        for (Eigen::Index j = 0; j < model.eigenvalues.size(); ++j) {
            table.cell(names[static_cast<std::size_t>(j)]).cell(model.eigenvalues(j));
            table.cell(ratio(j)).cell(cumulative(j));
            table.end_row();
        }
        table.finish();
        return;
    }
    std::vector<std::string> header{"component"};
    header.insert(header.end(), model.features.begin(), model.features.end());
    auto table = ctx.table(std::move(header));
    for (Eigen::Index i = 0; i < model.kept(); ++i) {
        table.cell(names[static_cast<std::size_t>(i)]);
        for (Eigen::Index j = 0; j < model.components.cols(); ++j) table.cell(model.components(i, j));
        table.end_row();
    }
    table.finish();
}

}  // namespace mlm::pca_tool
