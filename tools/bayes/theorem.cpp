// mlm-bayes theorem: P(H|E) for one test (--prior, --likelihood,
// --false-positive), or the posteriors of a table of hypotheses.
#include "bayes/bayes_tool.hpp"

#include "bayes/theorem.hpp"
#include "cli/explain_text.hpp"
#include "cli/results.hpp"
#include "error.hpp"
#include "info/entropy.hpp"
#include "io/columns.hpp"
#include "io/number.hpp"

#include <cmath>

namespace mlm::bayes_tool {

namespace {

std::string pct(double p) { return io::format_number(100 * p, 3) + "%"; }

// 10000 -> "10,000": natural frequencies read as counts of people.
std::string grouped(double count) {
    const std::string digits = io::format_number(count);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

// The smallest population, a power of ten from 1,000, in which the rarer of
// the ill and the healthy number at least 100 (1,000,000,000 at most).
double population(double prior) {
    const double rarer = std::min(prior, 1 - prior);
    double n = 1000;
    while (rarer > 0 && n * rarer < 100 && n < 1e9) n *= 10;
    return n;
}

void explain_test(const Options& o, const bayes::BinaryTest& t, const bayes::Posterior& p, io::Output& out) {
    const bool neg = o.negative;
    const char* e = neg ? "not E" : "E";
    out << "Bayes' theorem for a " << (neg ? "negative" : "positive") << " result, with P(H) = " << num(t.prior)
        << " (the prior),\nP(E|H) = " << num(t.likelihood) << " (sensitivity) and P(E|~H) = " << num(t.false_positive)
        << " (false-positive rate):\n\n"
        << "  P(H|" << e << ") = P(H) P(" << e << "|H) / (P(H) P(" << e << "|H) + P(~H) P(" << e << "|~H))\n";
    const double l = neg ? 1 - t.likelihood : t.likelihood, f = neg ? 1 - t.false_positive : t.false_positive;
    out << std::string(neg ? 13 : 9, ' ') << "= " << num(t.prior) << " x " << num(l) << " / (" << num(t.prior) << " x " << num(l) << " + "
        << num(1 - t.prior) << " x " << num(f) << ")\n"
        << std::string(neg ? 13 : 9, ' ') << "= " << num(p.joint_h) << " / " << num(p.evidence) << "\n"
        << std::string(neg ? 13 : 9, ' ') << "= " << num(p.posterior) << "\n\n";

    const double n = population(t.prior);
    const double ill = std::round(n * t.prior), healthy = n - ill;
    const double ill_e = std::round(n * t.prior * l), healthy_e = std::round(n * (1 - t.prior) * f);
    const bool exact = std::fabs(ill - n * t.prior) < 1e-9 * n && std::fabs(ill_e - n * t.prior * l) < 1e-9 * n &&
                       std::fabs(healthy_e - n * (1 - t.prior) * f) < 1e-9 * n;
    const char* result = neg ? "negative" : "positive";
    out << "In natural frequencies" << (exact ? "" : " (rounded)") << ": of " << grouped(n) << " people, "
        << grouped(ill) << " are ill; " << grouped(ill_e) << " of them test " << result << "; of the "
        << grouped(healthy) << " healthy, " << grouped(healthy_e) << " do too: " << grouped(ill_e) << " of the "
        << grouped(ill_e + healthy_e) << " " << result << "s are ill.\n\n";

    out << "P(" << e << ") = " << num(p.evidence) << ". The " << result << " result moves the probability of H from "
        << pct(t.prior) << " to " << pct(p.posterior) << ": ";
    if (!(f > 0)) {
        out << "it never happens without H, so it proves H.\n";
    } else {
        const double ratio = l / f;
        out << "it is " << num(ratio) << " times as likely with H as without (the likelihood ratio), "
            << (p.posterior < 0.5 && ratio > 1
                    ? "but H was rare to begin with, so most " + std::string(result) + "s still come from the many "
                      "without it.\n"
                    : "and the prior odds are multiplied by that ratio.\n");
    }
}

int run_test(const Options& o, cli::Context& ctx) {
    if (!o.likelihood || !o.false_positive)
        throw UsageError("theorem --prior needs --likelihood and --false-positive (or give a table instead)");
    if (!o.common.files.empty())
        throw UsageError("theorem takes --prior, --likelihood and --false-positive, or a table, not both");
    if (o.normalize) throw UsageError("--normalize applies to a table of hypotheses, not to --prior");
    const bayes::BinaryTest t{*o.prior, *o.likelihood, *o.false_positive};
    const bayes::Posterior p = bayes::posterior(t, o.negative);
    if (o.common.explain) {
        if (o.evidence) throw UsageError("--explain walks through P(H|E); leave out --evidence");
        explain_test(o, t, p, ctx.out());
        return 0;
    }
    cli::Result r;
    r.value = o.evidence ? p.evidence : p.posterior;
    r.details = {{"prior", t.prior}, {"likelihood", t.likelihood}, {"false_positive", t.false_positive},
                 {"result", o.negative ? "negative" : "positive"}};
    if (o.evidence) r.details["posterior"] = p.posterior;
    else r.details["evidence"] = p.evidence;
    return cli::print_results(ctx, {{}, "", o.evidence ? "evidence" : "posterior", {}}, {r});
}

std::vector<bayes::Hypothesis> read_hypotheses(cli::Context& ctx, bool normalize, std::string& file) {
    io::TableReader t = ctx.open_table();
    file = t.file();
    const auto& names = t.names();
    std::vector<std::size_t> cols;
    if (t.has_header() && std::find(names.begin(), names.end(), "prior") != names.end())
        cols = io::resolve_columns("hypothesis,prior,likelihood", names);
    else if (names.size() == 3)
        cols = {0, 1, 2};
    else
        throw InputError("expected three columns, hypothesis,prior,likelihood; got " + std::to_string(names.size()),
                         t.file());
    t.select({{cols[0], io::ColumnType::text}, {cols[1], io::ColumnType::number}, {cols[2], io::ColumnType::number}});
    std::vector<bayes::Hypothesis> h;
    io::RowBlock b;
    while (t.read_block(b))
        for (std::size_t r = 0; r < b.rows(); ++r) {
            h.push_back({std::string(b.text(r, 0)), b.number(r, 0), b.number(r, 1)});
            try {
                bayes::check_hypothesis(h.back(), normalize);
            } catch (const InputError& e) {
                throw InputError(e.message(), b.file(r), b.line(r));
            }
        }
    ctx.report_skipped(t);
    return h;
}

void explain_table(const std::vector<bayes::Hypothesis>& h, const bayes::Posteriors& p, bool normalized,
                   io::Output& out) {
    out << "Bayes' theorem over " << h.size() << " hypotheses:\n"
        << "  P(H_i|E) = P(H_i) P(E|H_i) / P(E),  P(E) = sum_j P(H_j) P(E|H_j)\n";
    if (normalized) out << "  (priors divided by their sum, " << num(p.prior_sum) << ")\n";
    out << "\n  hypothesis          prior       P(E|H)      P(H) P(E|H)  P(H|E)\n";
    std::size_t best = 0;
    for (std::size_t i = 0; i < h.size(); ++i) {
        out << "  " << cli::padded(cli::fitted(h[i].name, 18), 20) << cli::padded(num(h[i].prior / p.prior_sum), 12)
            << cli::padded(num(h[i].likelihood), 12) << cli::padded(num(p.joint[i]), 13) << num(p.posterior[i]) << "\n";
        if (p.posterior[i] > p.posterior[best]) best = i;
    }
    out << "\n  P(E) = " << num(p.evidence) << " (the law of total probability: the sum of P(H) P(E|H))\n\n"
        << "The evidence moves belief toward the hypotheses that predicted it best; \""
        << h[best].name << "\" is now the most probable, at " << pct(p.posterior[best]) << ".\n";
}

int run_table(const Options& o, cli::Context& ctx) {
    if (o.likelihood || o.false_positive)
        throw UsageError("--likelihood and --false-positive go with --prior; a table gives its own likelihoods");
    if (o.negative) throw UsageError("--negative goes with --prior; a table's likelihoods are P(E|H) as observed");
    std::string file;
    const auto h = read_hypotheses(ctx, o.normalize, file);
    bayes::Posteriors p;
    try {
        p = bayes::posteriors(h, o.normalize);
    } catch (const info::NotProbabilities& e) {
        throw InputError("priors sum to " + io::format_number(e.sum(), 7) +
                             ", not 1 (--normalize divides them by their sum)",
                         file);
    } catch (const InputError& e) {
        throw InputError(e.message(), file);
    }
    if (o.common.explain) {
        if (o.evidence) throw UsageError("--explain walks through the posteriors; leave out --evidence");
        explain_table(h, p, o.normalize, ctx.out());
        return 0;
    }
    nlohmann::json conventions = {{"evidence", p.evidence}, {"prior_sum", p.prior_sum},
                                  {"normalized", o.normalize}};
    if (o.evidence) {
        cli::Result r{{}, "", p.evidence, {{"prior_sum", p.prior_sum}, {"normalized", o.normalize}}};
        return cli::print_results(ctx, {{}, "", "evidence", {}}, {r});
    }
    std::vector<cli::Result> rows;
    for (std::size_t i = 0; i < h.size(); ++i)
        rows.push_back({{}, h[i].name, p.posterior[i],
                        {{"prior", h[i].prior}, {"likelihood", h[i].likelihood}, {"joint", p.joint[i]}}});
    return cli::print_results(ctx, {{}, "hypothesis", "posterior", conventions}, rows);
}

}  // namespace

int run_theorem(const Options& o, cli::Context& ctx) {
    if (o.common.explain) {
        cli::refuse_with_explain(o.common);
        return cli::explained(ctx, [&](cli::Context& c) { return o.prior ? run_test(o, c) : run_table(o, c); });
    }
    return o.prior ? run_test(o, ctx) : run_table(o, ctx);
}

}  // namespace mlm::bayes_tool
