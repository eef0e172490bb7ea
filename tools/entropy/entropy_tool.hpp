// mlm-entropy's options and its forms, one file each under tools/entropy/.
#pragma once

#include "cli/context.hpp"
#include "cli/log_base.hpp"
#include "cli/results.hpp"

#include <string>
#include <vector>

namespace mlm::entropy_tool {

struct Options {
    cli::StandardOptions common;
    std::string base_text = "2";
    std::string xent_base = "e";  // log loss is reported in nats by every ML library
    bool nats = false;
    bool strict = false;
    bool rows = false;
    bool perplexity = false;
    bool partial = false;
    std::string given;    // cond
    bool normalized = false;  // mi
    std::string target;   // gain, xent
    bool ratio = false;   // gain
    double eps = 1e-15;   // xent
    bool per_row = false; // xent

    double base() const;  // from --base / --nats
};

using cli::log_name;
using cli::unit_of;
// The conventions every --to json echoes: base, unit.
nlohmann::json conventions(const Options& o);
// H, or base^H with --perplexity.
double reported(const Options& o, double h);

int run_weights(const Options& o, cli::Context& ctx);  // mlm-entropy [FILE]
int run_counts(const Options& o, cli::Context& ctx);   // values, cond, mi, bytes
int run_merge(const Options& o, cli::Context& ctx);    // merge PARTIAL...
int run_gain(const Options& o, cli::Context& ctx);
int run_xent(const Options& o, cli::Context& ctx);

}  // namespace mlm::entropy_tool
