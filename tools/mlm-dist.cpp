// mlm-dist: the shapes of uncertainty. Evaluate, sample, fit, test and describe
// the distributions every ML engineer meets, written as specs (normal:0,1).

#include "cli/run_main.hpp"
#include "cli/validators.hpp"
#include "dist/dist_tool.hpp"
#include "error.hpp"

namespace mlm::dist_tool {
namespace {

const char* spec_help = "normal:MU,SD bernoulli:P categorical:P1,... binomial:N,P poisson:L "
                        "uniform:A,B beta:A,B exponential:RATE gamma:SHAPE,RATE";

void add_spec(cli::Command& app, Options& o) {
    app.add_option("SPEC", o.spec, spec_help)->required()->type_name("");
}

void declare(cli::Command& app, Options& o) {
    using namespace cli;
    app.require_subcommand(1);
    app.footer("Examples:\n"
               "  mlm-dist cdf normal:0,1 --at 1.96          P(Z <= 1.96)\n"
               "  mlm-dist sample uniform:0,1 -n 1000 --sum 12 | mlm-dist fit normal --test\n"
               "See man mlm-dist for the specs, the sampling methods and the tests.");
    struct Function { const char* name; const char* help; };
    for (auto f : {Function{"pdf", "density (pmf for discrete families) at each point"},
                   Function{"pmf", "the same as pdf"},
                   Function{"logpdf", "log of the density, exact far in the tails"},
                   Function{"cdf", "P(X <= x) at each point"},
                   Function{"sf", "P(X > x) at each point, exact in the upper tail"},
                   Function{"quantile", "the smallest x with cdf(x) >= q, at each q"}}) {
        auto* s = app.add_subcommand(f.name, f.help);
        add_spec(*s, o);
        s->add_option("--at", o.at, "these points instead of the input")->type_name("X,...");
        add_standard_options(*s, o.common, input | columns | output | cli::explain);
    }
    auto* describe = app.add_subcommand("describe", "mean, variance, sd, median, mode, entropy, support");
    add_spec(*describe, o);
    add_standard_options(*describe, o.common, output | cli::explain);

    auto* sample = app.add_subcommand("sample", "N reproducible draws (std::mt19937_64)");
    add_spec(*sample, o);
    sample->add_option("-n", o.n, "how many rows")->required()->check(whole_number(0, 1000000000000))
        ->type_name("N");
    sample->add_option("--sum", o.sum, "each row the sum of K draws")
        ->check(whole_number(1, 1000000000))->type_name("K");
    sample->add_option("--mean", o.mean, "each row the mean of K draws")
        ->check(whole_number(1, 1000000000))->type_name("K");
    add_standard_options(*sample, o.common, output | seed);

    auto* fit = app.add_subcommand("fit", "maximum-likelihood fit of family NAME (or auto)");
    fit->add_option("NAME", o.spec, "normal bernoulli categorical binomial poisson uniform beta "
                                    "exponential gamma, or auto")->required()->type_name("");
    fit->add_flag("--test", o.test, "add a KS test (continuous) or chi-square test (discrete)");
    add_standard_options(*fit, o.common, input | columns | output | checks);

    auto* ecdf = app.add_subcommand("ecdf", "the empirical CDF: x,F per distinct value");
    add_standard_options(*ecdf, o.common, input | columns | output);

    auto* test = app.add_subcommand("test", "two-sample Kolmogorov-Smirnov test of files A and B");
    add_standard_options(*test, o.common, input | columns | output | checks);
}

int run(const Options& o, cli::Context& ctx) {
    const std::string& command = o.common.command;
    if (command == "describe") return run_describe(o, ctx);
    if (command == "sample") return run_sample(o, ctx);
    if (command == "fit") return run_fit(o, ctx);
    if (command == "ecdf") return run_ecdf(o, ctx);
    if (command == "test") return run_test(o, ctx);
    return run_evaluate(o, ctx);
}

}  // namespace
}  // namespace mlm::dist_tool

int main(int argc, char** argv) {
    using namespace mlm;
    return cli::run_main<dist_tool::Options>(
        argc, argv, {"mlm-dist", "evaluate, sample, fit, test and describe distributions",
                     {"--at", "-n", "--seed", "--sum", "--mean", "--test"}},
        dist_tool::declare, dist_tool::run);
}
