// CSV and TSV rows, RFC 4180 quoting on one line: a field that starts with `"`
// runs to the closing quote, `""` inside it is one quote. Blank lines are skipped.
#pragma once

#include "io/cell.hpp"
#include "io/line_source.hpp"

#include <bit>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

namespace mlm::io {

// The first `delimiter` in [p, end), or end. Cells are mostly short, and a
// memchr call per cell was 16% of mlm-entropy's time on 20M numbers of 8
// characters (perf): test 8 bytes at a time instead (SWAR: a byte of x is zero
// where the delimiter is; the lowest flagged byte is exactly the first zero).
inline const char* find_delimiter(const char* p, const char* end, char delimiter) {
    if constexpr (std::endian::native == std::endian::little) {
        constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
        const std::uint64_t pattern = ones * static_cast<unsigned char>(delimiter);
        for (; end - p >= 8; p += 8) {
            std::uint64_t word;
            std::memcpy(&word, p, 8);
            std::uint64_t x = word ^ pattern;
            std::uint64_t found = (x - ones) & ~x & highs;
            if (found) return p + (std::countr_zero(found) >> 3);
        }
    }
    for (; p < end; ++p)
        if (*p == delimiter) return p;
    return end;
}


// Splits one line into cells. Quoted fields are unescaped into `scratch`
// (reserved so the views stay valid). Throws InputError on a bad quote.
void split_csv_line(std::string_view line, char delimiter, std::vector<Cell>& cells,
                    std::string& scratch, const std::string& file, std::size_t line_number);

class CsvRows {
public:
    CsvRows(LineSource& lines, char delimiter) : lines_(lines), delimiter_(delimiter) {}
    // The next non-blank row; false at end of input.
    bool next(std::vector<Cell>& cells);
    std::size_t line() const { return lines_.line_number(); }

private:
    LineSource& lines_;
    char delimiter_;
    std::string scratch_;
};

}  // namespace mlm::io
