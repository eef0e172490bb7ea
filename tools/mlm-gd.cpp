// mlm-gd: gradient descent on an expression, with PyTorch's optimizers and
// learning-rate schedules, exact gradients by backpropagation, and divergence explained.
#include <CLI/CLI.hpp>

#include "cli/expression_argument.hpp"
#include "cli/run_main.hpp"
#include "cli/validators.hpp"
#include "gd/gd_tool.hpp"

namespace mlm::gd_tool {
namespace {

void declare(CLI::App& app, Options& o) {
    using namespace cli;
    app.require_subcommand(1);
    app.footer(
        "Examples:\n"
        "  mlm-gd minimize 'x^2 + 3*y^2' --start x=3,y=2 --lr 0.1\n"
        "  mlm-gd minimize '(1-x)^2 + 100*(y-x^2)^2' --start x=-1.2,y=1 --optimizer adam --lr 0.01\n"
        "See man mlm-gd for the optimizers, schedules and --trace.");
    auto* m = app.add_subcommand("minimize", "run gradient descent on EXPR from --start");
    add_expression_argument(*m, o.expression, "the function to minimize, e.g. 'x^2 + 3*y^2'");
    m->add_option("--start", o.start, "the start point, NAME=VALUE,...")->required()->type_name("POINT");
    m->add_option("--at", o.at, "hold these fixed, NAME=VALUE,... (the data of a loss)")->type_name("POINT");
    m->add_option("--lr", o.lr, "learning rate (default: the optimizer's PyTorch default)")
        ->check(finite())->check(CLI::PositiveNumber)->type_name("RATE");
    m->add_option("--optimizer", o.optimizer, "sgd (default), momentum, nesterov, adagrad, rmsprop, adam, adamw")
        ->check(CLI::IsMember({"sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "adamw"}))
        ->type_name("NAME");
    m->add_option("--schedule", o.schedule, "constant, step:EVERY:GAMMA, exp:GAMMA, cosine:T, warmup:N[,...]")
        ->type_name("S");
    m->add_option("--max-steps", o.max_steps, "give up after N steps (default 10000)")
        ->check(CLI::NonNegativeNumber)->type_name("N");
    m->add_option("--tol", o.tol, "converged when |grad f| <= TOL (default 1e-6)")
        ->check(finite())->check(CLI::NonNegativeNumber)->type_name("TOL");
    m->add_flag("--trace", o.trace, "print one row per step: step,f,grad_norm,lr,x,...");
    const char* h = "Hyperparameters";
    m->add_option("--momentum", o.momentum, "momentum factor (momentum, nesterov: 0.9; rmsprop: 0)")
        ->check(finite())->check(CLI::NonNegativeNumber)->group(h)->type_name("MU");
    m->add_option("--dampening", o.dampening, "dampening of momentum (default 0)")
        ->check(finite())->check(CLI::Range(0.0, 1.0))->group(h)->type_name("D");
    m->add_option("--weight-decay", o.weight_decay, "L2 penalty; adamw: decoupled (default 0, adamw 0.01)")
        ->check(finite())->check(CLI::NonNegativeNumber)->group(h)->type_name("W");
    m->add_option("--alpha", o.alpha, "rmsprop smoothing constant (default 0.99)")
        ->check(finite())->check(CLI::Range(0.0, 1.0))->group(h)->type_name("A");
    m->add_option("--beta1", o.beta1, "adam, adamw: first-moment decay (default 0.9)")
        ->check(finite())->check(CLI::Range(0.0, 1.0))->group(h)->type_name("B1");
    m->add_option("--beta2", o.beta2, "adam, adamw: second-moment decay (default 0.999)")
        ->check(finite())->check(CLI::Range(0.0, 1.0))->group(h)->type_name("B2");
    m->add_option("--eps", o.eps, "term added to denominators (default 1e-8, adagrad 1e-10)")
        ->check(finite())->check(CLI::NonNegativeNumber)->group(h)->type_name("EPS");
    m->add_option("--lr-decay", o.lr_decay, "adagrad learning-rate decay (default 0)")
        ->check(finite())->check(CLI::NonNegativeNumber)->group(h)->type_name("D");
    m->add_option("--initial-accumulator", o.initial_accumulator, "adagrad initial sum of squares (default 0)")
        ->check(finite())->check(CLI::NonNegativeNumber)->group(h)->type_name("V");
    m->add_flag("--centered", o.centered, "rmsprop: normalize by the variance of the gradient")->group(h);
    m->add_flag("--amsgrad", o.amsgrad, "adam, adamw: use the running maximum of v")->group(h);
    add_standard_options(*m, o.common, output | checks | explain);
}

int run(const Options& o, cli::Context& ctx) { return run_minimize(o, ctx); }

}  // namespace
}  // namespace mlm::gd_tool

int main(int argc, char** argv) {
    using namespace mlm;
    return cli::run_main<gd_tool::Options>(argc, argv,
                                           {"mlm-gd", "gradient descent with PyTorch's optimizers and schedules",
                                            {"--lr", "--optimizer", "--max-steps", "--trace"}},
                                           gd_tool::declare, gd_tool::run);
}
