// mlm-gd minimize: run the descent, then print the final point, the trace, the
// walkthrough or the reason it failed.
#include <cmath>

#include <nlohmann/json.hpp>

#include "calc/assignment.hpp"
#include "calc/expression.hpp"
#include "error.hpp"
#include "gd/gd_tool.hpp"
#include "io/number.hpp"
#include "io/table_writer.hpp"

namespace mlm::gd_tool {
namespace {

using nlohmann::json;
using optim::Method;

// Which optimizers have each hyperparameter, to refuse one that would be ignored.
void require(bool given, const char* option, std::initializer_list<Method> methods, Method m) {
    if (!given) return;
    for (Method allowed : methods)
        if (allowed == m) return;
    std::string names;
    for (Method allowed : methods) names += (names.empty() ? "" : ", ") + std::string(optim::method_name(allowed));
    throw UsageError(std::string(option) + " applies to " + names + ", not " + std::string(optim::method_name(m)));
}

json hyperparameters_json(const optim::MinimizeSettings& s) {
    const auto& h = s.hyper;
    switch (s.method) {
        case Method::sgd: return {{"weight_decay", h.weight_decay}};
        case Method::momentum:
        case Method::nesterov:
            return {{"momentum", h.momentum}, {"dampening", h.dampening}, {"weight_decay", h.weight_decay},
                    {"nesterov", s.method == Method::nesterov}};
        case Method::adagrad:
            return {{"lr_decay", h.lr_decay}, {"eps", h.eps}, {"weight_decay", h.weight_decay},
                    {"initial_accumulator", h.initial_accumulator}};
        case Method::rmsprop:
            return {{"alpha", h.alpha}, {"eps", h.eps}, {"momentum", h.momentum}, {"centered", h.centered},
                    {"weight_decay", h.weight_decay}};
        case Method::adam:
        case Method::adamw:
            return {{"beta1", h.beta1}, {"beta2", h.beta2}, {"eps", h.eps}, {"weight_decay", h.weight_decay},
                    {"amsgrad", h.amsgrad}, {"decoupled_weight_decay", s.method == Method::adamw}};
    }
    return json::object();
}

const char* stop_name(optim::Stop stop) {
    switch (stop) {
        case optim::Stop::converged: return "converged";
        case optim::Stop::max_steps: return "max_steps";
        case optim::Stop::diverged: return "diverged";
    }
    return "?";
}

const char* cause_name(optim::Cause c) {
    switch (c) {
        case optim::Cause::point: return "point not finite";
        case optim::Cause::f: return "f not finite";
        case optim::Cause::gradient: return "gradient not finite";
        case optim::Cause::grew: return "f grew";
        case optim::Cause::fell: return "f fell";
    }
    return "?";
}

json result_json(const Options& o, const optim::MinimizeSettings& s, const calc::Tape& tape,
                 const optim::MinimizeResult& r) {
    json point = json::object();
    for (std::size_t j = 0; j < tape.variables.size(); ++j)
        point[tape.variables[j]] = io::json_number(r.point[static_cast<Eigen::Index>(j)]);
    json doc;
    doc["expression"] = o.expression;
    doc["point"] = point;
    doc["f"] = io::json_number(r.f);
    doc["steps"] = r.steps;
    doc["converged"] = r.converged();
    doc["stop"] = stop_name(r.stop);
    doc["grad_norm"] = io::json_number(r.grad_norm);
    doc["gradient"] = "backpropagation (reverse-mode automatic differentiation)";
    doc["settings"] = {{"optimizer", std::string(optim::method_name(s.method))},
                       {"lr", s.hyper.lr},
                       {"schedule", s.schedule.text()},
                       {"max_steps", s.max_steps},
                       {"tol", s.tol},
                       {"hyperparameters", hyperparameters_json(s)}};
    if (r.divergence) {
        const auto& d = *r.divergence;
        doc["divergence"] = {{"step", d.step},
                             {"cause", cause_name(d.cause)},
                             {"f_start", io::json_number(d.f_start)},
                             {"f", io::json_number(d.f_at)},
                             {"largest_hessian_eigenvalue", io::json_number(d.largest_eigenvalue)},
                             {"stable_lr", io::json_number(d.stable_lr)},
                             {"message", optim::divergence_message(d, s)}};
    }
    if (r.stall) {
        const char* kinds[] = {"falling", "oscillating", "stalled"};
        doc["stall"] = {{"kind", kinds[static_cast<int>(r.stall->kind)]},
                        {"window", r.stall->window},
                        {"reversals", io::json_number(r.stall->reversals)},
                        {"message", optim::stall_message(*r.stall, s)}};
    }
    if (!o.at.empty()) doc["fixed"] = o.at;
    return doc;
}

// The tape with the variables of --at held fixed, and the start point of the others.
std::pair<calc::Tape, Eigen::VectorXd> problem(const Options& o) {
    const calc::Tape full = calc::parse_expression(o.expression);
    auto values = [&](const std::string& text, const char* option) {
        try {
            return calc::parse_partial_assignment(text, full);
        } catch (const UsageError& e) {
            throw UsageError(std::string(option) + ": " + e.what());
        }
    };
    const auto start = values(o.start, "--start"), fixed = values(o.at, "--at");
    std::vector<double> free;
    for (std::size_t j = 0; j < full.variables.size(); ++j) {
        if (start[j] && fixed[j])
            throw UsageError("'" + full.variables[j] + "' is given in both --start and --at");
        if (!start[j] && !fixed[j]) throw UsageError("--start: no value for '" + full.variables[j] + "'");
        if (start[j]) free.push_back(*start[j]);
    }
    return {calc::bind_variables(full, fixed),
            Eigen::Map<const Eigen::VectorXd>(free.data(), static_cast<Eigen::Index>(free.size()))};
}

void print_result(cli::Context& ctx, const calc::Tape& tape, const optim::MinimizeResult& r) {
    auto table = ctx.table({"name", "value"});
    for (std::size_t j = 0; j < tape.variables.size(); ++j)
        table.cell(tape.variables[j]).cell(r.point[static_cast<Eigen::Index>(j)]).end_row();
    table.cell("f").cell(r.f).end_row();
    table.cell("steps").cell(static_cast<double>(r.steps)).end_row();
    table.finish();
}

}  // namespace

optim::MinimizeSettings settings(const Options& o) {
    optim::MinimizeSettings s;
    s.method = optim::parse_method(o.optimizer);
    const Method m = s.method;
    require(o.momentum.has_value(), "--momentum", {Method::momentum, Method::nesterov, Method::rmsprop}, m);
    require(o.dampening.has_value(), "--dampening", {Method::momentum, Method::nesterov}, m);
    require(o.alpha.has_value() || o.centered, o.centered ? "--centered" : "--alpha", {Method::rmsprop}, m);
    require(o.beta1.has_value() || o.beta2.has_value() || o.amsgrad,
            o.amsgrad ? "--amsgrad" : (o.beta1 ? "--beta1" : "--beta2"), {Method::adam, Method::adamw}, m);
    require(o.eps.has_value(), "--eps", {Method::adagrad, Method::rmsprop, Method::adam, Method::adamw}, m);
    require(o.lr_decay.has_value() || o.initial_accumulator.has_value(),
            o.lr_decay ? "--lr-decay" : "--initial-accumulator", {Method::adagrad}, m);
    auto& h = s.hyper = optim::default_hyperparameters(m);
    h.lr = o.lr.value_or(h.lr);
    h.momentum = o.momentum.value_or(h.momentum);
    h.dampening = o.dampening.value_or(h.dampening);
    h.weight_decay = o.weight_decay.value_or(h.weight_decay);
    h.alpha = o.alpha.value_or(h.alpha);
    h.beta1 = o.beta1.value_or(h.beta1);
    h.beta2 = o.beta2.value_or(h.beta2);
    h.eps = o.eps.value_or(h.eps);
    h.lr_decay = o.lr_decay.value_or(h.lr_decay);
    h.initial_accumulator = o.initial_accumulator.value_or(h.initial_accumulator);
    h.centered = o.centered;
    h.amsgrad = o.amsgrad;
    if (h.beta1 >= 1 || h.beta2 >= 1) throw UsageError("--beta1 and --beta2 must be below 1");
    if ((m == Method::momentum || m == Method::nesterov) && h.momentum == 0)
        throw UsageError("--momentum must be above 0 for " + std::string(optim::method_name(m)) +
                         " (use --optimizer sgd for none)");
    s.schedule = optim::parse_schedule(o.schedule);
    s.max_steps = o.max_steps;
    s.tol = o.tol;
    s.trace_limit = o.common.explain ? 6 : 0;  // --trace streams every row instead
    return s;
}

int run_minimize(const Options& o, cli::Context& ctx) {
    const optim::MinimizeSettings s = settings(o);
    if (o.common.explain && o.trace)
        throw UsageError("--explain walks through the first steps and does not print --trace: give one of them");
    const auto [tape, start] = problem(o);
    // --trace writes each row as the step is made: memory stays flat in the number of steps.
    std::optional<io::TableWriter> trace;
    optim::StepObserver observer;
    if (o.trace && !o.common.explain) {
        std::vector<std::string> columns{"step", "f", "grad_norm", "lr"};
        columns.insert(columns.end(), tape.variables.begin(), tape.variables.end());
        trace.emplace(ctx.table(columns));
        observer = [&trace](const optim::TraceRow& row) {
            trace->cell(static_cast<double>(row.step)).cell(row.f).cell(row.grad_norm).cell(row.lr);
            for (Eigen::Index j = 0; j < row.x.size(); ++j) trace->cell(row.x[j]);
            trace->end_row();
        };
    }
    const optim::MinimizeResult r = optim::minimize(tape, start, s, observer);
    const bool diverged = r.stop == optim::Stop::diverged;

    if (o.common.explain) {
        ctx.out() << explain_minimize(o, s, tape, r, o.common.precision > 0 ? o.common.precision : 6);
    } else if (trace) {
        trace->finish();
    } else if (ctx.json()) {
        ctx.print_json(result_json(o, s, tape, r));
    } else if (!diverged) {
        print_result(ctx, tape, r);
    }

    if (diverged) {
        ctx.warn(optim::divergence_message(*r.divergence, s));
        return status_numeric;
    }
    if (r.stop == optim::Stop::max_steps) {
        ctx.warn("did not converge in " + std::to_string(r.steps) + " steps: |grad f| = " +
                 io::format_number(r.grad_norm, 6) + " is above --tol " + io::format_number(s.tol) +
                 (r.stall ? "; " + optim::stall_message(*r.stall, s) : ""));
        return status_numeric;
    }
    return ctx.check(r.f, "f");
}

}  // namespace mlm::gd_tool
