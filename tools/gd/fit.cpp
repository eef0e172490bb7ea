// mlm-gd fit: read the training rows, fit the model by the method that suits
// it, and print the weights (or the sufficient statistics, with --partial).
#include <cmath>
#include <optional>

#include "error.hpp"
#include "gd/fit_report.hpp"
#include "gd/fit_settings.hpp"
#include "gd/training_data.hpp"
#include "io/number.hpp"
#include "io/table_writer.hpp"
#include "linalg/partial.hpp"
#include "optim/minimize.hpp"

namespace mlm::gd_tool {
namespace {

// --partial: n, means and co-moments of [features, target], for merge.
int print_partial(const Options& o, cli::Context& ctx, const TrainingData& t, const models::Spec& spec) {
    if (spec.kind != models::Kind::linear || spec.loss != models::Loss::mse)
        throw UsageError("--partial is for linear mse fits: logistic, softmax and huber fits have no "
                         "sufficient statistics to merge");
    // The moments carry no penalty: one given here would be dropped without a word.
    if (spec.l1 > 0 || spec.l2 > 0)
        throw UsageError("--partial prints moments, which carry no penalty: give --l2 to merge "
                         "(--l1 and --elastic-net have no merge)");
    if (o.standardize) throw UsageError("--partial prints raw moments; give --standardize to neither (merge "
                                        "solves on the input's scale)");
    linalg::Partial partial{t.features, linalg::Moments(t.x.cols() + 1)};
    partial.features.push_back(t.target);
    models::RowMatrix rows(t.x.rows(), t.x.cols() + 1);
    rows << t.x, t.y;
    partial.moments.add_block(rows);
    nlohmann::json doc = linalg::partial_json(partial, partial_kind);
    doc["target"] = t.target;
    io::write_json(ctx.out(), doc);
    return 0;
}

std::string separable_message(const models::FitResult& r) {
    return "the classes are perfectly separable: without a penalty the weights grow without bound (|w| = " +
           optim::readable(r.parameters.weights.norm()) + " after " + std::to_string(r.epochs) +
           " epochs, and growing); add --l2 (e.g. --l2 1e-4) for finite weights";
}

}  // namespace

int run_fit(const Options& o, cli::Context& ctx) {
    const models::Kind kind = models::parse_kind(o.model);
    if (o.target.empty()) throw UsageError("fit needs --target: the column to predict");
    const models::FitSettings settings = fit_settings(o, model_spec(o, kind, 2));
    TrainingData t = read_training_data(o, ctx, kind);
    const models::Spec spec = model_spec(o, kind, static_cast<Eigen::Index>(t.classes.size()));
    if (o.partial) return print_partial(o, ctx, t, spec);
    check_unpenalized(t, spec);
    std::optional<models::Scaling> scaling;
    if (o.standardize) scaling = models::standardize(t.x);

    TraceWriter trace(o, ctx);
    FitReport r{spec, t.target, t.features, t.classes, t.x.rows(), {}, settings, std::nullopt, {}};
    r.result = models::fit(t.x, t.y, spec, settings, trace.observer());
    r.method = method_description(r.result.solver);
    if (scaling) r.original = models::original_scale(r.result.parameters, *scaling);
    trace.finish();

    const bool separable = spec.l1 == 0 && spec.l2 == 0 && models::separates(t.x, t.y, spec, r.result.parameters);
    if (separable) {
        ctx.warn(separable_message(r.result));
        return status_numeric;
    }
    if (r.result.stop == models::FitStop::diverged) {
        ctx.warn("diverged at epoch " + std::to_string(r.result.epochs) +
                 ": the objective became nan or inf or grew a millionfold; lower --lr");
        return status_numeric;
    }
    if (!o.trace) report_fit(o, ctx, r);
    return not_converged(ctx, r.result, settings);
}

}  // namespace mlm::gd_tool
