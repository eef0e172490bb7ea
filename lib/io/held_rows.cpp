#include "io/held_rows.hpp"

#include "error.hpp"

#include <sys/mman.h>

#include <algorithm>
#include <cstring>
#include <new>
#include <utility>

namespace mlm::io {

Doubles::Doubles(std::size_t count) : size_(count) {
    if (count == 0) return;
    void* p = ::mmap(nullptr, count * sizeof(double), PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) throw std::bad_alloc();
    data_ = static_cast<double*>(p);
}

Doubles::~Doubles() {
    if (data_) ::munmap(data_, size_ * sizeof(double));
}

Doubles::Doubles(Doubles&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)) {}

Doubles& Doubles::operator=(Doubles&& other) noexcept {
    if (this != &other) {
        if (data_) ::munmap(data_, size_ * sizeof(double));
        data_ = std::exchange(other.data_, nullptr);
        size_ = std::exchange(other.size_, 0);
    }
    return *this;
}

HeldRows::HeldRows(Eigen::Index columns, std::size_t text_columns)
    : columns_(columns), text_columns_(text_columns) {}

void HeldRows::add(const io::RowBlock& block) {
    const auto m = static_cast<std::int64_t>(block.rows());
    if (m == 0) return;
    // Blocks are appended to the last chunk while it has room (~1 MB), so
    // small reader blocks do not leave a page-rounded chunk each.
    const auto width = static_cast<std::size_t>(std::max<Eigen::Index>(1, columns_));
    const std::size_t chunk_rows = std::max<std::size_t>(1, (std::size_t{1} << 17) / width);
    std::int64_t done = 0;
    const auto values = block.matrix();
    while (done < m) {
        if (chunks_.empty() || static_cast<std::size_t>(chunks_.back().rows) * width +
                                       width > chunks_.back().numbers.size()) {
            Chunk c;
            c.numbers = Doubles(std::max<std::size_t>(chunk_rows, 1) * width);
            c.first = rows_ + done;
            chunks_.push_back(std::move(c));
        }
        Chunk& c = chunks_.back();
        const auto room = static_cast<std::int64_t>(c.numbers.size() / width) - c.rows;
        const std::int64_t take = std::min(room, m - done);
        if (columns_ > 0)
            std::memcpy(c.numbers.data() + static_cast<std::size_t>(c.rows) * width,
                        values.data() + static_cast<std::size_t>(done) * width,
                        static_cast<std::size_t>(take) * width * sizeof(double));
        c.rows += take;
        done += take;
    }
    for (std::size_t i = 0; i < block.rows(); ++i)
        for (std::size_t j = 0; j < text_columns_; ++j) {
            text_.append(block.text(i, j));
            text_end_.push_back(text_.size());
        }
    rows_ += m;
    blocks_.push_back(m);
}

std::size_t HeldRows::bytes() const {
    return static_cast<std::size_t>(rows_) * static_cast<std::size_t>(columns_) * sizeof(double) +
           text_.size() + text_end_.size() * sizeof(std::size_t);
}

Doubles HeldRows::take_numbers() {
    Doubles all(static_cast<std::size_t>(rows_) * static_cast<std::size_t>(columns_));
    for (auto& c : chunks_) {
        const std::size_t count = static_cast<std::size_t>(c.rows) * static_cast<std::size_t>(columns_);
        if (count)
            std::memcpy(all.data() + static_cast<std::size_t>(c.first) * static_cast<std::size_t>(columns_),
                        c.numbers.data(), count * sizeof(double));
        c.numbers = Doubles();
    }
    chunks_.clear();
    blocks_.clear();
    return all;
}

void HeldRows::visit(const Visit& f) const {
    for (const auto& c : chunks_)
        f(c.first, Eigen::Map<const io::RowMatrix>(c.numbers.data(), c.rows, columns_));
}

void HeldRows::drain(const Visit& f) {
    const auto width = static_cast<std::size_t>(columns_);
    std::size_t c = 0;  // the chunk holding row `first`
    std::int64_t first = 0;
    io::RowMatrix spanning;  // a block that two chunks share, gathered
    for (const std::int64_t m : blocks_) {
        while (chunks_[c].first + chunks_[c].rows <= first) chunks_[c++].numbers = Doubles();
        const Chunk& k = chunks_[c];
        if (first + m <= k.first + k.rows) {
            f(first, Eigen::Map<const io::RowMatrix>(
                         k.numbers.data() + static_cast<std::size_t>(first - k.first) * width, m, columns_));
        } else {
            spanning.resize(m, columns_);
            std::size_t j = c;
            for (std::int64_t row = first; row < first + m; ++j) {
                const Chunk& part = chunks_[j];
                const std::int64_t take = std::min(first + m, part.first + part.rows) - row;
                std::memcpy(spanning.data() + static_cast<std::size_t>(row - first) * width,
                            part.numbers.data() + static_cast<std::size_t>(row - part.first) * width,
                            static_cast<std::size_t>(take) * width * sizeof(double));
                row += take;
            }
            f(first, Eigen::Map<const io::RowMatrix>(spanning.data(), m, columns_));
        }
        first += m;
    }
    chunks_.clear();
    blocks_.clear();
}

std::string_view HeldRows::text(std::int64_t row, std::size_t j) const {
    const std::size_t k = static_cast<std::size_t>(row) * text_columns_ + j;
    const std::size_t begin = k ? text_end_[k - 1] : 0;
    return std::string_view(text_).substr(begin, text_end_[k] - begin);
}

}  // namespace mlm::io
