// One cell of an input row, as the format readers hand it to the table reader:
// a view of its text, and for JSON its type (JSON is typed, CSV is not).
#pragma once

#include <string_view>

namespace mlm::io {

enum class CellKind : unsigned char {
    text,         // CSV/TSV: the unquoted text, parsed later as the column asks
    json_number,  // `number` holds the value, `text` its literal
    json_string,
    json_null,
    json_other,   // an array, object or boolean where a cell was expected
};

struct Cell {
    std::string_view text;
    CellKind kind = CellKind::text;
    double number = 0;
};

}  // namespace mlm::io
