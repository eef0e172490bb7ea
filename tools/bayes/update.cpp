// mlm-bayes update --prior beta:A,B|gamma:A,B|normal:MU,SD: the conjugate
// posterior from --successes/--trials or a column of observations, its
// summary and credible interval, the posterior after every observation
// (--trace), and the frequentist reading beside it (--compare).
#include "bayes/bayes_tool.hpp"

#include "bayes/conjugate.hpp"
#include "bayes/interval.hpp"
#include "cli/explain_text.hpp"
#include "compensated_sum.hpp"
#include "error.hpp"
#include "io/number.hpp"
#include "io/table_writer.hpp"
#include "prob/distribution.hpp"
#include "prob/spec.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <variant>

namespace mlm::bayes_tool {

namespace {

// The running state of an update: the posterior so far and what it has seen.
struct Belief {
    prob::Distribution prior, posterior;
    double n = 0, sum = 0;  // observations (trials) and their sum (successes)
};

prob::Distribution parse_prior(const std::string& spec) {
    prob::Distribution d = prob::parse_spec(spec);
    if (!std::holds_alternative<prob::Beta>(d.family) && !std::holds_alternative<prob::Gamma>(d.family) &&
        !std::holds_alternative<prob::Normal>(d.family))
        throw UsageError("--prior " + spec + ": a conjugate prior is beta:A,B (0/1 outcomes), gamma:A,B (Poisson "
                         "counts) or normal:MU,SD (values with --noise-sd)");
    return d;
}

// The posterior after `sum` over `n` observations.
prob::Distribution posterior_of(const Options& o, const prob::Distribution& prior, double sum, double n) {
    if (const auto* b = std::get_if<prob::Beta>(&prior.family)) return {bayes::update_beta(*b, sum, n)};
    if (const auto* g = std::get_if<prob::Gamma>(&prior.family)) return {bayes::update_gamma(*g, sum, n)};
    return {bayes::update_normal(std::get<prob::Normal>(prior.family), *o.noise_sd, sum, n)};
}

void check_value(const prob::Distribution& prior, double x) {
    if (std::holds_alternative<prob::Beta>(prior.family)) bayes::check_outcome(x);
    else if (std::holds_alternative<prob::Gamma>(prior.family)) bayes::check_count(x);
    else if (!std::isfinite(x)) throw InputError("a value must be finite, got " + io::format_number(x));
}

// The posterior's parameters with their JSON names: alpha, beta / shape, rate / mu, sd.
std::vector<std::pair<std::string, double>> posterior_parameters(const prob::Distribution& d) {
    if (const auto* b = std::get_if<prob::Beta>(&d.family)) return {{"alpha", b->a}, {"beta", b->b}};
    if (const auto* g = std::get_if<prob::Gamma>(&d.family)) return {{"shape", g->shape}, {"rate", g->rate}};
    const auto& n = std::get<prob::Normal>(d.family);
    return {{"mu", n.mu}, {"sd", n.sd}};
}

struct Step {
    double x;
    prob::Distribution posterior;
    bayes::Summary summary;
};

void check_options(const Options& o, const prob::Distribution& prior) {
    const bool beta = std::holds_alternative<prob::Beta>(prior.family);
    const bool normal = std::holds_alternative<prob::Normal>(prior.family);
    if ((o.successes || o.trials) && !beta) throw UsageError("--successes and --trials go with a beta prior");
    if (o.successes.has_value() != o.trials.has_value()) throw UsageError("give --successes and --trials together");
    if (o.successes && !o.common.files.empty())
        throw UsageError("--successes/--trials or a column of outcomes, not both");
    if (o.successes && o.trace) throw UsageError("--trace needs the observations one by one, not --successes/--trials");
    if (normal && !o.noise_sd) throw UsageError("a normal prior on a mean needs the known --noise-sd");
    if (!normal && o.noise_sd) throw UsageError("--noise-sd goes with a normal:MU,SD prior");
    if (o.compare && !beta) throw UsageError("--compare sets a beta posterior beside the MLE and a Wilson interval");
}

// Reads the observations (one column) and updates after each, keeping the
// steps when --trace asks for them.
Belief observe(const Options& o, cli::Context& ctx, const prob::Distribution& prior, std::vector<Step>* steps) {
    Belief b{prior, prior};
    if (o.successes) {
        b.sum = *o.successes, b.n = *o.trials;
        try {
            b.posterior = posterior_of(o, prior, b.sum, b.n);
        } catch (const InputError& e) {
            throw UsageError(e.message());
        }
        return b;
    }
    io::TableReader t = ctx.open_table();
    auto cols = ctx.selected_columns(t);
    if (cols.size() != 1)
        throw UsageError("update reads one column of observations; pick it with -c (there are " +
                         std::to_string(cols.size()) + ")");
    t.select_numbers(cols);
    CompensatedSum sum;
    io::RowBlock block;
    while (t.read_block(block))
        for (std::size_t r = 0; r < block.rows(); ++r) {
            const double x = block.number(r, 0);
            try {
                check_value(prior, x);
            } catch (const InputError& e) {
                throw InputError(e.message(), block.file(r), block.line(r), cols[0] + 1);
            }
            sum.add(x);
            b.n += 1;
            if (steps) {
                const auto post = posterior_of(o, prior, sum.value(), b.n);
                steps->push_back({x, post, bayes::summarize(post, o.level, o.hdi)});
            }
        }
    ctx.report_skipped(t);
    b.sum = sum.value();
    b.posterior = posterior_of(o, prior, b.sum, b.n);
    return b;
}

nlohmann::json summary_json(const Options& o, const Belief& b, const bayes::Summary& s) {
    nlohmann::json doc;
    for (const auto& [k, v] : posterior_parameters(b.posterior)) doc[k] = v;
    doc["mean"] = s.mean;
    doc["variance"] = s.variance;
    doc["median"] = s.median;
    if (s.mode) doc["mode"] = *s.mode;
    doc["interval"] = {io::json_number(s.interval.low), io::json_number(s.interval.high)};
    doc["level"] = s.level;
    doc["interval_kind"] = s.hdi ? "highest-density" : "equal-tailed";
    doc["prior"] = prob::to_spec(b.prior);
    doc["posterior"] = prob::to_spec(b.posterior);
    doc["n"] = io::json_count(b.n);
    doc[std::holds_alternative<prob::Beta>(b.prior.family) ? "successes" : "sum"] = b.sum;
    if (o.noise_sd) doc["noise_sd"] = *o.noise_sd;
    return doc;
}

void print_trace(cli::Context& ctx, const Belief& b, const std::vector<Step>& steps) {
    std::vector<std::string> header{"n", "x"};
    for (const auto& [k, v] : posterior_parameters(b.prior)) header.push_back(k);
    for (const char* k : {"mean", "low", "high"}) header.push_back(k);
    auto table = ctx.table(header);
    for (std::size_t i = 0; i < steps.size(); ++i) {
        table.cell(static_cast<double>(i + 1)).cell(steps[i].x);
        for (const auto& [k, v] : posterior_parameters(steps[i].posterior)) table.cell(v);
        table.cell(steps[i].summary.mean).cell(steps[i].summary.interval.low).cell(steps[i].summary.interval.high);
        table.end_row();
    }
    table.finish();
}

std::string spec_text(const prob::Distribution& d) {
    auto p = posterior_parameters(d);
    const char* name = std::holds_alternative<prob::Beta>(d.family)    ? "Beta"
                       : std::holds_alternative<prob::Gamma>(d.family) ? "Gamma"
                                                                        : "Normal";
    return std::string(name) + "(" + num(p[0].second) + ", " + num(p[1].second) + ")";
}

std::string level_text(double level) { return io::format_number(100 * level, 6) + "%"; }

void explain_rule(const Options& o, const Belief& b, io::Output& out) {
    const auto p = posterior_parameters(b.prior);
    const std::string n = io::format_number(b.n), sum = io::format_number(b.sum);
    if (std::holds_alternative<prob::Beta>(b.prior.family)) {
        out << "Beta-Binomial update: a Beta(a, b) prior and s successes in n trials give\n"
               "the posterior Beta(a + s, b + n - s).\n\n"
            << "  prior      " << spec_text(b.prior) << "\n  data       " << sum << " successes in " << n
            << " trials\n  posterior  Beta(" << num(p[0].second) << " + " << sum << ", " << num(p[1].second)
            << " + " << io::format_number(b.n - b.sum) << ") = " << spec_text(b.posterior) << "\n";
    } else if (std::holds_alternative<prob::Gamma>(b.prior.family)) {
        out << "Gamma-Poisson update: a Gamma(shape k, rate r) prior on a Poisson rate and\n"
               "counts summing to S over n observations give the posterior Gamma(k + S, r + n).\n\n"
            << "  prior      " << spec_text(b.prior) << "\n  data       counts summing to " << sum << " over "
            << n << " observations\n  posterior  Gamma(" << num(p[0].second) << " + " << sum << ", "
            << num(p[1].second) << " + " << n << ") = " << spec_text(b.posterior) << "\n";
    } else {
        out << "Normal update of a mean with known noise sd s: a Normal(m, t) prior and n\n"
               "values summing to S give precision 1/t'^2 = 1/t^2 + n/s^2 and mean\n"
               "m' = t'^2 (m/t^2 + S/s^2).\n\n"
            << "  prior      " << spec_text(b.prior) << ", noise sd " << num(*o.noise_sd) << "\n  data       "
            << n << " values summing to " << num(b.sum) << "\n  posterior  " << spec_text(b.posterior) << "\n";
    }
}

void explain_summary(const bayes::Summary& s, io::Output& out) {
    out << "\n  mean      " << num(s.mean) << "\n  sd        " << num(std::sqrt(s.variance)) << "\n  median    "
        << num(s.median) << "\n  mode      " << (s.mode ? num(*s.mode) : "none (no single most likely value)")
        << "\n  " << level_text(s.level) << (s.hdi ? " highest-density" : " equal-tailed") << " credible interval ["
        << num(s.interval.low) << ", " << num(s.interval.high) << "]\n";
}

void explain_steps(const Belief& b, const std::vector<Step>& steps, io::Output& out) {
    constexpr std::size_t shown = 20;
    out << "\nAfter each observation (the posterior of one step is the prior of the next):\n"
        << "  n     x         posterior                  mean        interval\n";
    for (std::size_t i = 0; i < steps.size() && i < shown; ++i)
        out << "  " << cli::padded(std::to_string(i + 1), 6) << cli::padded(num(steps[i].x), 10)
            << cli::padded(spec_text(steps[i].posterior), 27) << cli::padded(num(steps[i].summary.mean), 12) << "["
            << num(steps[i].summary.interval.low) << ", " << num(steps[i].summary.interval.high) << "]\n";
    if (steps.size() > shown) out << "  ... and " << steps.size() - shown << " more, to " << spec_text(b.posterior) << "\n";
}

void explain_compare(const Belief& b, const bayes::Summary& s, const bayes::Interval& w, io::Output& out) {
    const std::string lv = level_text(s.level);
    out << "\nTwo readings of the same " << io::format_number(b.n) << " trials:\n"
        << "  frequentist  the rate is one fixed number; its estimate is " << io::format_number(b.sum) << "/"
        << io::format_number(b.n) << " = " << num(b.sum / b.n) << ", and the " << lv << " Wilson interval ["
        << num(w.low) << ", " << num(w.high) << "] comes from a procedure that covers the true rate in " << lv
        << " of repeated experiments.\n"
        << "  bayesian     the rate is uncertain, and " << spec_text(b.posterior)
        << " describes what we believe of it: given these data (and the prior), it lies in [" << num(s.interval.low)
        << ", " << num(s.interval.high) << "] with probability " << num(s.level) << "; its mean " << num(s.mean)
        << " is the data's rate pulled toward the prior's " << num(prob::mean(b.prior)) << ".\n"
        << "With more data the two agree; with little, the prior's pull is the difference.\n";
}

int explain_update(const Options& o, cli::Context& ctx, const Belief& b, const bayes::Summary& s,
                   const std::vector<Step>& steps, const std::optional<bayes::Interval>& wilson) {
    auto& out = ctx.out();
    explain_rule(o, b, out);
    explain_summary(s, out);
    if (o.trace) explain_steps(b, steps, out);
    if (wilson) explain_compare(b, s, *wilson, out);
    else
        out << "\nThe posterior is the prior reweighted by how well each value explains the data: "
               "it narrows as observations accumulate, and the prior matters less and less.\n";
    return 0;
}

}  // namespace

int run_update(const Options& o, cli::Context& ctx) {
    const prob::Distribution prior = parse_prior(o.prior_spec);
    check_options(o, prior);
    std::vector<Step> steps;
    const Belief b = observe(o, ctx, prior, o.trace ? &steps : nullptr);
    if (b.n == 0 && !o.successes) throw InputError("no observations");
    const bayes::Summary s = bayes::summarize(b.posterior, o.level, o.hdi);
    std::optional<bayes::Interval> wilson;
    if (o.compare) wilson = bayes::wilson(b.sum, b.n, o.level);
    if (o.common.explain) {
        cli::refuse_with_explain(o.common);
        return cli::explained(ctx, [&](cli::Context& c) { return explain_update(o, c, b, s, steps, wilson); });
    }
    if (o.trace) {
        print_trace(ctx, b, steps);
        return 0;
    }
    if (ctx.json()) {
        nlohmann::json doc = summary_json(o, b, s);
        if (wilson)
            doc["frequentist"] = {{"mle", b.sum / b.n}, {"interval", {wilson->low, wilson->high}}, {"method", "wilson"}};
        ctx.print_json(doc);
        return ctx.check(s.mean, "posterior mean");
    }
    if (wilson) {
        auto table = ctx.table({"reading", "estimate", "low", "high"});
        table.cell("bayesian").cell(s.mean).cell(s.interval.low).cell(s.interval.high);
        table.end_row();
        table.cell("frequentist").cell(b.sum / b.n).cell(wilson->low).cell(wilson->high);
        table.end_row();
        table.finish();
        return ctx.check(s.mean, "posterior mean");
    }
    auto table = ctx.table({"metric", "value"});
    for (const auto& [k, v] : posterior_parameters(b.posterior)) table.cell(k).cell(v), table.end_row();
    table.cell("mean").cell(s.mean), table.end_row();
    table.cell("variance").cell(s.variance), table.end_row();
    table.cell("median").cell(s.median), table.end_row();
    if (s.mode) table.cell("mode").cell(*s.mode), table.end_row();
    table.cell("low").cell(s.interval.low), table.end_row();
    table.cell("high").cell(s.interval.high), table.end_row();
    table.cell("level").cell(s.level), table.end_row();
    table.finish();
    return ctx.check(s.mean, "posterior mean");
}

}  // namespace mlm::bayes_tool
