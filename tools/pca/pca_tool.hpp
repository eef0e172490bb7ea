// mlm-pca's options and its forms, one file each under tools/pca/: fitting
// (fit.cpp), projecting with a saved model (apply.cpp), merging partials
// (merge.cpp), and the reports every form prints (report.cpp, explain.cpp).
#pragma once

#include "cli/context.hpp"
#include "io/table.hpp"
#include "io/table_writer.hpp"
#include "linalg/moments.hpp"
#include "linalg/partial.hpp"
#include "linalg/pca.hpp"
#include "io/held_rows.hpp"
#include "io/output_blocks.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace mlm::pca_tool {

using io::Doubles;
using io::HeldRows;

struct Options {
    cli::StandardOptions common;
    Eigen::Index components = 0;  // -k; 0: all
    double variance = 0;          // --variance; 0: not given
    bool standardize = false;
    bool drop_constant = false;
    bool whiten = false;
    std::string method = "auto";
    std::string emit;             // empty: scores (merge: model)
    std::string save_model;
    std::string keep;             // --keep LIST
    bool partial = false;
    std::string model;            // apply, inverse: --model FILE

    linalg::PcaSettings settings() const;
    std::string emitted() const;  // --emit with the form's default filled in
};

// The columns a form reads: features as numbers, --keep columns as text.
struct Selection {
    std::vector<std::size_t> features;
    std::vector<std::size_t> keep;
    std::vector<std::string> feature_names;
    std::vector<std::string> keep_names;
};

// An empty selection but for the --keep columns; InputError for an empty input.
Selection with_kept_columns(const Options& o, const io::TableReader& table);
// Every column of the table that --keep does not name.
std::vector<std::size_t> unkept_columns(const Selection& sel, const io::TableReader& table);
// Asks the reader for the features as numbers and the kept columns as text.
void request(io::TableReader& table, const Selection& sel);

// Features from -c (default: every column not kept), --keep from --keep;
// selects them in the reader.
Selection select_for_fit(const Options& o, const cli::Context& ctx, io::TableReader& table);
// Features by name (a model's), --keep from --keep; a missing feature is an InputError.
Selection select_by_name(const Options& o, io::TableReader& table,
                         const std::vector<std::string>& features);

// Rows out: the --keep cells of each row, then its values. With --to json
// after a fit, rows are gathered into `details` under "scores" instead. CSV
// and TSV rows of numbers alone are laid out as text on the worker threads
// (--threads, MLM_THREADS) a block at a time and written in order
// (io/output_blocks.hpp): the same bytes at any number.
class RowWriter {
public:
    RowWriter(cli::Context& ctx, std::vector<std::string> keep_names,
              std::vector<std::string> value_names, nlohmann::json* details = nullptr);
    void write(const io::RowBlock& block, Eigen::MatrixXd values);
    // Rows first_row.. of rows held in memory (their --keep cells from `held`).
    void write(const HeldRows& held, std::int64_t first_row, Eigen::MatrixXd values);
    void finish();

private:
    template <typename Text>
    void write_rows(const Text& text, Eigen::MatrixXd values);

    cli::Context& ctx_;
    std::vector<std::string> keep_names_, value_names_;
    nlohmann::json* details_;
    std::optional<io::TableWriter> table_;
    char delimiter_ = 0;                      // CSV or TSV numbers alone: ',' or tab
    std::optional<io::OutputBlocks> blocks_;  // those on more than one thread
};

// The analysed columns of `x` (one per selected feature) in model order:
// drops the columns --drop-constant left out.
Eigen::MatrixXd model_columns(const linalg::PcaModel& model, const Selection& sel,
                              const Eigen::Ref<const Eigen::MatrixXd>& x);

// Every chunk of `table` through `project` on the parsing threads, its rows
// written to `out` in input order, up to `limit` rows; the rows read. Chunks,
// not reader blocks: the scores of a fit, of a second read and of apply are
// then the same products of the same rows, whatever the thread count, and
// the same bytes.
std::int64_t write_projected(io::TableReader& table, RowWriter& out,
                             const std::function<Eigen::MatrixXd(const io::RowBlock&)>& project,
                             std::int64_t limit = std::numeric_limits<std::int64_t>::max());

// "PC1", ..., "PCk".
std::vector<std::string> component_names(Eigen::Index k);

// Everything a fit computed, for --to json: the model's keys and the conventions.
nlohmann::json details_json(const Options& o, const linalg::PcaModel& model);

// --save-model: the model as JSON, written atomically.
void save_model(const std::string& path, const linalg::PcaModel& model);

// Prints --emit summary, components or model (or, with --to json, the details).
void print_report(const Options& o, cli::Context& ctx, const linalg::PcaModel& model);

// --explain: the fit step by step, with the numbers when they are few enough to read.
// `data` holds the moments of the selected features (before any was dropped);
// the covariance matrix is printed only when they are full moments.
void print_explanation(const Options& o, cli::Context& ctx, const linalg::Partial& data,
                       const linalg::PcaModel& model);

// --partial prints a d x d co-moment matrix as JSON (~20 bytes a number):
// 4,096 columns are 16.8M numbers, ~340 MB; beyond, it is refused.
constexpr std::size_t max_partial_columns = 4096;

// A note on stderr (unless --quiet) when, without --standardize, one column
// holds over 90% of the variance and the column variances differ by more
// than 100x: the PCA then mostly measures that column's units.
void note_scale(const cli::Context& ctx, const linalg::PcaModel& model, const linalg::Moments& moments,
                const std::vector<std::string>& names);

int run_fit(const Options& o, cli::Context& ctx);      // mlm-pca [FILE]
int run_apply(const Options& o, cli::Context& ctx);    // apply --model M [FILE]
int run_inverse(const Options& o, cli::Context& ctx);  // inverse --model M [FILE]
int run_merge(const Options& o, cli::Context& ctx);    // merge PARTIAL...

}  // namespace mlm::pca_tool
