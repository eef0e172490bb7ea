// The table reader every tool reads through: CSV, TSV, JSON or JSON Lines from
// files or standard input, format and header detected, selected columns parsed
// as numbers or kept as text, delivered whole or in row blocks for one-pass
// streaming algorithms (CONTRACT.md section 3).
#pragma once

#include "io/cell.hpp"
#include "io/row_store.hpp"

#include <Eigen/Core>
#include <any>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace mlm::io {

enum class Format { detect, csv, tsv, json, jsonl };
enum class HeaderMode { detect, present, absent };

struct ReadOptions {
    Format format = Format::detect;
    char delimiter = 0;  // 0: ',' for CSV, tab for TSV
    HeaderMode header = HeaderMode::detect;
    bool skip_missing = false;  // drop rows with a missing selected cell instead of failing
    // Receives notes for the user (which way a header guess went), one line
    // each without the tool's name; none: no notes. The reader never prints.
    std::function<void(const std::string&)> note;
    // The name the progress meter shows on a terminal's stderr (io/progress.hpp);
    // empty: no meter.
    std::string progress_label;
    // Threads that parse CSV and TSV (1: parsing on the calling thread). The
    // rows come out in input order whatever the number, in the same blocks.
    std::size_t threads = 1;
    // The nominal size of the pieces a CSV or TSV input is cut into, each
    // parsed on its own (0: MLM_CHUNK_BYTES from the environment, for tests,
    // else 1 MiB). A block never spans two pieces, so blocks do not depend on
    // `threads`.
    std::size_t chunk_bytes = 0;
};

// How a selected column is read.
enum class ColumnType {
    number,  // parsed as a double; anything else is an error at its cell
    text,    // kept as text (labels, categories, ids); never parsed
};

struct ColumnRequest {
    std::size_t index;  // 0-based, into TableReader::names()
    ColumnType type;
};

using RowMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// A block of rows of the selected columns: numbers row-major (one row per input
// row, one column per number request, in request order) and text cells as views
// of the bytes read (io/row_store.hpp), so no string is built per cell. A block
// keeps what it shows alive: it stays valid after later reads, and copies share.
class RowBlock {
public:
    std::size_t rows() const { return rows_; }
    std::size_t number_columns() const { return number_columns_; }
    std::size_t text_columns() const { return text_columns_; }

    double number(std::size_t row, std::size_t j) const { return numbers_[row * number_columns_ + j]; }
    std::string_view text(std::size_t row, std::size_t j) const { return texts_[row * text_columns_ + j]; }
    // The numbers as a rows x number_columns() matrix, without a copy.
    Eigen::Map<const RowMatrix> matrix() const {
        return {numbers_, static_cast<Eigen::Index>(rows_), static_cast<Eigen::Index>(number_columns_)};
    }
    // Where a row came from, for messages: the line it starts on, and its file.
    std::size_t line(std::size_t row) const { return line_base_ + store_->lines[first_ + row]; }
    const std::string& file(std::size_t row) const {
        return (*files_)[store_->files.empty() ? store_->file : store_->files[first_ + row]];
    }

    void clear();

private:
    friend class TableReader;
    // Shows rows [first, first + rows) of `store`, whose lines count from `line_base`.
    void show(std::shared_ptr<const RowStore> store, std::size_t first, std::size_t rows, std::size_t line_base);
    std::size_t rows_ = 0, number_columns_ = 0, text_columns_ = 0;
    std::shared_ptr<const RowStore> store_;
    const double* numbers_ = nullptr;
    const std::string_view* texts_ = nullptr;
    std::size_t first_ = 0, line_base_ = 0;
    std::shared_ptr<const std::vector<std::string>> files_;
};

class TableReader {
public:
    // Reads the files one after another as one table ("-" is standard input;
    // no files means standard input). Every file must have the same columns.
    // Throws InputError "no data rows" when no file has a data row, so that
    // an empty input is status 3 whatever the tool (not an unknown column).
    TableReader(std::vector<std::string> paths, ReadOptions options);
    // Reads a table held in memory (tests, and tools that read a small file twice).
    static TableReader from_string(std::string name, std::string text, ReadOptions options);
    ~TableReader();
    TableReader(TableReader&&) noexcept;
    TableReader& operator=(TableReader&&) noexcept;

    // Column names from the header, or "1", "2", ... without one.
    const std::vector<std::string>& names() const;
    bool has_header() const;
    Format format() const;
    // The name of the file being read, for messages.
    const std::string& file() const;

    // Which columns to read, and how. Unselected columns are not parsed.
    void select(std::vector<ColumnRequest> columns);
    // Shorthands: these columns (a -c spec; empty: all) as numbers.
    void select_numbers(const std::vector<std::size_t>& indexes);

    // Replaces `block` with up to `max_rows` rows; false when no row is left.
    bool read_block(RowBlock& block, std::size_t max_rows = 4096);
    // Every remaining row in one block.
    RowBlock read_all();

    // Every remaining row, as partial results: `reduce` runs on each chunk's
    // rows as one block, on the parsing threads for CSV and TSV (so it may
    // only read what it shares), on this thread for the rows read ahead and
    // for JSON; `take` gets the results here, in input order. The blocks do
    // not depend on ReadOptions::threads, so neither does what `take` gets.
    // A block's line(r) counts from its chunk's start (the lines before it are
    // not counted yet): what `reduce` throws is thrown in its turn, before the
    // errors of later rows, an InputError's line made the file's.
    using ChunkReduce = std::function<std::any(const RowBlock&)>;
    void reduce_chunks(const ChunkReduce& reduce, const std::function<void(std::any&)>& take);

    // The threads it parses with (ReadOptions::threads): what a tool may
    // also use for its own work.
    std::size_t threads() const;
    // Rows dropped by skip_missing so far.
    std::size_t rows_skipped() const;
    // Input bytes consumed so far (for progress reports).
    std::size_t bytes_read() const;

private:
    struct Impl;
    explicit TableReader(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

// reduce_chunks typed: `map(const RowBlock&)` makes a partial result (on any
// thread: it must be safe to call at once from several), `merge(Partial&&)`
// folds them in input order on this thread.
template <class Map, class Merge>
void map_chunks(TableReader& table, const Map& map, Merge&& merge) {
    using Partial = std::invoke_result_t<const Map&, const RowBlock&>;
    table.reduce_chunks([&map](const RowBlock& b) { return std::any(map(b)); },
                        [&merge](std::any& p) { merge(std::move(*std::any_cast<Partial>(&p))); });
}

}  // namespace mlm::io
