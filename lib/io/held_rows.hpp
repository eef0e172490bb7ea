// Rows held once in memory, for inputs that cannot be read twice (standard
// input, a FIFO, a process substitution) and for the fits that factorize the
// data in place (the thin SVD of wide data): the numbers at 8 bytes each in
// chunks of about 1 MB mapped straight from the kernel, so a chunk given back
// is memory given back, and the --keep cells packed in one buffer.
#pragma once

#include "io/table.hpp"

#include <Eigen/Core>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace mlm::io {

// A block of doubles from mmap, unmapped when destroyed.
class Doubles {
public:
    Doubles() = default;
    explicit Doubles(std::size_t count);
    ~Doubles();
    Doubles(Doubles&& other) noexcept;
    Doubles& operator=(Doubles&& other) noexcept;
    double* data() const { return data_; }
    std::size_t size() const { return size_; }

private:
    double* data_ = nullptr;
    std::size_t size_ = 0;
};

class HeldRows {
public:
    HeldRows(Eigen::Index columns, std::size_t text_columns);

    void add(const RowBlock& block);
    std::int64_t rows() const { return rows_; }
    Eigen::Index columns() const { return columns_; }
    // The memory held: the numbers, the --keep cells and their offsets.
    std::size_t bytes() const;

    // Every number in one rows x columns row-major buffer. Each chunk is
    // released once copied: the peak is the data plus one chunk.
    Doubles take_numbers();
    using Visit = std::function<void(std::int64_t, const Eigen::Map<const RowMatrix>&)>;
    // Each block in turn as it was added (first row, rows x columns row-major
    // matrix), each chunk released once passed: the rows grouped as the reader
    // gave them, so that what is computed per block (a projection) has the
    // bits a second read of the input would give.
    void drain(const Visit& visit);
    // Each chunk in turn, kept.
    void visit(const Visit& visit) const;

    std::string_view text(std::int64_t row, std::size_t j) const;

private:
    struct Chunk {
        Doubles numbers;
        std::int64_t first = 0, rows = 0;
    };
    Eigen::Index columns_;
    std::size_t text_columns_;
    std::int64_t rows_ = 0;
    std::vector<Chunk> chunks_;
    std::vector<std::int64_t> blocks_;  // the rows of each block added
    std::string text_;
    std::vector<std::size_t> text_end_;
};

}  // namespace mlm::io
