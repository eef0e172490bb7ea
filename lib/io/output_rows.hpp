// Rows of numbers as CSV or TSV text: the per-row outputs' fast path (scores,
// predictions). The bytes are TableWriter's for a row of number cells
// (write_number's text, separated by the delimiter, a newline after each row)
// without its bookkeeping per cell: about 60 instructions a number less.
#pragma once

#include <cstddef>
#include <string>

namespace mlm::io {

// Appends `rows` lines of `columns` numbers each to `out`: number j of row i
// at values[i * row_step + j * column_step] (a column-major Eigen matrix:
// row_step 1, column_step its rows). `precision` as in write_number.
void append_number_rows(std::string& out, const double* values, std::size_t rows, std::size_t columns,
                        std::size_t row_step, std::size_t column_step, char delimiter, int precision);

}  // namespace mlm::io
