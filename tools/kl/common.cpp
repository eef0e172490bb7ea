// What every form of mlm-kl shares: the numbers for one pair of distributions,
// the conventions behind them, printing, and the notes on infinities.
#include "kl/kl_tool.hpp"

#include "error.hpp"
#include "info/divergence.hpp"
#include "info/entropy.hpp"
#include "io/number.hpp"
#include "io/table_writer.hpp"

#include <cmath>

namespace mlm::kl_tool {

Comparison compare(const std::vector<double>& p, const std::vector<double>& q, double base) {
    Comparison c;
    auto forward = info::kl_divergence(p, q, base);
    auto backward = info::kl_divergence(q, p, base);
    auto psi = info::population_stability_index(p, q);
    c.entropy_p = info::entropy(p, base);
    c.entropy_q = info::entropy(q, base);
    c.cross_entropy = info::cross_entropy(p, q, base).value;
    c.kl_pq = forward.value;
    c.kl_qp = backward.value;
    c.js = info::js_divergence(p, q, base);
    c.psi = psi.value;
    c.infinite_pq = forward.infinite_at;
    c.infinite_qp = backward.infinite_at;
    c.infinite_psi = psi.infinite_at;
    return c;
}

std::vector<std::string> metric_columns(const std::string& metric) {
    if (metric == "both") return {"kl_p_q", "kl_q_p"};
    if (metric == "all") return {"entropy_p", "entropy_q", "cross_entropy", "kl_p_q", "kl_q_p", "js", "psi"};
    if (metric == "reverse") return {"kl_q_p"};
    if (metric == "js-distance") return {"js_distance"};
    if (metric == "xent") return {"cross_entropy"};
    return {metric};  // kl, js, psi
}

std::vector<double> metric_values(const std::string& metric, const Comparison& c) {
    if (metric == "both") return {c.kl_pq, c.kl_qp};
    if (metric == "all") return {c.entropy_p, c.entropy_q, c.cross_entropy, c.kl_pq, c.kl_qp, c.js, c.psi};
    if (metric == "reverse") return {c.kl_qp};
    if (metric == "js") return {c.js};
    if (metric == "js-distance") return {std::sqrt(std::max(0.0, c.js))};
    if (metric == "xent") return {c.cross_entropy};
    if (metric == "psi") return {c.psi};
    return {c.kl_pq};
}

namespace {

std::string direction_of(const std::string& metric) {
    if (metric == "kl") return "KL(P||Q) = sum P log(P/Q)";
    if (metric == "reverse") return "KL(Q||P) = sum Q log(Q/P)";
    if (metric == "both") return "kl_p_q = KL(P||Q) = sum P log(P/Q), kl_q_p = KL(Q||P)";
    if (metric == "js" || metric == "js-distance")
        return "symmetric: (KL(P||M) + KL(Q||M)) / 2 with M = (P+Q)/2";
    if (metric == "xent") return "H(P,Q) = -sum P log Q = H(P) + KL(P||Q)";
    if (metric == "psi") return "symmetric: sum (P-Q) ln(P/Q)";
    return "kl_p_q = KL(P||Q) = sum P log(P/Q), kl_q_p = KL(Q||P), cross_entropy = H(P,Q)";
}

}  // namespace

nlohmann::json conventions(const Options& o, const std::string& p_name, const std::string& q_name) {
    double b = o.base();
    nlohmann::json base = cli::base_json(b);
    nlohmann::json c = {
        {"metric", o.metric},
        {"base", base},
        {"unit", unit_of(b)},
        {"p", p_name},
        {"q", q_name},
        {"direction", direction_of(o.metric)},
        {"argument_order", "P first, as scipy.stats.entropy(p, q); torch kl_div(input, target) "
                           "takes log Q first"},
        {"kind", o.metric == "js-distance" ? "distance" : "divergence"},
    };
    if (o.metric == "js" || o.metric == "js-distance" || o.metric == "all") {
        c["js_base"] = base;
        c["js_max"] = std::log(2.0) / std::log(b);
    }
    if (o.metric == "psi" || o.metric == "all") c["psi_base"] = "e";
    if (o.metric == "js-distance") c["distance_of"] = "sqrt of the JS divergence, as scipy.spatial.distance.jensenshannon";
    c["smoothing"] = o.smooth;
    bool counted = o.common.command == "samples" || o.common.command == "merge";
    c["normalization"] = counted || o.normalize ? (counted ? "counts divided by their total" : "divide by sum (--normalize)")
                                                : "probabilities: sum to 1 within 1e-6";
    return c;
}

void refuse_weight_sum(const info::NotProbabilities& e, const std::string& file, std::size_t line,
                       const std::string& where) {
    throw InputError((where.empty() ? "" : where + ": ") + e.message() +
                         ": 'mlm-kl samples' reads raw observations, --normalize divides by the sum",
                     file, line);
}

int print_rows(const Options& o, cli::Context& ctx, const std::vector<std::string>& key_names,
               const std::vector<Row>& rows, const nlohmann::json& conv, bool per_row) {
    auto columns = metric_columns(o.metric);
    bool single = rows.size() == 1 && key_names.empty() && !per_row;
    if (ctx.json()) {
        auto object_of = [&](const Row& r) {
            nlohmann::json obj = nlohmann::json::object();
            for (std::size_t k = 0; k < key_names.size(); ++k) obj[key_names[k]] = r.keys[k];
            for (std::size_t j = 0; j < columns.size(); ++j) obj[columns[j]] = io::json_number(r.values[j]);
            for (auto it = r.details.begin(); it != r.details.end(); ++it) obj[it.key()] = it.value();
            return obj;
        };
        nlohmann::json doc = conv;
        if (single) {
            nlohmann::json only = object_of(rows[0]);  // a named object: items() does not extend a temporary's life
            for (auto& [k, v] : only.items()) doc[k] = v;
        } else {
            doc["results"] = nlohmann::json::array();
            for (const auto& r : rows) doc["results"].push_back(object_of(r));
        }
        ctx.print_json(doc);
    } else if (single && columns.size() == 1) {
        ctx.print_number(rows[0].values[0]);
    } else {
        std::vector<std::string> header = key_names;
        header.insert(header.end(), columns.begin(), columns.end());
        auto table = ctx.table(header);
        for (const auto& r : rows) {
            for (const auto& k : r.keys) table.cell(k);
            for (double v : r.values) table.cell(v);
            table.end_row();
        }
        table.finish();
    }
    int status = 0;
    for (const auto& r : rows) {
        std::string where;
        for (const auto& k : r.keys) where += (where.empty() ? " of " : ",") + k;
        for (std::size_t j = 0; j < columns.size(); ++j) status |= ctx.check(r.values[j], columns[j] + where);
    }
    return status;
}

void note_infinities(const Options& o, cli::Context& ctx, const Comparison& c,
                     const std::vector<double>& p, const std::vector<double>& q,
                     const std::vector<std::string>& names, const std::string& where) {
    const std::string& m = o.metric;
    auto outcome = [&](std::size_t i) {
        return i < names.size() ? "outcome '" + names[i] + "'" : "outcome " + std::to_string(i + 1);
    };
    auto say = [&](const std::string& what, std::size_t i) {
        ctx.note((where.empty() ? "" : where + ": ") + what + " is inf: " + outcome(i) + " has P = " +
                 io::format_number(p[i]) + " and Q = " + io::format_number(q[i]) +
                 " (--smooth EPS gives every outcome some weight)");
    };
    bool forward = m == "kl" || m == "both" || m == "all" || m == "xent";
    if (forward && c.infinite_pq) say(m == "xent" ? "H(P,Q)" : "KL(P||Q)", *c.infinite_pq);
    bool backward = m == "reverse" || m == "both" || m == "all";
    if (backward && c.infinite_qp) say("KL(Q||P)", *c.infinite_qp);
    if ((m == "psi" || m == "all") && c.infinite_psi) say("PSI", *c.infinite_psi);
}

}  // namespace mlm::kl_tool
