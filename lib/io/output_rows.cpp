#include "io/output_rows.hpp"

#include "io/number.hpp"

namespace mlm::io {

void append_number_rows(std::string& out, const double* values, std::size_t rows, std::size_t columns,
                        std::size_t row_step, std::size_t column_step, char delimiter, int precision) {
    // Laid out in a buffer on the stack, appended to `out` about 4 KB at a time.
    char buffer[4096];
    char* const full = buffer + sizeof buffer - (max_number_chars + 2);
    char* p = buffer;
    for (std::size_t i = 0; i < rows; ++i) {
        const double* x = values + i * row_step;
        for (std::size_t j = 0; j < columns; ++j, x += column_step) {
            if (p > full) {
                out.append(buffer, static_cast<std::size_t>(p - buffer));
                p = buffer;
            }
            if (j) *p++ = delimiter;
            p = write_number(p, *x, precision);
        }
        *p++ = '\n';
    }
    out.append(buffer, static_cast<std::size_t>(p - buffer));
}

}  // namespace mlm::io
