// mlm-entropy's options and its forms, one file each under tools/entropy/.
#pragma once

#include "cli/context.hpp"
#include "cli/log_base.hpp"
#include "cli/results.hpp"
#include "info/entropy.hpp"

#include <string>
#include <vector>

namespace mlm::entropy_tool {

struct Options {
    cli::StandardOptions common;
    std::string base_text = "2";
    std::string xent_base = "e";  // log loss is reported in nats by every ML library
    bool nats = false;
    bool normalize = false;  // --normalize: divide weights by their sum (else they must sum to 1)
    bool strict = false;     // --strict: the old name of the default, hidden
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
    info::WeightReading reading() const {
        return normalize ? info::WeightReading::divide_by_sum : info::WeightReading::probabilities;
    }
};

using cli::log_name;
using cli::unit_of;
// The conventions every --to json echoes: base, unit.
nlohmann::json conventions(const Options& o);
// H, or base^H with --perplexity.
double reported(const Options& o, double h);
// The "normalization" convention --to json echoes for weights.
nlohmann::json normalization(const Options& o);

// The one line for weights that should be probabilities and do not sum to 1
// (CONTRACT.md section 3): where they are, their sum, and the two ways out.
[[noreturn]] void refuse_weight_sum(const info::NotProbabilities& e, const std::string& where,
                                    const std::string& file = {}, std::size_t line = 0);

int run_weights(const Options& o, cli::Context& ctx);  // mlm-entropy [FILE]
int run_counts(const Options& o, cli::Context& ctx);   // values, cond, mi, bytes
int run_merge(const Options& o, cli::Context& ctx);    // merge PARTIAL...
int run_gain(const Options& o, cli::Context& ctx);
int run_xent(const Options& o, cli::Context& ctx);

}  // namespace mlm::entropy_tool
