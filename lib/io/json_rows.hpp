// JSON and JSON Lines rows. A JSON document is an array of arrays, an array of
// objects or an object of column arrays; JSON Lines is one array or object per
// line. Objects name their columns (keys in order of first appearance).
#pragma once

#include "io/cell.hpp"
#include "io/line_source.hpp"

#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

namespace mlm::io {

struct OwnedCell {
    std::string text;
    CellKind kind = CellKind::json_null;
    double number = 0;
};

// Converts one JSON value to a cell (numbers keep their value and literal).
OwnedCell json_cell(const nlohmann::json& value);

// A whole JSON document, parsed at once (JSON is for small and medium tables).
// parse_json_document() throws InputError with the line and column of a syntax error.
nlohmann::json parse_json_document(const std::string& text, const std::string& file);

class JsonRows {
public:
    JsonRows(const nlohmann::json& doc, const std::string& file);
    // Column names when the document has them (objects), else nullopt.
    const std::optional<std::vector<std::string>>& names() const { return names_; }
    bool next(std::vector<Cell>& cells);
    // 1-based index of the row last returned (JSON has no useful line numbers).
    std::size_t row() const { return next_; }

private:
    std::optional<std::vector<std::string>> names_;
    std::vector<std::vector<OwnedCell>> rows_;
    std::size_t next_ = 0;
};

class JsonLinesRows {
public:
    explicit JsonLinesRows(LineSource& lines) : lines_(lines) {}
    // Names from the first line when it is an object; call before next().
    const std::optional<std::vector<std::string>>& names();
    bool next(std::vector<Cell>& cells);
    std::size_t line() const { return lines_.line_number(); }

private:
    bool read_line();  // parses the next non-blank line into current_
    LineSource& lines_;
    std::optional<std::vector<std::string>> names_;
    std::vector<OwnedCell> current_;
    bool have_current_ = false;
    bool started_ = false;
};

}  // namespace mlm::io
