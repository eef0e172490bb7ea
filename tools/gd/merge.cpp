// mlm-gd merge PARTIAL...: the moments of every shard (fit --partial)
// combined by Chan's formula, then the normal equations of one fit over all
// rows, solved once: a linear or ridge fit spread over many machines.
#include "error.hpp"
#include "gd/fit_report.hpp"
#include "gd/fit_settings.hpp"
#include "gd/training_data.hpp"
#include "io/json_rows.hpp"
#include "linalg/partial.hpp"
#include "models/least_squares.hpp"

namespace mlm::gd_tool {

int run_merge(const Options& o, cli::Context& ctx) {
    if (o.common.files.empty()) throw UsageError("merge needs the partial files to combine");
    std::optional<linalg::Partial> all;
    std::string target;
    for (const auto& f : o.common.files) {
        const nlohmann::json doc = io::read_json_document(f);
        linalg::Partial next = linalg::partial_from_json(doc, f, partial_kind);
        if (next.features.size() < 2 || !doc.contains("target") || doc["target"] != next.features.back())
            throw InputError("a partial's last feature must be its \"target\"", f);
        if (!all) {
            all = std::move(next);
            target = all->features.back();
        } else {
            linalg::merge_partial(*all, next, f);
        }
    }
    models::Spec spec = model_spec(o, models::Kind::linear, 1);
    if (spec.loss != models::Loss::mse || spec.l1 > 0)
        throw UsageError("merge solves linear mse and ridge fits (--l2); --l1 and huber have no closed form");
    const Eigen::Index n = all->moments.count();
    const auto d = static_cast<Eigen::Index>(all->features.size()) - 1;
    if (n == 0) throw InputError("the partials hold no rows", o.common.files.front());
    if (spec.l2 == 0 && d + (spec.intercept ? 1 : 0) > n)
        throw InputError(std::to_string(n) + " rows cannot determine the weights without a penalty: add --l2",
                         o.common.files.front());
    FitReport r;
    r.spec = spec;
    r.target = target;
    r.features.assign(all->features.begin(), all->features.end() - 1);
    r.rows = n;
    r.result.parameters = models::least_squares(all->moments, spec.l2, spec.intercept);
    r.result.solver = models::Solver::exact;
    r.method = "normal equations from merged co-moments, Cholesky (LDLT) on unit diagonal, one refinement step";
    // The objective from the moments: (1/2n)‖y − Xw − b‖² = ½(wᵀCw − 2wᵀc + v) + ½(ȳ − x̄ᵀw − b)², C = M2_xx/n.
    const Eigen::MatrixXd m2 = all->moments.comoments() / static_cast<double>(n);
    const Eigen::VectorXd w = r.result.parameters.weights.col(0);
    const Eigen::VectorXd& mean = all->moments.mean();
    const double offset = mean[d] - mean.head(d).dot(w) - r.result.parameters.intercept[0];
    r.result.loss = 0.5 * (w.dot(m2.topLeftCorner(d, d) * w) - 2 * w.dot(m2.col(d).head(d)) + m2(d, d)) +
                    0.5 * offset * offset;
    r.result.objective = r.result.loss + spec.l2 / 2 * w.squaredNorm();
    Eigen::VectorXd gradient(d + 1);
    gradient.head(d) = m2.topLeftCorner(d, d) * w - m2.col(d).head(d) - offset * mean.head(d) + spec.l2 * w;
    gradient[d] = spec.intercept ? -offset : 0.0;
    r.result.grad_norm = gradient.norm();
    report_fit(o, ctx, r);
    return 0;
}

}  // namespace mlm::gd_tool
