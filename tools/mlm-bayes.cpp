// mlm-bayes: Bayes' theorem, belief updates, A/B tests and naive Bayes.
#include "bayes/bayes_tool.hpp"
#include "cli/run_main.hpp"
#include "cli/validators.hpp"

namespace mlm::bayes_tool {
namespace {

cli::Option* add_probability(cli::Command& app, const char* name, std::optional<double>& x, const char* help) {
    return app.add_option(name, x, help)->check(cli::finite())->check(cli::range(0.0, 1.0))->type_name("P");
}

void declare_theorem(cli::Command& app, Options& o) {
    auto* t = app.add_subcommand("theorem", "P(H|E) for a test, or the posterior of every hypothesis in a table");
    add_probability(*t, "--prior", o.prior, "P(H), e.g. a disease's prevalence");
    add_probability(*t, "--likelihood", o.likelihood, "P(E|H), the test's sensitivity");
    add_probability(*t, "--false-positive", o.false_positive, "P(E|not H), 1 - the test's specificity");
    t->add_flag("--negative", o.negative, "the test came back negative: P(H|not E)");
    t->add_flag("--evidence", o.evidence, "print P(E) (P(not E) with --negative) instead");
    t->add_flag("--normalize", o.normalize, "table: divide priors by their sum instead of refusing");
    cli::add_standard_options(*t, o.common, cli::input | cli::checks | cli::explain | cli::output);
}

cli::Option* add_level(cli::Command& app, Options& o) {
    return app.add_option("--level", o.level, "credible level, 0 < L < 1 (default 0.95)")
        ->check(cli::finite())->check(cli::range(0.0, 1.0))->type_name("L");
}

void declare_update(cli::Command& app, Options& o) {
    auto* u = app.add_subcommand("update", "a conjugate posterior from a prior and data");
    u->add_option("--prior", o.prior_spec, "beta:A,B (0/1 outcomes), gamma:A,B (counts), normal:MU,SD")
        ->required()->type_name("SPEC");
    u->add_option("--successes", o.successes, "beta: successes, instead of a column")
        ->check(cli::finite())->type_name("S");
    u->add_option("--trials", o.trials, "beta: trials, with --successes")->check(cli::finite())->type_name("N");
    u->add_option("--noise-sd", o.noise_sd, "normal: the known sd of the values")
        ->check(cli::finite())->check(cli::positive_number())->type_name("SD");
    add_level(*u, o);
    u->add_flag("--hdi", o.hdi, "the highest-density interval, not the equal-tailed one");
    u->add_flag("--trace", o.trace, "the posterior after every observation");
    u->add_flag("--compare", o.compare, "beta: the MLE and a Wilson interval beside it");
    cli::add_standard_options(*u, o.common, cli::input | cli::columns | cli::checks | cli::explain | cli::output);
}

void declare_ab(cli::Command& app, Options& o) {
    auto* ab = app.add_subcommand("ab", "P(B > A), expected loss and lift of two conversion rates");
    ab->add_option("--a", o.arm_a, "arm A's successes/trials, e.g. 120/1000")->required()->type_name("S/N");
    ab->add_option("--b", o.arm_b, "arm B's successes/trials")->required()->type_name("S/N");
    ab->add_option("--prior", o.prior_spec, "beta:A,B prior of both rates (default beta:1,1)")->type_name("SPEC");
    add_level(*ab, o);
    ab->add_flag("--thompson", o.thompson, "print each arm's Thompson-sampling share instead");
    ab->add_option("--draws", o.draws, "draws for --thompson (default 100000)")
        ->check(cli::whole_number(1, 100000000))->type_name("N");
    cli::add_standard_options(*ab, o.common, cli::checks | cli::explain | cli::seed | cli::output);
}

void declare_nb(cli::Command& app, Options& o) {
    auto* nb = app.add_subcommand("nb", "naive Bayes classifiers: fit, predict, merge");
    nb->require_subcommand(1);
    auto* fit = nb->add_subcommand("fit", "fit a classifier to labelled rows");
    fit->add_option("--target", o.target, "the class column")->required()->type_name("COL");
    fit->add_option("--kind", o.kind, "gaussian (default), multinomial or bernoulli")
        ->check(cli::is_member({"gaussian", "multinomial", "bernoulli"}))->type_name("K");
    fit->add_option("--alpha", o.alpha, "multinomial, bernoulli: additive smoothing (default 1)")
        ->check(cli::finite())->check(cli::non_negative_number())->type_name("A");
    fit->add_option("--var-smoothing", o.var_smoothing,
                    "gaussian: share of the largest variance added to all (default 1e-9)")
        ->check(cli::finite())->check(cli::non_negative_number())->type_name("V");
    fit->add_option("--save-model", o.save_model, "write the model to FILE")->type_name("FILE");
    fit->add_flag("--partial", o.partial, "print the sufficient statistics as JSON, for merge");
    cli::add_standard_options(*fit, o.common, cli::input | cli::columns | cli::explain | cli::output);

    auto* predict = nb->add_subcommand("predict", "predict the class of every row with a saved model");
    predict->add_option("--model", o.model, "the model (from fit --save-model)")->required()->type_name("FILE");
    predict->add_flag("--proba", o.proba, "add P(class|row), one column per class");
    cli::add_standard_options(*predict, o.common, cli::input | cli::explain | cli::output);

    auto* merge = nb->add_subcommand("merge", "combine fit --partial outputs into one model");
    merge->add_option("PARTIAL", o.common.files, "partial files printed by fit --partial")->required();
    merge->add_option("--save-model", o.save_model, "write the model to FILE")->type_name("FILE");
    merge->add_flag("--partial", o.partial, "print the merged statistics, for a further merge");
    cli::add_standard_options(*merge, o.common, cli::output);
    o.nb_fit = fit;
    o.nb_predict = predict;
    o.nb_merge = merge;
}

void declare(cli::Command& app, Options& o) {
    app.require_subcommand(1);
    app.footer("Examples:\n"
               "  mlm-bayes theorem --prior 0.01 --likelihood 0.95 --false-positive 0.05\n"
               "  mlm-bayes ab --a 120/1000 --b 150/1000 --fail-below 0.95\n"
               "See man mlm-bayes for update, nb and the table form of theorem.");
    declare_theorem(app, o);
    declare_update(app, o);
    declare_ab(app, o);
    declare_nb(app, o);
}

int run(const Options& o, cli::Context& ctx) {
    const std::string& command = o.common.command;
    if (command == "theorem") return run_theorem(o, ctx);
    if (command == "update") return run_update(o, ctx);
    if (command == "ab") return run_ab(o, ctx);
    if (o.nb_predict->parsed()) return run_nb_predict(o, ctx);
    if (o.nb_merge->parsed()) return run_nb_merge(o, ctx);
    return run_nb_fit(o, ctx);
}

}  // namespace
}  // namespace mlm::bayes_tool

int main(int argc, char** argv) {
    using namespace mlm;
    return cli::run_main<bayes_tool::Options>(
        argc, argv,
        {"mlm-bayes", "Bayes' theorem, belief updates, A/B tests and naive Bayes",
         {"--prior", "--likelihood", "--false-positive", "--target", "--kind", "--model"}},
        bayes_tool::declare, bayes_tool::run);
}
