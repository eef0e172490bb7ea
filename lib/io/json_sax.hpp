// The SAX handler behind JsonRows and JsonLinesRows (internal to lib/io): JSON
// text straight to rows of cells and the places they start, through
// nlohmann's SAX parser, with the depth limit and the duplicate-key check.
#pragma once

#include "io/json_rows.hpp"

#include <string_view>

namespace mlm::io {

// Column names by key shared by the rows of one table, and which keys the
// object being read has had so far (duplicates are an error).
struct JsonKeyState {
    std::optional<KeyIndex> keys;  // set once rows are objects
    bool fixed = false;            // JSON Lines: names come from the first line
    std::vector<std::size_t> seen;  // per column: serial of the object it was last seen in
    std::vector<Place> key_places;
    std::unordered_map<std::string, Place> unknown;  // keys outside a fixed set, this object
    std::size_t serial = 0;
    std::optional<bool> objects;  // JSON Lines: whether the first line was an object
};

// A document read as a table: its rows, or for an object of column arrays its columns.
struct JsonTable {
    std::vector<JsonRow> rows;
    bool columns = false;
    std::vector<JsonRow> column_values;
};

// Parses a whole document whose top value is the table. Throws InputError, or
// NotOneTable where the text may be JSON Lines.
JsonTable parse_json_table(std::string_view text, const std::string& file, JsonKeyState& keys);

// Parses one JSON Lines line, whose top value is one row, into `row` (its
// buffers reused). `line_number` is the line's number in the file.
void parse_json_line(std::string_view line, const std::string& file, std::size_t line_number, JsonKeyState& keys,
                     JsonRow& row);

}  // namespace mlm::io
