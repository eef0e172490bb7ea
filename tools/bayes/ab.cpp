// mlm-bayes ab --a S/N --b S/N [--prior beta:A,B]: P(B > A) by numerical
// integration, the expected loss of choosing each arm, a credible interval
// for the lift, and (--thompson) the traffic shares Thompson sampling gives.
#include "bayes/bayes_tool.hpp"

#include "bayes/ab.hpp"
#include "bayes/conjugate.hpp"
#include "cli/explain_text.hpp"
#include "error.hpp"
#include "io/number.hpp"
#include "prob/distribution.hpp"
#include "prob/spec.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <variant>

namespace mlm::bayes_tool {

namespace {

struct Arm {
    double successes = 0, trials = 0;
    prob::Beta posterior;
};

// "S/N": whole numbers with S <= N.
Arm parse_arm(const std::string& option, const std::string& text, const prob::Beta& prior) {
    const auto slash = text.find('/');
    double s = 0, n = 0;
    if (slash == std::string::npos || io::parse_number(text.substr(0, slash), s) != io::ParseResult::ok ||
        io::parse_number(text.substr(slash + 1), n) != io::ParseResult::ok)
        throw UsageError(option + ": expected SUCCESSES/TRIALS such as 120/1000, got \"" + text + "\"");
    try {
        return {s, n, bayes::update_beta(prior, s, n)};
    } catch (const InputError& e) {
        throw UsageError(option + " " + text + ": " + e.message());
    }
}

prob::Beta parse_beta_prior(const std::string& spec) {
    const prob::Distribution d = prob::parse_spec(spec);
    const auto* b = std::get_if<prob::Beta>(&d.family);
    if (!b) throw UsageError("--prior " + spec + ": an A/B test of rates takes a beta:A,B prior");
    return *b;
}

std::string prior_spec(const Options& o) { return o.prior_spec.empty() ? "beta:1,1" : o.prior_spec; }

std::string beta_text(const prob::Beta& b) { return "Beta(" + num(b.a) + ", " + num(b.b) + ")"; }

int explain_ab(const Options& o, cli::Context& ctx, const Arm& a, const Arm& b, const bayes::AbResult& r) {
    auto& out = ctx.out();
    const std::string lv = io::format_number(100 * r.level, 6) + "%";
    out << "A/B test of two rates, each with a Beta posterior (prior " << prior_spec(o) << "):\n"
        << "  A  " << io::format_number(a.successes) << "/" << io::format_number(a.trials) << " -> "
        << beta_text(a.posterior) << ", mean " << num(a.posterior.a / (a.posterior.a + a.posterior.b)) << "\n"
        << "  B  " << io::format_number(b.successes) << "/" << io::format_number(b.trials) << " -> "
        << beta_text(b.posterior) << ", mean " << num(b.posterior.a / (b.posterior.a + b.posterior.b)) << "\n\n"
        << "  P(B > A) = integral over x of f_B(x) F_A(x) dx = " << num(r.prob_b_beats_a)
        << " (numerical integration)\n"
        << "  expected loss of choosing A = E[max(p_B - p_A, 0)] = " << num(r.expected_loss_a) << "\n"
        << "  expected loss of choosing B = E[max(p_A - p_B, 0)] = " << num(r.expected_loss_b) << "\n"
        << "  lift (p_B - p_A) / p_A: " << lv << " credible interval [" << num(r.lift.low) << ", " << num(r.lift.high)
        << "]\n\n"
        << "Given the data, B's rate is above A's with probability " << num(r.prob_b_beats_a)
        << "; choosing B risks losing " << num(r.expected_loss_b)
        << " of rate on average, the price of being wrong weighted by how wrong.\n";
    return 0;
}

int thompson(const Options& o, cli::Context& ctx, const Arm& a, const Arm& b) {
    if (o.common.explain) throw UsageError("--explain walks through the exact test; leave out --thompson");
    const auto shares = bayes::thompson_shares({a.posterior, b.posterior}, o.common.seed, o.draws);
    ctx.note("Thompson shares estimated from " + std::to_string(o.draws) + " seeded draws (approximate)");
    if (ctx.json()) {
        ctx.print_json({{"share_a", shares[0]}, {"share_b", shares[1]}, {"draws", o.draws}, {"seed", o.common.seed},
                        {"approximate", true}});
        return 0;
    }
    auto table = ctx.table({"arm", "share"});
    table.cell("a").cell(shares[0]), table.end_row();
    table.cell("b").cell(shares[1]), table.end_row();
    table.finish();
    return 0;
}

}  // namespace

int run_ab(const Options& o, cli::Context& ctx) {
    const prob::Beta prior = parse_beta_prior(prior_spec(o));
    const Arm a = parse_arm("--a", o.arm_a, prior), b = parse_arm("--b", o.arm_b, prior);
    if (o.thompson) return thompson(o, ctx, a, b);
    const bayes::AbResult r = bayes::ab_test(a.posterior, b.posterior, o.level);
    if (o.common.explain) {
        cli::refuse_with_explain(o.common);
        return cli::explained(ctx, [&](cli::Context& c) { return explain_ab(o, c, a, b, r); });
    }
    const std::vector<std::pair<std::string, double>> rows = {
        {"prob_b_beats_a", r.prob_b_beats_a}, {"expected_loss_a", r.expected_loss_a},
        {"expected_loss_b", r.expected_loss_b}, {"lift_mean", r.lift_mean},
        {"lift_low", r.lift.low},           {"lift_high", r.lift.high},
        {"mean_a", a.posterior.a / (a.posterior.a + a.posterior.b)},
        {"mean_b", b.posterior.a / (b.posterior.a + b.posterior.b)}};
    if (ctx.json()) {
        nlohmann::json doc;
        for (const auto& [k, v] : rows) doc[k] = v;
        doc["level"] = r.level;
        doc["prior"] = prior_spec(o);
        doc["posterior_a"] = {{"alpha", a.posterior.a}, {"beta", a.posterior.b}};
        doc["posterior_b"] = {{"alpha", b.posterior.a}, {"beta", b.posterior.b}};
        doc["method"] = "numerical integration (adaptive Gauss-Kronrod)";
        doc["lift"] = "(p_b - p_a) / p_a";
        ctx.print_json(doc);
    } else {
        auto table = ctx.table({"metric", "value"});
        for (const auto& [k, v] : rows) table.cell(k).cell(v), table.end_row();
        table.finish();
    }
    return ctx.check(r.prob_b_beats_a, "prob_b_beats_a");
}

}  // namespace mlm::bayes_tool
