// mlm-bayes's options and its forms, one file each under tools/bayes/:
// Bayes' theorem (theorem.cpp), conjugate updates (update.cpp), A/B tests
// (ab.cpp) and naive Bayes (nb.cpp).
#pragma once

#include "cli/context.hpp"
#include "cli/options.hpp"
#include "io/number.hpp"

#include <optional>
#include <string>

namespace mlm::cli { class Command; }

namespace mlm::bayes_tool {

// A number in the explanations: six significant digits.
inline std::string num(double x) { return io::format_number(x, 6); }

struct Options {
    cli::StandardOptions common;
    // theorem
    std::optional<double> prior, likelihood, false_positive;
    bool negative = false;
    bool evidence = false;
    bool normalize = false;
    // update
    std::string prior_spec;
    std::optional<double> successes, trials, noise_sd;
    double level = 0.95;
    bool hdi = false;
    bool trace = false;
    bool compare = false;
    // ab
    std::string arm_a, arm_b;
    bool thompson = false;
    std::size_t draws = 100000;
    // nb
    std::string target;
    std::string kind = "gaussian";
    double alpha = 1;
    double var_smoothing = 1e-9;
    std::string save_model;
    std::string model;
    bool partial = false;
    bool proba = false;
    const cli::Command* nb_fit = nullptr;  // which nb form was given
    const cli::Command* nb_predict = nullptr;
    const cli::Command* nb_merge = nullptr;
};

int run_theorem(const Options& o, cli::Context& ctx);
int run_update(const Options& o, cli::Context& ctx);
int run_ab(const Options& o, cli::Context& ctx);
int run_nb_fit(const Options& o, cli::Context& ctx);
int run_nb_predict(const Options& o, cli::Context& ctx);
int run_nb_merge(const Options& o, cli::Context& ctx);


}  // namespace mlm::bayes_tool
