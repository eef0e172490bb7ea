#include "io/csv_rows.hpp"

#include "error.hpp"

#include <cstring>

namespace mlm::io {

void split_csv_line(std::string_view line, char delimiter, std::vector<Cell>& cells,
                    std::string& scratch, const std::string& file, std::size_t line_number) {
    cells.clear();
    scratch.clear();
    scratch.reserve(line.size());
    const char* p = line.data();
    const char* end = p + line.size();
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
            const char* q = static_cast<const char*>(std::memchr(p, delimiter, end - p));
            if (!q) {
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
        // In TSV a line of tabs is a row of empty cells, not a blank line.
        if (line.find_first_not_of(delimiter_ == '\t' ? " " : " \t") == std::string_view::npos) continue;
        split_csv_line(line, delimiter_, cells, scratch_, lines_.name(), lines_.line_number());
        return true;
    }
    return false;
}

}  // namespace mlm::io
