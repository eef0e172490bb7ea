// JSON and JSON Lines rows. A JSON document is an array of arrays, an array of
// objects or an object of column arrays; JSON Lines is one array or object per
// line. Objects name their columns (keys in order of first appearance).
//
// Both are read with nlohmann's SAX parser (io/json_sax.hpp) into cells, without a
// document tree: nesting deeper than max_json_depth is refused where it is
// met (a tree of 100,000 `[` overflowed the stack), a key that stands twice
// in one object is an error instead of a silent last-wins, keys are looked up
// in a hash map (10,000-key objects were O(k^2)), and every cell keeps the
// line and column where it starts in the file, for messages.
#pragma once

#include "error.hpp"
#include "io/cell.hpp"
#include "io/line_source.hpp"

#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace mlm::io {

// Where something is in a file: 1-based line and column (bytes); 0 when unknown.
struct Place {
    std::size_t line = 0, column = 0;
};

struct OwnedCell {
    std::string text;
    CellKind kind = CellKind::json_null;
    double number = 0;
};

// A table is an array of rows of cells: three levels. Deeper values can only be
// cells that are themselves arrays or objects (an error where a number is
// asked, text elsewhere), so this leaves room for them, not for hostile input.
inline constexpr std::size_t max_json_depth = 64;

// A document that may still be JSON Lines: a syntax error after a first value,
// or a document that is one row (an array of scalars, an object of scalars).
// The table reader falls back to JSON Lines when its first line is one value.
class NotOneTable : public InputError {
public:
    using InputError::InputError;
};

// Converts one JSON value to a cell (numbers keep their value and literal).
OwnedCell json_cell(const nlohmann::json& value);

// A whole JSON document as a tree, for the small files tools read that are not
// tables (models, partials). Throws InputError with the line and column of a
// syntax error, or of nesting deeper than max_json_depth.
nlohmann::json parse_json_document(const std::string& text, const std::string& file);
// The same, read whole from `path` ("-": standard input); IoError when unreadable.
nlohmann::json read_json_document(const std::string& path);

// True when `text` is one complete JSON value nested no deeper than
// max_json_depth: how detection tells JSON Lines from a document.
bool is_json_value(std::string_view text);

// One row as read: its cells, where each starts, and where the row starts and ends.
struct JsonRow {
    std::vector<OwnedCell> cells;
    std::vector<Place> places;  // one per cell; line 0 for a key the row lacks
    Place start, end;
    // Where cell j starts; past the last cell, the row's end; a key the row
    // lacks, the row's start.
    Place place(std::size_t j) const {
        if (j >= places.size()) return end;
        return places[j].line ? places[j] : start;
    }
};

// Column names by key, with their positions: O(1) per key of a wide object.
struct KeyIndex {
    std::vector<std::string> names;
    std::unordered_map<std::string, std::size_t> index;
    std::size_t find(const std::string& key) const {
        auto it = index.find(key);
        return it == index.end() ? static_cast<std::size_t>(-1) : it->second;
    }
    std::size_t add(const std::string& key) {
        index.emplace(key, names.size());
        names.push_back(key);
        return names.size() - 1;
    }
};

class JsonRows {
public:
    // Parses the whole document `text`. Throws InputError, or NotOneTable where
    // the text may be JSON Lines.
    JsonRows(const std::string& text, const std::string& file);
    // Column names when the document has them (objects), else nullopt.
    const std::optional<std::vector<std::string>>& names() const { return names_; }
    bool next(std::vector<Cell>& cells);
    // The line where the row last returned starts.
    std::size_t line() const { return rows_[next_ - 1].start.line; }
    // Where cell j of the row last returned starts (see JsonRow::place).
    Place place(std::size_t j) const { return rows_[next_ - 1].place(j); }

private:
    std::optional<std::vector<std::string>> names_;
    std::vector<JsonRow> rows_;
    std::size_t next_ = 0;
};

struct JsonKeyState;

class JsonLinesRows {
public:
    explicit JsonLinesRows(LineSource& lines) : lines_(lines) {}
    // Names from the first line when it is an object; call before next().
    const std::optional<std::vector<std::string>>& names();
    bool next(std::vector<Cell>& cells);
    std::size_t line() const { return lines_.line_number(); }
    Place place(std::size_t j) const { return current_.place(j); }

private:
    bool read_line();  // parses the next non-blank line into current_
    LineSource& lines_;
    std::optional<std::vector<std::string>> names_;
    std::shared_ptr<JsonKeyState> keys_;  // the keys of the first line, if an object
    JsonRow current_;
    bool have_current_ = false;
    bool started_ = false;
};

}  // namespace mlm::io
