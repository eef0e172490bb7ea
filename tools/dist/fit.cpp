// mlm-dist fit NAME|auto: maximum-likelihood parameters with log-likelihood,
// AIC and BIC; --test adds a goodness-of-fit test against the fitted
// distribution; auto ranks by AIC the families whose support holds the data.
#include "dist/dist_tool.hpp"

#include "compensated_sum.hpp"
#include "error.hpp"
#include "io/table.hpp"
#include "io/table_writer.hpp"
#include "linalg/moments.hpp"
#include "prob/chi_square.hpp"
#include "prob/distribution.hpp"
#include "prob/fit.hpp"
#include "prob/ks.hpp"
#include "shortest.hpp"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

namespace mlm::dist_tool {
namespace {

struct Test {
    std::string name;  // "ks" or "chi_square"
    double statistic = 0, p_value = 1, df = 0;
    std::string method;  // ks: "exact" (the distribution of D_n)
};

Test goodness_of_fit(const prob::Fit& f, const std::vector<double>& data) {
    if (prob::support(f.distribution).discrete) {
        auto r = prob::chi_square_test(f.distribution, data, f.parameters);
        return {"chi_square", r.statistic, r.p_value, r.df, ""};
    }
    auto r = prob::ks_1samp(data, [&](double x) { return prob::cdf(f.distribution, x); });
    return {"ks", r.statistic, r.p_value, 0, r.exact ? "exact" : "asymptotic"};
}

nlohmann::json params_json(const prob::Distribution& d) {
    nlohmann::json params = nlohmann::json::object();
    if (const auto* c = std::get_if<prob::Categorical>(&d.family)) {
        params["categories"] = nlohmann::json::array();
        params["probabilities"] = nlohmann::json::array();
        for (std::size_t i = 0; i < c->categories.size(); ++i) {
            params["categories"].push_back(io::json_number(c->categories[i]));
            params["probabilities"].push_back(io::json_number(c->probabilities[i]));
        }
        return params;
    }
    for (const auto& [key, value] : prob::parameters(d)) params[key] = io::json_number(value);
    return params;
}

std::vector<std::pair<std::string, double>> param_rows(const prob::Distribution& d) {
    if (const auto* c = std::get_if<prob::Categorical>(&d.family)) {
        std::vector<std::pair<std::string, double>> rows;
        for (std::size_t i = 0; i < c->categories.size(); ++i)
            rows.emplace_back("p_" + shortest(c->categories[i]), c->probabilities[i]);
        return rows;
    }
    return prob::parameters(d);
}

int print_fit(const Options& o, cli::Context& ctx, const prob::Fit& f, const std::vector<double>& data) {
    std::optional<Test> test;
    if (o.test) test = goodness_of_fit(f, data);
    if (ctx.json()) {
        nlohmann::json doc = {{"family", prob::info(f.distribution).name},
                              {"spec", prob::to_spec(f.distribution)},
                              {"params", params_json(f.distribution)},
                              {"log_likelihood", io::json_number(f.log_likelihood)},
                              {"aic", io::json_number(f.aic)},
                              {"bic", io::json_number(f.bic)},
                              {"n", f.n},
                              {"free_parameters", f.parameters}};
        if (f.sd_sample) doc["sd_sample"] = io::json_number(*f.sd_sample);
        if (test) {
            doc["test"] = {{"name", test->name}, {"statistic", io::json_number(test->statistic)},
                           {"p_value", io::json_number(test->p_value)}};
            if (test->name == "ks") doc["test"]["method"] = test->method;
            else doc["test"]["df"] = io::json_number(test->df);
        }
        ctx.print_json(doc);
    } else {
        auto rows = param_rows(f.distribution);
        rows.emplace_back("log_likelihood", f.log_likelihood);
        rows.emplace_back("aic", f.aic);
        rows.emplace_back("bic", f.bic);
        rows.emplace_back("n", static_cast<double>(f.n));
        if (test) {
            rows.emplace_back(test->name + "_statistic", test->statistic);
            if (test->name == "chi_square") rows.emplace_back("df", test->df);
            rows.emplace_back("p_value", test->p_value);
        }
        auto out = ctx.table({"name", "value"});
        for (const auto& [key, value] : rows) {
            out.cell(key).cell(value);
            out.end_row();
        }
        out.finish();
    }
    if (test && std::isnan(test->p_value))
        ctx.note("chi-square test: too few cells after pooling for a p-value");
    return test ? ctx.check(test->p_value, "p-value") : 0;
}

std::vector<std::string> candidates(const std::vector<double>& data) {
    bool counts = std::all_of(data.begin(), data.end(),
                              [](double x) { return x >= 0 && x == std::floor(x); });
    if (counts) {
        bool binary = std::all_of(data.begin(), data.end(), [](double x) { return x <= 1; });
        if (binary) return {"bernoulli", "binomial", "poisson"};
        return {"binomial", "poisson"};
    }
    return {"normal", "uniform", "exponential", "gamma", "beta"};
}

int run_auto(cli::Context& ctx, const std::vector<double>& data) {
    std::vector<prob::Fit> fits;
    for (const auto& name : candidates(data)) {
        try {
            fits.push_back(prob::fit(name, data));
        } catch (const InputError&) {
            // The data lie outside this family's support, or fit it degenerately.
        }
    }
    if (fits.empty()) throw InputError("no family fits these values");
    std::stable_sort(fits.begin(), fits.end(), [](const auto& a, const auto& b) { return a.aic < b.aic; });
    if (ctx.json()) {
        nlohmann::json ranking = nlohmann::json::array();
        for (const auto& f : fits)
            ranking.push_back({{"family", prob::info(f.distribution).name},
                               {"spec", prob::to_spec(f.distribution)},
                               {"params", params_json(f.distribution)},
                               {"log_likelihood", io::json_number(f.log_likelihood)},
                               {"aic", io::json_number(f.aic)},
                               {"bic", io::json_number(f.bic)}});
        ctx.print_json({{"n", data.size()}, {"criterion", "aic"}, {"ranking", ranking}});
        return 0;
    }
    auto out = ctx.table({"family", "spec", "log_likelihood", "aic", "bic"});
    for (const auto& f : fits) {
        out.cell(prob::info(f.distribution).name).cell(prob::to_spec(f.distribution));
        out.cell(f.log_likelihood).cell(f.aic).cell(f.bic);
        out.end_row();
    }
    out.finish();
    return 0;
}

// The fits by moments without --test need only the data's sums: each chunk's,
// with its support checked, on the thread that parsed it, merged in input order.
struct ChunkSums {
    linalg::Moments moments = linalg::Moments::diagonal(1);
    CompensatedSum log_factorials;  // poisson
};

prob::Fit fit_by_chunks(cli::Context& ctx, const std::string& family) {
    io::TableReader table = ctx.open_table();
    table.select_numbers(ctx.selected_columns(table));
    const bool poisson = family == "poisson";
    ChunkSums all;
    io::map_chunks(
        table,
        [&](const io::RowBlock& b) {
            const std::span<const double> values(b.matrix().data(), b.rows() * b.number_columns());
            prob::check_support(family, values);
            ChunkSums part;
            part.moments.add_block(Eigen::Map<const Eigen::VectorXd>(values.data(), std::ssize(values)));
            if (poisson)
                for (double x : values) part.log_factorials.add(prob::log_factorial(x));
            return part;
        },
        [&](ChunkSums&& part) {
            all.moments.merge(part.moments);
            all.log_factorials.merge(part.log_factorials);
        });
    ctx.report_skipped(table);
    prob::MomentSums sums;
    sums.n = static_cast<std::size_t>(all.moments.count());
    if (sums.n) {
        sums.mean = all.moments.mean()(0);
        sums.sd = all.moments.population_sd()(0);
    }
    sums.log_factorials = all.log_factorials.value();
    return prob::fit_by_moments(family, sums);
}

}  // namespace

int run_fit(const Options& o, cli::Context& ctx) {
    if (o.spec != "auto" && !prob::find_family(o.spec))
        throw UsageError("fit: unknown family \"" + o.spec + "\" (normal, bernoulli, categorical, "
                         "binomial, poisson, uniform, beta, exponential, gamma or auto)");
    bool checks = o.common.fail_above || o.common.fail_below;
    if (checks && !o.test) throw UsageError("--fail-above and --fail-below check the p-value of --test");
    if (o.spec == "auto" && (o.test || checks)) throw UsageError("fit auto ranks families; --test needs one NAME");
    if (prob::fits_by_moments(o.spec) && !o.test) return print_fit(o, ctx, fit_by_chunks(ctx, o.spec), {});
    auto data = read_values(ctx);
    if (o.spec == "auto") return run_auto(ctx, data);
    return print_fit(o, ctx, prob::fit(o.spec, data), data);
}

}  // namespace mlm::dist_tool
