// mlm-pca: principal components, streaming, mergeable across shards.
#include "cli/run_main.hpp"
#include "io/number.hpp"
#include "pca/pca_tool.hpp"

namespace mlm::pca_tool {
namespace {

// "a|b|c", as the usage line writes a choice.
std::string alternatives(const std::vector<std::string>& words) {
    std::string text;
    for (const auto& w : words) text += (text.empty() ? "" : "|") + w;
    return text;
}

void add_fit_options(cli::Command& app, Options& o, std::vector<std::string> emits) {
    auto* k = app.add_option("-k,--components", o.components, "keep K components (default: all)")
                  ->check(cli::positive_number())->type_name("K");
    app.add_option("--variance", o.variance, "keep the fewest components explaining more than F, 0<F<1")
        ->check(cli::Check(
            [](std::string& text) {
                double f = 0;
                const bool ok = io::parse_number(text, f) == io::ParseResult::ok && f > 0 && f < 1;
                return ok ? std::string() : "must be a number between 0 and 1, exclusive";
            },
            ""))
        ->excludes(k)->type_name("F");
    app.add_flag("--standardize", o.standardize, "z-scores first (population sd, as StandardScaler)");
    app.add_flag("--drop-constant", o.drop_constant, "with --standardize, leave constant columns out");
    app.add_flag("--whiten", o.whiten, "scale scores to unit variance (stored in the model)");
    app.add_option("--emit", o.emit, "what to print: " + alternatives(emits))
        ->check(cli::is_member(emits))->type_name("WHAT");
    app.add_option("--save-model", o.save_model, "also write the model to FILE")->type_name("FILE");
}

void declare(cli::Command& app, Options& o) {
    using namespace cli;
    app.footer("Examples:\n"
               "  mlm-pca -k 2 --standardize --keep species iris.csv   2-D scores, ready to plot\n"
               "  mlm-pca --emit summary --variance 0.95 data.csv      how many components matter\n"
               "See man mlm-pca for apply, inverse, --partial and merge.");
    add_standard_options(app, o.common, input | columns | explain | seed | output);
    add_fit_options(app, o, {"scores", "summary", "components", "model"});
    app.add_option("--method", o.method, "auto|cov|svd|randomized (default auto)")
        ->check(cli::is_member({"auto", "cov", "svd", "randomized"}))->type_name("M");
    app.add_option("--keep", o.keep, "columns passed through beside the scores, not analysed")
        ->type_name("LIST");
    app.add_flag("--partial", o.partial, "print n, mean and co-moments as JSON, for merge");

    auto* apply = app.add_subcommand("apply", "project rows with a saved model");
    auto* inverse = app.add_subcommand("inverse", "reconstruct rows from scores with a saved model");
    for (auto* sub : {apply, inverse}) {
        add_standard_options(*sub, o.common, input | output);
        sub->add_option("--model", o.model, "the model (from --save-model or --emit model)")
            ->required()->type_name("FILE");
        sub->add_option("--keep", o.keep, "columns passed through beside the result")->type_name("LIST");
    }
    add_standard_options(*inverse, o.common, columns);

    auto* merge = app.add_subcommand("merge", "fit from --partial outputs, as one pass over all rows");
    merge->add_option("PARTIAL", o.common.files, "partial files printed by --partial")->required();
    add_standard_options(*merge, o.common, explain | output);
    add_fit_options(*merge, o, {"summary", "components", "model"});
}

int run(const Options& o, cli::Context& ctx) {
    const std::string& command = o.common.command;
    if (command == "apply") return run_apply(o, ctx);
    if (command == "inverse") return run_inverse(o, ctx);
    if (command == "merge") return run_merge(o, ctx);
    return run_fit(o, ctx);
}

}  // namespace
}  // namespace mlm::pca_tool

int main(int argc, char** argv) {
    using namespace mlm;
    return cli::run_main<pca_tool::Options>(
        argc, argv, {"mlm-pca", "principal component analysis: scores, variance explained, models",
         {"-k", "--standardize", "--emit"}},
        pca_tool::declare, pca_tool::run);
}
