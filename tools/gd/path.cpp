// mlm-gd path: the weights along a regularization path, strongest penalty
// first, each fit warm-started from the one before (as scikit-learn's lasso_path).
#include <algorithm>
#include <cmath>
#include <sstream>

#include "cli/explain_text.hpp"
#include "error.hpp"
#include "gd/fit_settings.hpp"
#include "gd/training_data.hpp"
#include "models/model.hpp"
#include "io/number.hpp"
#include "io/table_writer.hpp"

namespace mlm::gd_tool {
namespace {

using Eigen::Index;
using Eigen::VectorXd;

// The smallest l1 that makes every weight zero: max_j |x_jᵀ(y − ȳ)|/n (scikit-learn's alpha_max).
double largest_alpha(const TrainingData& t, bool intercept) {
    const VectorXd yc = intercept ? VectorXd(t.y.array() - t.y.mean()) : t.y;
    const models::RowMatrix xc = intercept ? models::RowMatrix(t.x.rowwise() - t.x.colwise().mean()) : t.x;
    return (xc.transpose() * yc).cwiseAbs().maxCoeff() / static_cast<double>(t.x.rows());
}

// --alphas N: N values from alpha_max down to alpha_max/1000, evenly on a log
// scale (lasso_path's eps = 1e-3); --alphas LIST: those, strongest first.
std::vector<double> alphas(const Options& o, const TrainingData& t, bool intercept) {
    std::vector<double> out;
    if (o.alphas.find(',') == std::string::npos) {
        double count = 0;
        if (io::parse_number(o.alphas, count) != io::ParseResult::ok || !(count >= 1) || count > 10000 ||
            count != std::floor(count))
            throw UsageError("--alphas: expected a count from 1 to 10000 or a list A,B,..., got \"" + o.alphas + "\"");
        const double top = largest_alpha(t, intercept);
        if (!(top > 0)) throw InputError("the target does not vary with any feature: every penalty gives zero weights", t.file);
        const auto n = static_cast<int>(count);
        for (int i = 0; i < n; ++i) out.push_back(n == 1 ? top : top * std::pow(1e-3, double(i) / (n - 1)));
        return out;
    }
    std::stringstream in(o.alphas);
    for (std::string item; std::getline(in, item, ',');) {
        double a = -1;
        if (io::parse_number(item, a) != io::ParseResult::ok || !(a >= 0) || !std::isfinite(a))
            throw UsageError("--alphas: expected numbers >= 0, got \"" + item + "\"");
        out.push_back(a);
    }
    std::sort(out.rbegin(), out.rend());
    return out;
}

struct PathPoint {
    double alpha = 0;
    models::Parameters p;
};

std::string explain_path(const Options& o, const TrainingData& t, const std::vector<PathPoint>& path) {
    const bool l1 = o.penalty == "l1";
    std::string text = "The " + o.penalty + " path of a " + o.model + " model: the objective is the mean loss + " +
                       (l1 ? "alpha*|w|_1" : "alpha/2*|w|^2") + ", fitted for " + std::to_string(path.size()) +
                       " penalties from alpha = " + io::format_number(path.front().alpha, 3) + " down to " +
                       io::format_number(path.back().alpha, 3) + ", each fit starting from the previous one.\n\n";
    // Read from the weakest penalty up: where does each weight first become exactly zero?
    std::vector<std::pair<double, std::string>> left;
    for (std::size_t j = 0; j < t.features.size(); ++j) {
        for (std::size_t k = path.size(); k-- > 0;) {
            if (path[k].p.weights(static_cast<Index>(j), 0) == 0) {
                left.emplace_back(path[k].alpha, t.features[j]);
                break;
            }
        }
    }
    std::sort(left.begin(), left.end());
    if (left.empty()) {
        text += l1 ? "No weight reached zero on this grid: every feature matters down to alpha = " +
                         io::format_number(path.back().alpha, 3) + ".\n"
                   : "No weight reached zero: under L2 the weights shrink together, toward zero but never to it.\n";
    } else {
        text += "As the penalty grows, the weights reach exactly zero one after another:\n";
        for (const auto& [alpha, name] : left)
            text += "  " + name + " is zero from alpha = " + io::format_number(alpha, 3) + "\n";
        const std::size_t kept = t.features.size() - left.size();
        text += "\n\"" + left.front().second + "\" left first, at alpha = " + io::format_number(left.front().first, 3) +
                (kept == 0 ? "; at alpha = " + io::format_number(path.front().alpha, 3) + " every weight is zero.\n"
                           : "; " + std::to_string(kept) + " of " + std::to_string(t.features.size()) +
                                 " weights are never zero on this grid.\n");
    }
    text += l1 ? "\nThis is L1's corner: the diamond |w|_1 <= c touches the loss's contours at a corner, where "
                 "some weights are exactly zero; L2's ball has no corners, so its weights only shrink.\n"
               : "\nThis is L2's ball: it has no corners, so the weights shrink in proportion and none is "
                 "dropped; under L1 (--penalty l1) they would reach zero one after another.\n";
    return cli::wrapped(text);
}

}  // namespace

int run_path(const Options& o, cli::Context& ctx) {
    const models::Kind kind = models::parse_kind(o.model);
    if (kind == models::Kind::softmax) throw UsageError("path takes --model linear or logistic");
    if (o.target.empty()) throw UsageError("path needs --target: the column to predict");
    TrainingData t = read_training_data(o, ctx, kind);
    if (o.standardize) models::standardize(t.x);
    const bool l1 = o.penalty == "l1";
    models::Spec spec = model_spec(o, kind, 2);
    models::FitSettings settings;
    settings.epochs = 100000;
    settings.tol = o.fit_tol;
    std::vector<PathPoint> path;
    const std::vector<double> grid = alphas(o, t, spec.intercept);
    path.reserve(grid.size());  // warm points at the previous element
    const models::Parameters* warm = nullptr;
    for (double alpha : grid) {
        (l1 ? spec.l1 : spec.l2) = alpha;
        if (alpha == 0) check_unpenalized(t, spec);
        const models::FitResult r = models::fit(t.x, t.y, spec, settings, {}, warm);
        if (!r.converged()) return not_converged(ctx, r, settings);
        path.push_back({alpha, r.parameters});
        warm = &path.back().p;
    }
    if (o.common.explain) {
        ctx.out() << explain_path(o, t, path);
        return 0;
    }
    std::vector<std::string> header{"alpha", "intercept"};
    header.insert(header.end(), t.features.begin(), t.features.end());
    auto table = ctx.table(header);
    for (const auto& point : path) {
        table.cell(point.alpha).cell(point.p.intercept[0]);
        for (Index j = 0; j < point.p.weights.rows(); ++j) table.cell(point.p.weights(j, 0));
        table.end_row();
    }
    table.finish();
    return 0;
}

}  // namespace mlm::gd_tool
