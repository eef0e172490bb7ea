// CSV and TSV rows, RFC 4180 quoting on one line: a field that starts with `"`
// runs to the closing quote, `""` inside it is one quote. Blank lines are skipped.
#pragma once

#include "io/cell.hpp"
#include "io/line_source.hpp"

#include <string>
#include <vector>

namespace mlm::io {

// The first `delimiter` in [p, end), or end (a word at a time, not memchr:
// cells are short).
const char* find_delimiter(const char* p, const char* end, char delimiter);

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
