#include "io/csv_rows.hpp"

#include "error.hpp"

#include <bit>
#include <cstdint>
#include <cstring>
#ifdef __AVX2__
#include <immintrin.h>
#endif

namespace mlm::io {

namespace {

#ifdef __AVX2__
// Splits the quote-free 32-byte chunks at the start of a line with one compare
// per chunk rather than a search per cell, and returns where the first cell
// not yet split begins: the general loop goes on from there (it would have
// split the quote-free prefix the same way).
const char* split_unquoted_prefix(std::string_view line, char delimiter, std::vector<Cell>& cells) {
    const char* base = line.data();
    const std::size_t n = line.size();
    const __m256i delimiters = _mm256_set1_epi8(delimiter), quotes = _mm256_set1_epi8('"');
    std::size_t start = 0;
    for (std::size_t i = 0; n - i >= 32; i += 32) {
        __m256i bytes = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(base + i));
        if (_mm256_movemask_epi8(_mm256_cmpeq_epi8(bytes, quotes))) break;
        auto found = static_cast<std::uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(bytes, delimiters)));
        while (found) {
            std::size_t at = i + static_cast<std::size_t>(std::countr_zero(found));
            cells.push_back(Cell{std::string_view(base + start, at - start), CellKind::text, 0});
            start = at + 1;
            found &= found - 1;
        }
    }
    return base + start;
}
#endif

}  // namespace

void split_csv_line(std::string_view line, char delimiter, std::vector<Cell>& cells,
                    std::string& scratch, const std::string& file, std::size_t line_number) {
    cells.clear();
    scratch.clear();
    scratch.reserve(line.size());
    const char* p = line.data();
    const char* end = p + line.size();
#ifdef __AVX2__
    if (delimiter != '"') p = split_unquoted_prefix(line, delimiter, cells);
#endif
    for (;;) {
        if (p < end && *p == '"') {
            std::size_t column = cells.size() + 1;
            std::size_t start = scratch.size();
            ++p;
            for (;;) {
                const char* q = static_cast<const char*>(std::memchr(p, '"', end - p));
                if (!q) throw InputError("unterminated quoted field", file, line_number, column);
                scratch.append(p, q);
                p = q + 1;
                if (p < end && *p == '"') { scratch.push_back('"'); ++p; continue; }
                break;
            }
            cells.push_back(Cell{std::string_view(scratch).substr(start), CellKind::text, 0});
            if (p == end) return;
            if (*p != delimiter)
                throw InputError("unexpected character after closing quote", file, line_number, column);
            ++p;
        } else {
            const char* q = find_delimiter(p, end, delimiter);
            if (q == end) {
                cells.push_back(Cell{std::string_view(p, end - p), CellKind::text, 0});
                return;
            }
            cells.push_back(Cell{std::string_view(p, q - p), CellKind::text, 0});
            p = q + 1;
        }
    }
}

bool CsvRows::next(std::vector<Cell>& cells) {
    std::string_view line;
    while (lines_.next(line)) {
        // In TSV a line of tabs is a row of empty cells, not a blank line. A
        // loop, not find_first_not_of: this runs once per input line.
        std::size_t i = 0;
        while (i < line.size() && (line[i] == ' ' || (line[i] == '\t' && delimiter_ != '\t'))) ++i;
        if (i == line.size()) continue;
        split_csv_line(line, delimiter_, cells, scratch_, lines_.name(), lines_.line_number());
        return true;
    }
    return false;
}

}  // namespace mlm::io
