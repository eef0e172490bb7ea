// mlm-gd's parts: the options of `minimize` and the functions that run and explain it.
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
};

// The settings the options describe; UsageError for a hyperparameter the
// chosen optimizer does not have.
optim::MinimizeSettings settings(const Options& o);

int run_minimize(const Options& o, cli::Context& ctx);

// The walkthrough of --explain: the first steps, the stopping reason, the result.
std::string explain_minimize(const Options& o, const optim::MinimizeSettings& s, const calc::Tape& tape,
                             const optim::MinimizeResult& r, int digits);

}  // namespace mlm::gd_tool
