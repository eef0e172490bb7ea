// mlm-dist's options and its subcommands, one file each under tools/dist/:
// the functions at points (evaluate.cpp), describe, sample, fit, ecdf and the
// two-sample test, and the input they share (values.cpp).
#pragma once

#include "cli/context.hpp"
#include "prob/spec.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace mlm::dist_tool {

struct Options {
    cli::StandardOptions common;
    std::string spec;  // SPEC, or the family NAME of fit
    std::string at;    // --at X,...: points instead of the input
    std::uint64_t n = 0;     // sample -n
    std::uint64_t sum = 0;   // sample --sum K
    std::uint64_t mean = 0;  // sample --mean K
    bool test = false;       // fit --test
};

int run_evaluate(const Options& o, cli::Context& ctx);
int run_describe(const Options& o, cli::Context& ctx);
int run_sample(const Options& o, cli::Context& ctx);
int run_fit(const Options& o, cli::Context& ctx);
int run_ecdf(const Options& o, cli::Context& ctx);
int run_test(const Options& o, cli::Context& ctx);

// --explain: the formula of `d`, with its parameters, the values of the
// subcommand's function at `points` (describe: the moments), and its use in ML.
void explain(const Options& o, cli::Context& ctx, const prob::Distribution& d,
             const std::vector<double>& points);

// A spec, with categorical:FILE read as a table of weights (one column) or of
// categories and weights (two columns).
prob::Distribution read_spec(const std::string& text, const cli::Context& ctx);

// Every number of the selected columns of the input, in reading order.
std::vector<double> read_values(cli::Context& ctx);
std::vector<double> read_values(cli::Context& ctx, const std::string& path);
// The numbers of `path` (the input when empty) sorted; nan is an InputError.
std::vector<double> sorted_numbers(cli::Context& ctx, const std::string& path);

}  // namespace mlm::dist_tool
