// mlm-grad at one point (--at): f and the gradient, the Hessian, a gradient
// check, or the difference quotients of the derivative's definition.
#include <cmath>

#include <nlohmann/json.hpp>

#include "calc/assignment.hpp"
#include "calc/backprop.hpp"
#include "calc/hessian.hpp"
#include "error.hpp"
#include "grad/grad_tool.hpp"
#include "io/table_writer.hpp"

namespace mlm::grad_tool {
namespace {

using nlohmann::json;

std::string method_text(const Options& o) {
    if (!o.numeric) return "backpropagation (reverse-mode automatic differentiation)";
    return o.scheme + " differences";
}

json variables_object(const Setup& s, const Eigen::VectorXd& v, bool wrt_only) {
    json out = json::object();
    const auto& names = s.tape.variables;
    if (wrt_only) {
        for (std::size_t j : s.wrt) out[names[j]] = io::json_number(v[static_cast<Eigen::Index>(j)]);
    } else {
        for (std::size_t j = 0; j < names.size(); ++j) out[names[j]] = io::json_number(v[static_cast<Eigen::Index>(j)]);
    }
    return out;
}

Eigen::MatrixXd restricted(const Setup& s, const Eigen::MatrixXd& h) {
    const auto k = static_cast<Eigen::Index>(s.wrt.size());
    Eigen::MatrixXd out(k, k);
    for (Eigen::Index a = 0; a < k; ++a)
        for (Eigen::Index b = 0; b < k; ++b)
            out(a, b) = h(static_cast<Eigen::Index>(s.wrt[static_cast<std::size_t>(a)]),
                          static_cast<Eigen::Index>(s.wrt[static_cast<std::size_t>(b)]));
    return out;
}

json matrix_json(const Eigen::MatrixXd& m) {
    json rows = json::array();
    for (Eigen::Index a = 0; a < m.rows(); ++a) {
        json row = json::array();
        for (Eigen::Index b = 0; b < m.cols(); ++b) row.push_back(io::json_number(m(a, b)));
        rows.push_back(row);
    }
    return rows;
}

std::vector<std::string> wrt_names(const Setup& s) {
    std::vector<std::string> names;
    for (std::size_t j : s.wrt) names.push_back(s.tape.variables[j]);
    return names;
}

json common_json(const Options& o, const Setup& s, const Eigen::VectorXd& x) {
    json doc;
    doc["expression"] = o.expression;
    doc["variables"] = s.tape.variables;
    doc["point"] = variables_object(s, x, false);
    return doc;
}

int run_check(const Options& o, const Setup& s, cli::Context& ctx, const Eigen::VectorXd& x) {
    double worst = 0;
    std::string where = "none";
    json exact_j, numeric_j;
    if (o.hessian) {
        const Eigen::MatrixXd exact = restricted(s, calc::hessian(s.tape, x));
        const Eigen::MatrixXd numeric = restricted(s, numeric_hessian(o, s, x));
        for (Eigen::Index a = 0; a < exact.rows(); ++a)
            for (Eigen::Index b = 0; b < exact.cols(); ++b) {
                const double d = relative_difference(exact(a, b), numeric(a, b));
                if (!(d <= worst)) {
                    worst = d;
                    where = "h_" + s.tape.variables[s.wrt[static_cast<std::size_t>(a)]] + "_" +
                            s.tape.variables[s.wrt[static_cast<std::size_t>(b)]];
                }
            }
        exact_j = matrix_json(exact);
        numeric_j = matrix_json(numeric);
    } else {
        const Eigen::VectorXd exact = calc::value_and_gradient(s.tape, x).gradient;
        const Eigen::VectorXd numeric = numeric_gradient(o, s, x);
        for (std::size_t j : s.wrt) {
            const auto i = static_cast<Eigen::Index>(j);
            const double d = relative_difference(exact[i], numeric[i]);
            if (!(d <= worst)) {
                worst = d;
                where = "d_" + s.tape.variables[j];
            }
        }
        exact_j = variables_object(s, exact, true);
        numeric_j = variables_object(s, numeric, true);
    }
    if (ctx.json()) {
        json doc = common_json(o, s, x);
        doc["max_relative_difference"] = io::json_number(worst);
        doc["largest_at"] = where;
        doc["measure"] = "|exact - numeric| / max(|exact|, |numeric|)";
        doc["scheme"] = o.scheme;
        doc["h"] = o.h ? json(*o.h) : json("automatic");
        doc[o.hessian ? "hessian" : "gradient"] = {{"exact", exact_j}, {"numeric", numeric_j}};
        ctx.print_json(doc);
    } else {
        ctx.print_number(worst);
    }
    return ctx.check(worst, "largest relative difference");
}

int run_limit(const Setup& s, cli::Context& ctx, const Eigen::VectorXd& x) {
    const Eigen::VectorXd exact = calc::value_and_gradient(s.tape, x).gradient;
    auto table = ctx.table({"variable", "h", "quotient", "exact", "error"});
    for (std::size_t j : s.wrt) {
        const auto i = static_cast<Eigen::Index>(j);
        const auto quotients =
            calc::difference_quotients([&](const Eigen::VectorXd& p) { return calc::value(s.tape, p); }, x, i);
        for (const auto& q : quotients)
            table.cell(s.tape.variables[j]).cell(q.h).cell(q.quotient).cell(exact[i]).cell(q.quotient - exact[i]).end_row();
    }
    table.finish();
    return 0;
}

}  // namespace

int run_point(const Options& o, const Setup& s, cli::Context& ctx) {
    const Eigen::VectorXd x = point_at(o, s);
    if (o.check) return run_check(o, s, ctx, x);
    if (o.limit) return run_limit(s, ctx, x);
    const double f = calc::value(s.tape, x);
    const Eigen::VectorXd g = o.numeric ? numeric_gradient(o, s, x) : calc::value_and_gradient(s.tape, x).gradient;
    Eigen::MatrixXd h;
    if (o.hessian) h = restricted(s, o.numeric ? numeric_hessian(o, s, x) : calc::hessian(s.tape, x));
    std::vector<std::pair<std::string, double>> results{{"f", f}};
    for (std::size_t j : s.wrt) results.emplace_back("d_" + s.tape.variables[j], g[static_cast<Eigen::Index>(j)]);
    if (o.hessian)
        for (Eigen::Index a = 0; a < h.rows(); ++a)
            for (Eigen::Index b = 0; b < h.cols(); ++b)
                results.emplace_back("h_" + s.tape.variables[s.wrt[static_cast<std::size_t>(a)]] + "_" +
                                         s.tape.variables[s.wrt[static_cast<std::size_t>(b)]],
                                     h(a, b));
    if (const std::string note = nonfinite_note(s, x, results); !note.empty()) ctx.note(note);
    Eigen::VectorXd next = x;
    if (o.lr)
        for (std::size_t j : s.wrt) next[static_cast<Eigen::Index>(j)] -= *o.lr * g[static_cast<Eigen::Index>(j)];

    if (ctx.json()) {
        json doc = common_json(o, s, x);
        doc["f"] = io::json_number(f);
        doc["gradient"] = variables_object(s, g, true);
        if (o.hessian) {
            doc["hessian"] = matrix_json(h);
            doc["hessian_variables"] = wrt_names(s);
        }
        doc["method"] = method_text(o);
        if (o.numeric) doc["h"] = o.h ? json(*o.h) : json("automatic");
        if (o.lr) {
            doc["lr"] = *o.lr;
            doc["updated"] = variables_object(s, next, false);
        }
        ctx.print_json(doc);
    } else if (o.hessian) {
        auto table = ctx.table(wrt_names(s));
        for (Eigen::Index a = 0; a < h.rows(); ++a) {
            for (Eigen::Index b = 0; b < h.cols(); ++b) table.cell(h(a, b));
            table.end_row();
        }
        table.finish();
    } else {
        auto table = ctx.table({"name", "value"});
        table.cell("f").cell(f).end_row();
        for (std::size_t j : s.wrt) table.cell("d_" + s.tape.variables[j]).cell(g[static_cast<Eigen::Index>(j)]).end_row();
        if (o.lr)
            for (std::size_t j : s.wrt)
                table.cell("new_" + s.tape.variables[j]).cell(next[static_cast<Eigen::Index>(j)]).end_row();
        table.finish();
    }
    return ctx.check(f, "f");
}

}  // namespace mlm::grad_tool
