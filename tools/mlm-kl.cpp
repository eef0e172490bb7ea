// mlm-kl: how different two distributions are (KL both ways, JS, PSI, cross-entropy).
#include "cli/explain_text.hpp"
#include "cli/run_main.hpp"
#include "cli/validators.hpp"
#include "error.hpp"
#include "io/number.hpp"
#include "kl/kl_tool.hpp"

#include <cmath>

namespace mlm::kl_tool {

double Options::base() const {
    std::string text = base_text.empty() ? (common.command == "gauss" && vae ? "e" : "2") : base_text;
    return cli::parse_log_base(text, nats);
}

namespace {

const std::vector<std::string> metrics = {"kl", "reverse", "both", "js", "js-distance", "xent", "psi", "all"};

void add_divergence_options(cli::Command& app, Options& o, const std::vector<std::string>& allowed) {
    app.add_option("--metric", o.metric, "which number (default kl); see man mlm-kl")
        ->check(cli::is_member(allowed))->type_name("M");
    app.add_option("--base", o.base_text, "log base: 2 (bits, default), e (nats), 10 or N")->type_name("B");
    app.add_flag("--nats", o.nats, "natural log (same as --base e)");
}

void add_weight_options(cli::Command& app, Options& o) {
    app.add_option("--smooth", o.smooth, "add EPS to every outcome of both sides before normalizing")
        ->check([](const std::string& text) {
            double x = 0;
            return io::parse_number(text, x) == io::ParseResult::ok && x >= 0 && std::isfinite(x)
                       ? std::string()
                       : std::string("must be a finite number >= 0, not '" + text + "'");
        })->type_name("EPS");
}

void declare(cli::Command& app, Options& o) {
    using namespace cli;
    app.footer("Examples:\n  mlm-kl p.csv q.csv                    KL(P||Q) in bits\n"
               "  mlm-kl samples train.csv live.csv --metric psi --quantile-bins 10 --fail-above 0.25\n"
               "See man mlm-kl for --rows, samples, merge and gauss.");
    add_standard_options(app, o.common, number_tool);
    add_divergence_options(app, o, metrics);
    add_weight_options(app, o);
    auto* normalize = app.add_flag("--normalize", o.normalize,
                                   "weights need not sum to 1: divide by their sum (scipy's reading)");
    // The check --strict asked for is now the default; the flag stays for old scripts.
    app.add_flag("--strict", o.strict, "weights must sum to 1 (the default)")->group("")->excludes(normalize);
    app.add_option("--labels", o.labels, "match outcomes by the names in this column")->type_name("COL");
    app.add_flag("--rows", o.rows, "each row of P and Q is a distribution: one value per row");
    app.add_flag("--mean", o.mean, "with --rows: the mean over rows");

    auto* samples = app.add_subcommand("samples", "compare two samples of raw observations");
    add_standard_options(*samples, o.common, number_tool);
    add_divergence_options(*samples, o, metrics);
    add_weight_options(*samples, o);
    samples->add_option("--bins", o.bins, "N equal-width bins, or auto (Freedman-Diaconis, default)")
        ->check(cli::bin_count())->type_name("N|auto");
    samples->add_option("--quantile-bins", o.quantile_bins, "N bins at the quantiles of sample A")
        ->check(cli::range(1, 1000000))->type_name("N");
    samples->add_option("--range", o.range, "fix the outer edges of equal-width bins")->type_name("LO,HI");
    samples->add_flag("--categorical", o.categorical, "every value is an outcome, numbers included");
    samples->add_flag("--partial", o.partial, "print the counts as JSON, for merge");

    auto* merge = app.add_subcommand("merge", "combine --partial outputs of samples into the result");
    add_standard_options(*merge, o.common, input | output | checks | cli::explain);
    add_divergence_options(*merge, o, metrics);
    add_weight_options(*merge, o);

    auto* gauss = app.add_subcommand("gauss", "KL between Gaussians in closed form");
    add_standard_options(*gauss, o.common, input | columns | output | checks | cli::explain);
    add_divergence_options(*gauss, o, {"kl", "reverse", "both"});
    gauss->add_option("--p-mean", o.p_mean, "mean of the univariate P (default 0)")->check(cli::finite())->type_name("M");
    gauss->add_option("--p-sd", o.p_sd, "standard deviation of P (default 1)")->check(cli::finite())->type_name("S");
    gauss->add_option("--q-mean", o.q_mean, "mean of the univariate Q (default 0)")->check(cli::finite())->type_name("M");
    gauss->add_option("--q-sd", o.q_sd, "standard deviation of Q (default 1)")->check(cli::finite())->type_name("S");
    gauss->add_option("--p", o.p_file, "multivariate P: JSON {\"mean\":[...],\"cov\":[[...]]}")->type_name("FILE");
    gauss->add_option("--q", o.q_file, "multivariate Q, the same form")->type_name("FILE");
    gauss->add_flag("--vae", o.vae, "rows of mu_1..mu_k,logvar_1..logvar_k: KL from N(0, I) per row");
    gauss->add_flag("--mean", o.mean, "with --vae: the mean over rows");
}

int run_form(const Options& o, cli::Context& ctx) {
    const std::string& command = o.common.command;
    if (command == "samples") return run_samples(o, ctx);
    if (command == "merge") return run_merge(o, ctx);
    if (command == "gauss") return run_gauss(o, ctx);
    return run_weights(o, ctx);
}

int run(const Options& o, cli::Context& ctx) {
    if (o.metric == "all" && (o.common.fail_above || o.common.fail_below))
        throw UsageError("--fail-above and --fail-below need one metric, not --metric all");
    if (!o.common.explain) return run_form(o, ctx);
    // --explain explains what the other options asked for, or refuses them.
    cli::refuse_with_explain(o.common);
    if (o.partial) throw UsageError("--partial prints counts; --explain goes with merge");
    return cli::explained(ctx, [&](cli::Context& c) { return run_form(o, c); });
}

}  // namespace
}  // namespace mlm::kl_tool

int main(int argc, char** argv) {
    using namespace mlm;
    return cli::run_main<kl_tool::Options>(
        argc, argv, {"mlm-kl", "KL divergence both ways, Jensen-Shannon, PSI and cross-entropy",
         {"--metric", "--base", "--bins"}},
        kl_tool::declare, kl_tool::run);
}
