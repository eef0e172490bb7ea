// mlm-gd: gradient descent on an expression, with PyTorch's optimizers and
// learning-rate schedules, exact gradients by backpropagation, and divergence
// explained; and the models it trains on tables (fit, predict, path, merge).

#include "cli/expression_argument.hpp"
#include "cli/run_main.hpp"
#include "cli/validators.hpp"
#include "gd/gd_tool.hpp"

namespace mlm::gd_tool {
namespace {

void add_model_options(cli::Command& sub, Options& o) {
    using namespace cli;
    sub.add_option("--l2", o.l2, "L2 penalty l2/2*|w|^2 (Ridge(alpha=A) is A/n)")
        ->check(finite())->check(cli::non_negative_number())->type_name("A");
    sub.add_flag("--no-intercept", o.no_intercept, "fit without an intercept (through the origin)");
}

// The optimizer options of fit (minimize's, with fit's own defaults).
void add_fit_optimizer(cli::Command& f, Options& o) {
    using namespace cli;
    f.add_option("--optimizer", o.fit_optimizer, "auto (default), lbfgs, sgd, momentum, nesterov, adagrad, "
                                                 "rmsprop, adam, adamw")
        ->check(cli::is_member({"auto", "lbfgs", "sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "adamw"}))
        ->type_name("NAME");
    f.add_option("--batch", o.batch, "full (default) or rows per mini-batch (1: SGD)")->type_name("N");
    f.add_option("--epochs", o.epochs, "at most N passes over the rows (default 1000)")
        ->check(cli::positive_number())->type_name("N");
    f.add_option("--tol", o.fit_tol, "converged when |gradient| <= TOL*max(1,F(0)) (default 1e-8)")
        ->check(finite())->check(cli::non_negative_number())->type_name("TOL");
    f.add_option("--lr", o.lr, "learning rate of a first-order --optimizer")
        ->check(finite())->check(cli::positive_number())->type_name("RATE");
    f.add_option("--schedule", o.schedule, "constant, step:EVERY:GAMMA, exp:GAMMA, cosine:T, warmup:N[,...]")
        ->type_name("S");
    const char* h = "Hyperparameters (first-order optimizers; see minimize)";
    f.add_option("--momentum", o.momentum, "momentum factor")->check(finite())->check(cli::non_negative_number())
        ->group(h)->type_name("MU");
    f.add_option("--weight-decay", o.weight_decay, "the optimizer's own L2 (prefer --l2)")
        ->check(finite())->check(cli::non_negative_number())->group(h)->type_name("W");
    f.add_option("--beta1", o.beta1, "adam, adamw: first-moment decay")->check(finite())->check(cli::range(0.0, 1.0))
        ->group(h)->type_name("B1");
    f.add_option("--beta2", o.beta2, "adam, adamw: second-moment decay")->check(finite())->check(cli::range(0.0, 1.0))
        ->group(h)->type_name("B2");
    f.add_option("--eps", o.eps, "term added to denominators")->check(finite())->check(cli::non_negative_number())
        ->group(h)->type_name("EPS");
}

void declare_fit(cli::Command& app, Options& o) {
    using namespace cli;
    auto* f = app.add_subcommand("fit", "train a linear, logistic or softmax model on a table");
    f->add_option("--model", o.model, "linear (default), logistic or softmax")
        ->check(cli::is_member({"linear", "logistic", "softmax"}))->type_name("KIND");
    f->add_option("--target", o.target, "the column to predict")->required()->type_name("COL");
    f->add_option("--loss", o.loss, "mse (linear default), huber, log (classifiers)")
        ->check(cli::is_member({"mse", "huber", "log"}))->type_name("LOSS");
    f->add_option("--l1", o.l1, "L1 penalty l1*|w|_1: exact zeros (Lasso(alpha=A))")
        ->check(finite())->check(cli::non_negative_number())->type_name("A");
    add_model_options(*f, o);
    f->add_option("--elastic-net", o.elastic_net, "l1 = A*R and l2 = A*(1-R), as ElasticNet(A, l1_ratio=R)")
        ->type_name("A,R");
    f->add_flag("--standardize", o.standardize, "fit on z-scored features; report both scales");
    add_fit_optimizer(*f, o);
    f->add_flag("--trace", o.trace, "print epoch,loss,grad_norm,lr per epoch instead of the weights");
    f->add_option("--save-model", o.save_model, "also write the model (for predict) to FILE")->type_name("FILE");
    f->add_flag("--partial", o.partial, "print n, means and co-moments as JSON, for merge (linear)");
    add_standard_options(*f, o.common, input | columns | seed | output);

    auto* p = app.add_subcommand("predict", "predictions of a saved model for new rows");
    p->add_option("--model", o.model, "the model written by fit --save-model")->required()->type_name("FILE");
    p->add_flag("--proba", o.proba, "print class probabilities, one column per class");
    add_standard_options(*p, o.common, input | output);

    auto* path = app.add_subcommand("path", "weights along a regularization path, strongest penalty first");
    path->add_option("--model", o.model, "linear (default) or logistic")
        ->check(cli::is_member({"linear", "logistic"}))->type_name("KIND");
    path->add_option("--target", o.target, "the column to predict")->required()->type_name("COL");
    path->add_option("--penalty", o.penalty, "l1 (default) or l2")->check(cli::is_member({"l1", "l2"}))
        ->type_name("P");
    path->add_option("--alphas", o.alphas, "N penalties down from the largest useful one (default 10), or A,B,...")
        ->type_name("N|LIST");
    path->add_flag("--no-intercept", o.no_intercept, "fit without an intercept");
    path->add_flag("--standardize", o.standardize, "z-score the features first");
    path->add_option("--tol", o.fit_tol, "converged when |gradient| <= TOL*max(1,F(0)) (default 1e-8)")
        ->check(finite())->check(cli::non_negative_number())->type_name("TOL");
    add_standard_options(*path, o.common, input | columns | explain | output);

    auto* m = app.add_subcommand("merge", "a linear or ridge fit from fit --partial outputs");
    m->add_option("PARTIAL", o.common.files, "partial files printed by fit --partial")->required();
    add_model_options(*m, o);
    add_standard_options(*m, o.common, output);
}

void declare(cli::Command& app, Options& o) {
    using namespace cli;
    app.require_subcommand(1);
    app.footer(
        "Examples:\n"
        "  mlm-gd minimize 'x^2 + 3*y^2' --start x=3,y=2 --lr 0.1\n"
        "  mlm-gd minimize '(1-x)^2 + 100*(y-x^2)^2' --start x=-1.2,y=1 --optimizer adam --lr 0.01\n"
        "  mlm-gd fit --model logistic --target y --standardize --save-model m.json train.csv\n"
        "  mlm-gd predict --model m.json test.csv\n"
        "See man mlm-gd for the optimizers, schedules, fit, path and merge.");
    auto* m = app.add_subcommand("minimize", "run gradient descent on EXPR from --start");
    add_expression_argument(*m, o.expression, "the function to minimize, e.g. 'x^2 + 3*y^2'");
    m->add_option("--start", o.start, "the start point, NAME=VALUE,...")->required()->type_name("POINT");
    m->add_option("--at", o.at, "hold these fixed, NAME=VALUE,... (the data of a loss)")->type_name("POINT");
    m->add_option("--lr", o.lr, "learning rate (default: the optimizer's PyTorch default)")
        ->check(finite())->check(cli::positive_number())->type_name("RATE");
    m->add_option("--optimizer", o.optimizer, "sgd (default), momentum, nesterov, adagrad, rmsprop, adam, adamw")
        ->check(cli::is_member({"sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "adamw"}))
        ->type_name("NAME");
    m->add_option("--schedule", o.schedule, "constant, step:EVERY:GAMMA, exp:GAMMA, cosine:T, warmup:N[,...]")
        ->type_name("S");
    m->add_option("--max-steps", o.max_steps, "give up after N steps (default 10000)")
        ->check(cli::non_negative_number())->type_name("N");
    m->add_option("--tol", o.tol, "converged when |grad f| <= TOL (default 1e-6)")
        ->check(finite())->check(cli::non_negative_number())->type_name("TOL");
    m->add_flag("--trace", o.trace, "print one row per step: step,f,grad_norm,lr,x,...");
    const char* h = "Hyperparameters";
    m->add_option("--momentum", o.momentum, "momentum factor (momentum, nesterov: 0.9; rmsprop: 0)")
        ->check(finite())->check(cli::non_negative_number())->group(h)->type_name("MU");
    m->add_option("--dampening", o.dampening, "dampening of momentum (default 0)")
        ->check(finite())->check(cli::range(0.0, 1.0))->group(h)->type_name("D");
    m->add_option("--weight-decay", o.weight_decay, "L2 penalty; adamw: decoupled (default 0, adamw 0.01)")
        ->check(finite())->check(cli::non_negative_number())->group(h)->type_name("W");
    m->add_option("--alpha", o.alpha, "rmsprop smoothing constant (default 0.99)")
        ->check(finite())->check(cli::range(0.0, 1.0))->group(h)->type_name("A");
    m->add_option("--beta1", o.beta1, "adam, adamw: first-moment decay (default 0.9)")
        ->check(finite())->check(cli::range(0.0, 1.0))->group(h)->type_name("B1");
    m->add_option("--beta2", o.beta2, "adam, adamw: second-moment decay (default 0.999)")
        ->check(finite())->check(cli::range(0.0, 1.0))->group(h)->type_name("B2");
    m->add_option("--eps", o.eps, "term added to denominators (default 1e-8, adagrad 1e-10)")
        ->check(finite())->check(cli::non_negative_number())->group(h)->type_name("EPS");
    m->add_option("--lr-decay", o.lr_decay, "adagrad learning-rate decay (default 0)")
        ->check(finite())->check(cli::non_negative_number())->group(h)->type_name("D");
    m->add_option("--initial-accumulator", o.initial_accumulator, "adagrad initial sum of squares (default 0)")
        ->check(finite())->check(cli::non_negative_number())->group(h)->type_name("V");
    m->add_flag("--centered", o.centered, "rmsprop: normalize by the variance of the gradient")->group(h);
    m->add_flag("--amsgrad", o.amsgrad, "adam, adamw: use the running maximum of v")->group(h);
    add_standard_options(*m, o.common, output | checks | explain);
    declare_fit(app, o);
}

int run(const Options& o, cli::Context& ctx) {
    const std::string& command = o.common.command;
    if (command == "fit") return run_fit(o, ctx);
    if (command == "predict") return run_predict(o, ctx);
    if (command == "path") return run_path(o, ctx);
    if (command == "merge") return run_merge(o, ctx);
    return run_minimize(o, ctx);
}

}  // namespace
}  // namespace mlm::gd_tool

int main(int argc, char** argv) {
    using namespace mlm;
    return cli::run_main<gd_tool::Options>(argc, argv,
                                           {"mlm-gd",
                                            "gradient descent: minimize expressions; fit linear, "
                                            "logistic, softmax",
                                            {"--lr", "--optimizer", "--max-steps", "--trace"}},
                                           gd_tool::declare, gd_tool::run);
}
