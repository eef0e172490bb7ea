// mlm-gd's parts: the options of every subcommand and the functions that run
// them: minimize (minimize.cpp, explain.cpp); fit, predict, path and merge on
// tables of training data (fit.cpp, predict.cpp, path.cpp, merge.cpp, with the
// reading in training_data.cpp and the printing in fit_report.cpp).
#pragma once

#include <optional>
#include <string>

#include "cli/context.hpp"
#include "cli/options.hpp"
#include "optim/minimize.hpp"

namespace mlm::gd_tool {

struct Options {
    cli::StandardOptions common;
    std::string expression;
    std::string start;  // "x=3,y=2"
    std::string at;     // "a=1": held fixed, as constants
    std::string optimizer = "sgd";
    std::string schedule = "constant";
    long max_steps = 10000;
    double tol = 1e-6;
    bool trace = false;
    // Unset: the optimizer's PyTorch default.
    std::optional<double> lr, momentum, dampening, weight_decay, alpha, beta1, beta2, eps, lr_decay,
        initial_accumulator;
    bool centered = false;
    bool amsgrad = false;

    // fit, path, merge, predict
    std::string model = "linear";   // fit, path: the kind; predict: the model FILE
    std::string target;
    std::string loss;               // empty: mse for linear, log for the classifiers
    std::optional<double> l1, l2;
    std::string elastic_net;        // "ALPHA,RATIO"
    bool no_intercept = false;
    bool standardize = false;
    std::string fit_optimizer = "auto";
    std::string batch = "full";
    long epochs = 1000;
    double fit_tol = 1e-8;
    std::string save_model;
    bool partial = false;
    bool proba = false;
    std::string penalty = "l1";     // path
    std::string alphas = "10";      // path: a count or a list
};

// The settings the options describe; UsageError for a hyperparameter the
// chosen optimizer does not have.
optim::MinimizeSettings settings(const Options& o);

int run_minimize(const Options& o, cli::Context& ctx);
int run_fit(const Options& o, cli::Context& ctx);
int run_predict(const Options& o, cli::Context& ctx);
int run_path(const Options& o, cli::Context& ctx);
int run_merge(const Options& o, cli::Context& ctx);

// The walkthrough of --explain: the first steps, the stopping reason, the result.
std::string explain_minimize(const Options& o, const optim::MinimizeSettings& s, const calc::Tape& tape,
                             const optim::MinimizeResult& r, int digits);

}  // namespace mlm::gd_tool
