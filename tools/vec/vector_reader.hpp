// Rows as vectors: every selected column a number, and a leading text column
// (a word, a user id) the row's label. Whether column 1 is a label is decided
// on the first data row: a cell there that is not a number makes the column
// a label column; otherwise it is the vector's first component, read from
// its text the way the table reader reads numbers.
#pragma once

#include "cli/context.hpp"
#include "io/table.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mlm::vec_tool {

using io::RowMatrix;

// A block of rows: their vectors, labels and where each came from.
class VectorBlock {
public:
    Eigen::Map<const RowMatrix> values() const;
    std::size_t rows() const { return raw_.rows(); }
    bool labeled() const { return labeled_; }
    std::string_view label(std::size_t r) const { return labeled_ ? raw_.text(r, 0) : std::string_view(); }
    // Where a row came from, for messages.
    const std::string& file(std::size_t r) const { return raw_.file(r); }
    std::size_t line(std::size_t r) const { return raw_.line(r); }
    // The label, or "row N" (1-based over the whole input) when there is none.
    std::string name(std::size_t r) const;
    std::int64_t first_row() const { return first_row_; }

private:
    friend class VectorReader;
    io::RowBlock raw_;
    RowMatrix parsed_;  // when column 1 is a component read from text
    bool labeled_ = false, text_first_ = false;
    std::int64_t first_row_ = 0;
};

class VectorReader {
public:
    VectorReader(const cli::Context& ctx, const std::vector<std::string>& files);

    bool labeled() const { return labeled_; }
    Eigen::Index dimension() const { return static_cast<Eigen::Index>(components_.size()); }
    // The components' column names.
    const std::vector<std::string>& names() const { return components_; }
    // The label column's name ("" when there is none).
    const std::string& label_name() const { return label_name_; }
    const std::string& file() const { return table_.file(); }

    // Replaces `block` with the next rows; false at the end.
    bool next(VectorBlock& block, std::size_t max_rows = 4096);
    std::int64_t rows_read() const { return rows_; }
    const io::TableReader& table() const { return table_; }

private:
    void parse_first_column(VectorBlock& block) const;
    io::TableReader table_;
    std::optional<VectorBlock> pending_;
    bool labeled_ = false, text_first_ = false;
    std::vector<std::string> components_;
    std::string label_name_;
    std::int64_t rows_ = 0;
};

// Rows a block holds for d components: about 1 MB of numbers, 64 to 4096 rows.
std::size_t block_rows(Eigen::Index d);

}  // namespace mlm::vec_tool
