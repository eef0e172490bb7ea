// The weights table, --to json and --save-model of fit and merge.
#include "gd/fit_report.hpp"

#include "io/output.hpp"
#include "io/table_writer.hpp"
#include "optim/optimizer.hpp"

namespace mlm::gd_tool {
namespace {

using nlohmann::json;

// intercept and weights: one value (linear, logistic) or class -> value (softmax).
json weights_json(const FitReport& r, const models::Parameters& p, bool intercept) {
    const bool per_class = r.spec.kind == models::Kind::softmax;
    auto column = [&](Eigen::Index c) {
        if (intercept) return io::json_number(p.intercept[c]);
        json w = json::object();
        for (std::size_t j = 0; j < r.features.size(); ++j)
            w[r.features[j]] = io::json_number(p.weights(static_cast<Eigen::Index>(j), c));
        return w;
    };
    if (!per_class) return column(0);
    json out = json::object();
    for (std::size_t c = 0; c < r.classes.size(); ++c) out[r.classes[c]] = column(static_cast<Eigen::Index>(c));
    return out;
}

json optimizer_json(const FitReport& r) {
    const auto& s = r.settings;
    json out = {{"name", r.result.solver == models::Solver::first_order
                             ? std::string(optim::method_name(s.method))
                             : std::string(models::solver_name(r.result.solver))},
                {"method", r.method}};
    if (r.result.solver == models::Solver::exact) return out;
    out["tol"] = s.tol;
    out["max_epochs"] = s.epochs;
    if (r.result.solver != models::Solver::first_order) return out;
    out["lr"] = s.hyper.lr;
    out["schedule"] = s.schedule.text();
    out["batch"] = s.batch > 0 ? json(s.batch) : json("full");
    out["seed"] = s.seed;
    const auto& h = s.hyper;
    out["hyperparameters"] = {{"momentum", h.momentum}, {"dampening", h.dampening},
                              {"weight_decay", h.weight_decay}, {"alpha", h.alpha},
                              {"beta1", h.beta1}, {"beta2", h.beta2}, {"eps", h.eps}};
    return out;
}

const char* stop_name(models::FitStop s) {
    switch (s) {
        case models::FitStop::converged: return "converged";
        case models::FitStop::max_epochs: return "max_epochs";
        case models::FitStop::diverged: return "diverged";
        case models::FitStop::no_progress: return "no_progress";
    }
    return "?";
}

}  // namespace

models::Model saved_model(const FitReport& r) {
    return {r.spec.kind, r.spec.loss, r.features, r.classes, r.original.value_or(r.result.parameters)};
}

json fit_json(const Options& o, const FitReport& r) {
    const auto& p = r.result.parameters;
    json doc;
    doc["model"] = models::kind_name(r.spec.kind);
    doc["loss_function"] = models::loss_name(r.spec.loss);
    if (r.spec.loss == models::Loss::huber) doc["huber_delta"] = r.spec.huber_delta;
    doc["objective_formula"] = "mean loss + l2/2*|w|^2 + l1*|w|_1, intercept not penalized";
    doc["target"] = r.target;
    if (!r.classes.empty()) doc["classes"] = r.classes;
    doc["n"] = r.rows;
    doc["features"] = r.features;
    doc["l1"] = r.spec.l1;
    doc["l2"] = r.spec.l2;
    doc["fit_intercept"] = r.spec.intercept;
    doc["standardized"] = o.standardize;
    doc["intercept"] = weights_json(r, p, true);
    doc["weights"] = weights_json(r, p, false);
    if (r.original) {
        doc["intercept_original_scale"] = weights_json(r, *r.original, true);
        doc["weights_original_scale"] = weights_json(r, *r.original, false);
    }
    doc["objective"] = io::json_number(r.result.objective);
    doc["loss"] = io::json_number(r.result.loss);
    doc["zero_weights"] = (p.weights.array() == 0).count();
    doc["epochs"] = r.result.epochs;
    doc["converged"] = r.result.converged();
    doc["stop"] = stop_name(r.result.stop);
    doc["grad_norm"] = io::json_number(r.result.grad_norm);
    doc["optimizer"] = optimizer_json(r);
    return doc;
}

void print_weights(cli::Context& ctx, const FitReport& r) {
    const auto& p = r.result.parameters;
    std::vector<std::string> header{"feature"};
    if (r.spec.kind == models::Kind::softmax) header.insert(header.end(), r.classes.begin(), r.classes.end());
    else header.push_back("weight");
    auto table = ctx.table(header);
    table.cell("intercept");
    for (Eigen::Index c = 0; c < p.intercept.size(); ++c) table.cell(p.intercept[c]);
    table.end_row();
    for (std::size_t j = 0; j < r.features.size(); ++j) {
        table.cell(r.features[j]);
        for (Eigen::Index c = 0; c < p.weights.cols(); ++c) table.cell(p.weights(static_cast<Eigen::Index>(j), c));
        table.end_row();
    }
    table.finish();
}

void save_model(const std::string& path, const models::Model& model) {
    io::Output file(path);
    io::write_json(file, models::model_json(model));
    file.commit();
}

void report_fit(const Options& o, cli::Context& ctx, const FitReport& r) {
    if (!o.save_model.empty()) save_model(o.save_model, saved_model(r));
    if (ctx.json()) ctx.print_json(fit_json(o, r));
    else print_weights(ctx, r);
}

}  // namespace mlm::gd_tool
