// Reading rows as vectors, and deciding whether column 1 is their label.
#include "vec/vector_reader.hpp"

#include "error.hpp"
#include "io/number.hpp"
#include "io/quoted.hpp"

#include <algorithm>

namespace mlm::vec_tool {

Eigen::Map<const RowMatrix> VectorBlock::values() const {
    if (!text_first_) return raw_.matrix();
    return {parsed_.data(), parsed_.rows(), parsed_.cols()};
}

std::string VectorBlock::name(std::size_t r) const {
    if (labeled_) return io::quoted(label(r));
    return "row " + std::to_string(first_row_ + static_cast<std::int64_t>(r) + 1);
}

std::size_t block_rows(Eigen::Index d) {
    const std::size_t per_row = static_cast<std::size_t>(std::max<Eigen::Index>(d, 1));
    return std::clamp<std::size_t>((1u << 17) / per_row, 64, 4096);
}

VectorReader::VectorReader(const cli::Context& ctx, const std::vector<std::string>& files)
    : table_(ctx.open_table(files)) {
    const auto& names = table_.names();
    std::vector<std::size_t> selected = ctx.selected_columns(table_);
    // Column 1 may be the label unless -c asks for it as a number.
    const bool candidate = std::find(selected.begin(), selected.end(), 0) == selected.end() ||
                           ctx.options().columns.empty();
    if (ctx.options().columns.empty()) selected.erase(selected.begin());
    std::vector<io::ColumnRequest> requests;
    for (auto j : selected) requests.push_back({j, io::ColumnType::number});
    if (candidate) requests.push_back({0, io::ColumnType::text});
    table_.select(requests);

    VectorBlock first;
    if (!table_.read_block(first.raw_, 64)) throw InputError("no data rows", table_.file());
    if (candidate) {
        double x = 0;
        labeled_ = io::parse_number(first.raw_.text(0, 0), x) == io::ParseResult::invalid;
        // Without -c, column 1 is a component when it is not a label.
        text_first_ = !labeled_ && ctx.options().columns.empty();
    }
    if (text_first_) components_.push_back(names[0]);
    for (auto j : selected) components_.push_back(names[j]);
    if (labeled_) label_name_ = names[0];
    if (components_.empty()) throw InputError("no number columns: the rows hold only a label", table_.file());
    first.labeled_ = labeled_;
    first.text_first_ = text_first_;
    parse_first_column(first);
    rows_ = static_cast<std::int64_t>(first.rows());
    pending_ = std::move(first);
}

bool VectorReader::next(VectorBlock& block, std::size_t max_rows) {
    if (pending_) {
        block = std::move(*pending_);
        pending_.reset();
        return true;
    }
    if (!table_.read_block(block.raw_, max_rows)) return false;
    block.labeled_ = labeled_;
    block.text_first_ = text_first_;
    block.first_row_ = rows_;
    rows_ += static_cast<std::int64_t>(block.rows());
    parse_first_column(block);
    return true;
}

// Column 1 read as text, parsed here: the components in order, column 1 first.
void VectorReader::parse_first_column(VectorBlock& block) const {
    if (!block.text_first_) return;
    const io::RowBlock& raw = block.raw_;
    const std::size_t n = raw.rows();
    const auto d = static_cast<std::size_t>(dimension());
    block.parsed_.resize(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(d));
    for (std::size_t r = 0; r < n; ++r) {
        const auto text = raw.text(r, 0);
        // The table reader's own messages for a numeric cell, at column 1.
        auto fail = [&](const std::string& message) { throw InputError(message, raw.file(r), raw.line(r), 1); };
        double x = 0;
        switch (io::parse_number(text, x)) {
            case io::ParseResult::ok: break;
            case io::ParseResult::empty: fail("missing value in column '" + components_[0] + "'"); break;
            case io::ParseResult::invalid: fail("expected a number, got " + io::quoted(text)); break;
            case io::ParseResult::out_of_range: fail("number out of range: " + io::quoted(text)); break;
        }
        double* row = block.parsed_.data() + r * d;
        row[0] = x;
        for (std::size_t j = 1; j < d; ++j) row[j] = raw.number(r, j - 1);
    }
}

}  // namespace mlm::vec_tool
