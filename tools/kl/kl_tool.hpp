// mlm-kl's options and its forms, one file each under tools/kl/: two weight
// vectors (weights.cpp), two samples binned or counted (samples.cpp), the merge
// of partial counts, and Gaussians in closed form (gauss.cpp).
#pragma once

#include "cli/context.hpp"
#include "cli/log_base.hpp"
#include "info/entropy.hpp"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace mlm::kl_tool {

struct Options {
    cli::StandardOptions common;
    std::string metric = "kl";
    std::string base_text;  // empty: 2, or e for gauss --vae (as VAE losses are reported)
    bool nats = false;
    double smooth = 0;
    bool normalize = false;  // --normalize: divide weights by their sum (else they must sum to 1)
    bool strict = false;     // --strict: the old name of the default, hidden
    std::string labels;  // column of outcome names
    bool rows = false;
    bool mean = false;
    // samples
    std::string bins = "auto";
    std::size_t quantile_bins = 0;
    std::string range;  // "lo,hi"
    bool categorical = false;
    bool partial = false;
    // gauss
    double p_mean = 0, p_sd = 1, q_mean = 0, q_sd = 1;
    std::string p_file, q_file;
    bool vae = false;

    double base() const;  // from --base / --nats
    info::WeightReading reading() const {
        return normalize ? info::WeightReading::divide_by_sum : info::WeightReading::probabilities;
    }
};

// Every number mlm-kl knows how to report for one pair of distributions.
struct Comparison {
    double entropy_p = 0, entropy_q = 0, cross_entropy = 0;
    double kl_pq = 0, kl_qp = 0, js = 0, psi = 0;
    std::optional<std::size_t> infinite_pq, infinite_qp, infinite_psi;
};

// P and Q already normalized (see info::normalized).
Comparison compare(const std::vector<double>& p, const std::vector<double>& q, double base);

// The column names --metric prints ("kl"; "kl_p_q", "kl_q_p"; ...).
std::vector<std::string> metric_columns(const std::string& metric);
// The values of those columns.
std::vector<double> metric_values(const std::string& metric, const Comparison& c);

// The conventions behind the numbers, for --to json: metric, base, unit,
// direction, kind, js_max, smoothing, normalization.
nlohmann::json conventions(const Options& o, const std::string& p_name, const std::string& q_name);
using cli::unit_of;

// One printed line of results: the -g values (or the row number) and the metric values.
struct Row {
    std::vector<std::string> keys;
    std::vector<double> values;
    nlohmann::json details = nlohmann::json::object();
};

// One number alone, or a CSV table (key columns first), or with --to json one
// object with the conventions; checks --fail-above/--fail-below on every value.
// `per_row`: a table even for one row (one value per input row).
int print_rows(const Options& o, cli::Context& ctx, const std::vector<std::string>& key_names,
               const std::vector<Row>& rows, const nlohmann::json& conventions, bool per_row = false);

// The one line for weights that should be probabilities and do not sum to 1
// (CONTRACT.md section 3): where they are, their sum, and the two ways out.
[[noreturn]] void refuse_weight_sum(const info::NotProbabilities& e, const std::string& file,
                                    std::size_t line = 0, const std::string& where = {});

// Says on stderr why a printed value is infinite: `outcome` names the outcome,
// `where` the group or row ("" for none).
void note_infinities(const Options& o, cli::Context& ctx, const Comparison& c,
                     const std::vector<double>& p, const std::vector<double>& q,
                     const std::vector<std::string>& outcome_names, const std::string& where);

// The walkthrough of --explain for one pair of distributions.
void explain(const Options& o, cli::Context& ctx, const std::string& title,
             const std::vector<std::string>& outcome_names, const std::vector<double>& p,
             const std::vector<double>& q, const Comparison& c);

int run_weights(const Options& o, cli::Context& ctx);  // mlm-kl P Q, -c p,q, --rows
int run_samples(const Options& o, cli::Context& ctx);  // samples A B
int run_merge(const Options& o, cli::Context& ctx);    // merge PARTIAL...
int run_gauss(const Options& o, cli::Context& ctx);    // gauss

}  // namespace mlm::kl_tool
