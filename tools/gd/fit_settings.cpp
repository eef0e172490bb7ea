// From fit's options to the fitting method's settings.
#include "gd/fit_settings.hpp"

#include <cmath>

#include "error.hpp"
#include "io/number.hpp"
#include "optim/minimize.hpp"

namespace mlm::gd_tool {
namespace {

bool first_order_name(const std::string& name) { return name != "auto" && name != "lbfgs"; }

// Eigen::Index from --batch: "full" or a whole number >= 1.
Eigen::Index parse_batch(const std::string& text) {
    if (text == "full") return 0;
    double v = 0;
    if (io::parse_number(text, v) != io::ParseResult::ok || !(v >= 1) || v != std::floor(v) || v > 1e15)
        throw UsageError("--batch: expected full or a whole number >= 1, got \"" + text + "\"");
    return static_cast<Eigen::Index>(v);
}

}  // namespace

models::FitSettings fit_settings(const Options& o, const models::Spec& spec) {
    models::FitSettings s;
    s.epochs = o.epochs;
    s.tol = o.fit_tol;
    s.seed = o.common.seed;
    s.batch = parse_batch(o.batch);
    if (!first_order_name(o.fit_optimizer)) {
        const bool tuned = o.lr || o.momentum || o.dampening || o.weight_decay || o.alpha || o.beta1 || o.beta2 ||
                           o.eps || o.lr_decay || o.initial_accumulator || o.centered || o.amsgrad ||
                           o.schedule != "constant";
        if (tuned)
            throw UsageError("--lr, --schedule and the hyperparameters apply to the first-order optimizers "
                             "(--optimizer sgd, adam, ...), not " + o.fit_optimizer);
        if (s.batch > 0)
            throw UsageError("--batch " + o.batch + " needs a first-order --optimizer (sgd, adam, ...); " +
                             o.fit_optimizer + " uses every row each step");
        if (o.fit_optimizer == "lbfgs") {
            if (spec.l1 > 0) throw UsageError("--optimizer lbfgs needs a smooth objective: --l1 is not; "
                                              "leave --optimizer auto (proximal gradient)");
            s.solver = models::Solver::lbfgs;
        }
        return s;
    }
    Options first = o;
    first.optimizer = o.fit_optimizer;
    const optim::MinimizeSettings m = settings(first);
    s.solver = models::Solver::first_order;
    s.method = m.method;
    s.hyper = m.hyper;
    s.schedule = m.schedule;
    return s;
}

std::string method_description(models::Solver s) {
    switch (s) {
        case models::Solver::exact:
            return "least squares: column-pivoted Householder QR on centered data, one refinement step";
        case models::Solver::coordinate: return "cyclic coordinate descent with soft thresholding";
        case models::Solver::lbfgs: return "L-BFGS (10 pairs) with a strong-Wolfe line search";
        case models::Solver::proximal: return "FISTA proximal gradient with backtracking";
        case models::Solver::first_order: return "first-order steps with a proximal soft threshold under l1";
    }
    return "?";
}

TraceWriter::TraceWriter(const Options& o, cli::Context& ctx) {
    if (o.trace) table_.emplace(ctx.table({"epoch", "loss", "grad_norm", "lr"}));
}

models::EpochObserver TraceWriter::observer() {
    if (!table_) return {};
    return [this](const models::EpochRow& row) {
        table_->cell(static_cast<double>(row.epoch)).cell(row.objective).cell(row.grad_norm).cell(row.lr).end_row();
    };
}

void TraceWriter::finish() {
    if (table_) table_->finish();
}

int not_converged(const cli::Context& ctx, const models::FitResult& r, const models::FitSettings& s) {
    if (r.converged()) return 0;
    const std::string why = r.stop == models::FitStop::no_progress
                                ? "the line search found no lower point (the objective is flat to rounding here)"
                                : "stopped after " + std::to_string(r.epochs) + " epochs (--epochs)";
    ctx.warn("did not converge: " + why + "; the gradient norm " + io::format_number(r.grad_norm, 6) +
             " is above --tol " + io::format_number(s.tol));
    return status_numeric;
}

}  // namespace mlm::gd_tool
