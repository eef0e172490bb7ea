// mlm-entropy: Shannon entropy in the forms people use it.
#include "cli/explain_text.hpp"
#include "cli/run_main.hpp"
#include "cli/validators.hpp"
#include "entropy/entropy_tool.hpp"
#include "error.hpp"
#include "io/number.hpp"

#include <cmath>

namespace mlm::entropy_tool {

double Options::base() const {
    const std::string& text = common.command == "xent" ? xent_base : base_text;
    return cli::parse_log_base(text, nats);
}

namespace {

void add_base_options(cli::Command& app, Options& o) {
    app.add_option("--base", o.base_text, "log base: 2 (bits, default), e (nats), 10 or N")->type_name("B");
    app.add_flag("--nats", o.nats, "natural log (same as --base e)");
    app.add_flag("--perplexity", o.perplexity, "print base^H instead of H");
}

void declare(cli::Command& app, Options& o) {
    using namespace cli;
    add_standard_options(app, o.common, number_tool);
    add_base_options(app, o);
    auto* normalize = app.add_flag("--normalize", o.normalize,
                                   "weights need not sum to 1: divide by their sum (scipy's reading)");
    // The check --strict asked for is now the default; the flag stays for old scripts.
    app.add_flag("--strict", o.strict, "weights must sum to 1 (the default)")->group("")->excludes(normalize);
    app.add_flag("--rows", o.rows, "each row is a distribution: one entropy per row");

    auto* values = app.add_subcommand("values", "entropy of the values in columns (joint for several)");
    auto* cond = app.add_subcommand("cond", "conditional entropy H(A|B): -c A --given B");
    auto* mi = app.add_subcommand("mi", "mutual information I(A;B): -c A,B");
    auto* gain = app.add_subcommand("gain", "information gain of splitting --target by each feature");
    auto* xent = app.add_subcommand("xent", "cross-entropy (log loss) of predicted probabilities");
    auto* bytes = app.add_subcommand("bytes", "entropy of the raw bytes, bits per byte");
    auto* merge = app.add_subcommand("merge", "combine --partial outputs into the result");
    for (auto* sub : {values, cond, mi}) {
        add_standard_options(*sub, o.common, number_tool);
        add_base_options(*sub, o);
        sub->add_flag("--partial", o.partial, "print the counts as JSON, for merge");
    }
    cond->add_option("--given", o.given, "the conditioning column B")->required()->type_name("COL");
    mi->add_flag("--normalized", o.normalized, "normalized MI (arithmetic mean, as scikit-learn)");
    add_standard_options(*gain, o.common, input | columns | group | output | explain);
    add_base_options(*gain, o);
    gain->add_option("--target", o.target, "the column to predict")->required()->type_name("COL");
    gain->add_flag("--ratio", o.ratio, "add C4.5's gain ratio");
    add_standard_options(*xent, o.common, number_tool);
    xent->add_option("--base", o.xent_base, "log base (default here: e, as ML libraries)")->type_name("B");
    xent->add_flag("--nats", o.nats, "natural log (the default for xent)");
    xent->add_option("--target", o.target, "the column of true classes")->required()->type_name("COL");
    xent->add_option("--eps", o.eps, "clip probabilities to [eps, 1-eps] (default 1e-15)")
        ->check(cli::finite())->check(cli::range(0.0, 0.5))->type_name("EPS");
    xent->add_flag("--per-row", o.per_row, "print each row's loss");
    xent->add_flag("--normalize", o.normalize, "rows of class probabilities need not sum to 1: divide by the sum");
    add_standard_options(*bytes, o.common, input | output | checks | explain);
    add_base_options(*bytes, o);
    bytes->add_flag("--partial", o.partial, "print the byte counts as JSON, for merge");
    add_standard_options(*merge, o.common, input | output | checks);
    add_base_options(*merge, o);
    merge->add_flag("--normalized", o.normalized, "normalized MI, for partials of mi");
    for (const auto& sub : app.subcommands()) sub->footer("See man mlm-entropy.");
    app.footer("Examples:\n  mlm-entropy probs.csv                   entropy of each column, in bits\n"
               "  mlm-entropy values -c species iris.csv  entropy of a label column\n"
               "See man mlm-entropy for gain, xent, mi, cond, bytes and merge.");
}

int run_form(const Options& o, cli::Context& ctx) {
    const std::string& command = o.common.command;
    if (command.empty()) return run_weights(o, ctx);
    if (command == "gain") return run_gain(o, ctx);
    if (command == "xent") return run_xent(o, ctx);
    if (command == "merge") return run_merge(o, ctx);
    return run_counts(o, ctx);
}

int run(const Options& o, cli::Context& ctx) {
    if (!o.common.explain) return run_form(o, ctx);
    // --explain explains what the other options asked for, or refuses them.
    cli::refuse_with_explain(o.common);
    if (o.partial) throw UsageError("--explain walks through the result; --partial prints counts for merge");
    if (o.per_row) throw UsageError("--explain walks through the mean log loss; --per-row prints each row's");
    return cli::explained(ctx, [&](cli::Context& c) { return run_form(o, c); });
}

}  // namespace
}  // namespace mlm::entropy_tool

int main(int argc, char** argv) {
    using namespace mlm;
    return cli::run_main<entropy_tool::Options>(
        argc, argv, {"mlm-entropy", "Shannon entropy, conditional entropy, mutual information, gain, log loss",
         {"--base", "--rows"}},
        entropy_tool::declare, entropy_tool::run);
}
