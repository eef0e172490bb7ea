#include "io/json_rows.hpp"

#include "error.hpp"
#include "io/number.hpp"

#include <nlohmann/json.hpp>
#include <charconv>

namespace mlm::io {

using nlohmann::json;

namespace {

// nlohmann's message "[json.exception.parse_error.101] parse error at line 2,
// column 5: syntax error ..." becomes file:2:5: syntax error ... A number too
// large for a double ("[json.exception.out_of_range.406] number overflow parsing
// '1e400'") has no position: it gets the line of a JSON Lines value, if any.
// `line` is the line a JSON Lines value is on (0 for a whole document).
[[noreturn]] void throw_json_error(const json::exception& e, const std::string& file, std::size_t line = 0) {
    // No std::regex here: its recursion overflows the stack on the megabytes of
    // "last read: '...'" an unterminated string puts in the message.
    std::string_view what = e.what();
    std::size_t id_end = what.find("] ");
    if (id_end != std::string_view::npos) what.remove_prefix(id_end + 2);
    std::size_t at_line = 0, at_column = 0;
    std::size_t pos = what.find("at line ");
    if (pos != std::string_view::npos) {
        const char* p = what.data() + pos + 8;
        const char* end = what.data() + what.size();
        auto [after_line, e1] = std::from_chars(p, end, at_line);
        std::string_view rest(after_line, end - after_line);
        if (e1 == std::errc() && rest.substr(0, 9) == ", column ") {
            auto [after_column, e2] = std::from_chars(rest.data() + 9, end, at_column);
            rest = std::string_view(after_column, end - after_column);
            if (e2 == std::errc() && rest.substr(0, 2) == ": ") {
                what = rest.substr(2);
                at_line += line ? line - 1 : 0;
            } else {
                at_line = at_column = 0;
            }
        } else {
            at_line = 0;
        }
    }
    std::string message = "invalid JSON: " + std::string(what.substr(0, 200));
    if (what.size() > 200) message += "...";
    if (at_line) throw InputError(message, file, at_line, at_column);
    throw InputError(message, file, line);
}

std::vector<OwnedCell> cells_of_array(const json& row) {
    std::vector<OwnedCell> cells;
    cells.reserve(row.size());
    for (const auto& v : row) cells.push_back(json_cell(v));
    return cells;
}

std::vector<OwnedCell> cells_of_object(const json& row, std::vector<std::string>& names) {
    std::vector<OwnedCell> cells(names.size());
    for (auto it = row.begin(); it != row.end(); ++it) {
        std::size_t j = 0;
        while (j < names.size() && names[j] != it.key()) ++j;
        if (j == names.size()) {
            names.push_back(it.key());
            cells.emplace_back();
        }
        cells[j] = json_cell(it.value());
    }
    return cells;
}

void to_views(const std::vector<OwnedCell>& owned, std::vector<Cell>& cells) {
    cells.clear();
    for (const auto& c : owned) cells.push_back(Cell{c.text, c.kind, c.number});
}

}  // namespace

OwnedCell json_cell(const json& value) {
    switch (value.type()) {
    case json::value_t::null: return {"", CellKind::json_null, 0};
    case json::value_t::string: return {value.get<std::string>(), CellKind::json_string, 0};
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float: {
        double x = value.get<double>();
        return {value.is_number_float() ? format_number(x) : value.dump(), CellKind::json_number, x};
    }
    default: return {value.dump(), CellKind::json_other, 0};
    }
}

json parse_json_document(const std::string& text, const std::string& file) {
    try {
        return json::parse(text);
    } catch (const json::exception& e) {
        throw_json_error(e, file);
    }
}

JsonRows::JsonRows(const json& doc, const std::string& file) {
    if (doc.is_object()) {  // object of column arrays
        names_.emplace();
        std::size_t n = 0;
        for (auto it = doc.begin(); it != doc.end(); ++it) {
            if (!it.value().is_array())
                throw InputError("column \"" + it.key() + "\" is not an array", file);
            if (!names_->empty() && it.value().size() != n)
                throw InputError("column \"" + it.key() + "\" has " + std::to_string(it.value().size()) +
                                 " values, expected " + std::to_string(n), file);
            n = it.value().size();
            names_->push_back(it.key());
        }
        rows_.assign(n, std::vector<OwnedCell>(names_->size()));
        std::size_t j = 0;
        for (auto it = doc.begin(); it != doc.end(); ++it, ++j)
            for (std::size_t i = 0; i < n; ++i) rows_[i][j] = json_cell(it.value()[i]);
        return;
    }
    if (!doc.is_array())
        throw InputError("expected a JSON array of rows or an object of columns", file);
    bool objects = !doc.empty() && doc.front().is_object();
    if (objects) names_.emplace();
    for (std::size_t i = 0; i < doc.size(); ++i) {
        const json& row = doc[i];
        if (objects && row.is_object()) rows_.push_back(cells_of_object(row, *names_));
        else if (!objects && row.is_array()) rows_.push_back(cells_of_array(row));
        else
            throw InputError(std::string("row ") + std::to_string(i + 1) + " is not " +
                             (objects ? "an object" : "an array") + " like the first", file);
    }
    if (objects)  // rows read before a key first appeared lack it: null
        for (auto& r : rows_) r.resize(names_->size());
}

bool JsonRows::next(std::vector<Cell>& cells) {
    if (next_ == rows_.size()) return false;
    to_views(rows_[next_++], cells);
    return true;
}

bool JsonLinesRows::read_line() {
    std::string_view line;
    while (lines_.next(line)) {
        if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
        json value;
        try {
            value = json::parse(line.begin(), line.end());
        } catch (const json::exception& e) {
            throw_json_error(e, lines_.name(), lines_.line_number());
        }
        if (value.is_object()) {
            if (!names_) {
                names_.emplace();
                for (auto it = value.begin(); it != value.end(); ++it) names_->push_back(it.key());
            }
            current_.assign(names_->size(), OwnedCell{});
            for (auto it = value.begin(); it != value.end(); ++it) {
                for (std::size_t j = 0; j < names_->size(); ++j)
                    if ((*names_)[j] == it.key()) current_[j] = json_cell(it.value());
            }
        } else if (value.is_array() && !names_) {
            current_ = cells_of_array(value);
        } else {
            throw InputError(names_ ? "expected a JSON object like the first line"
                                    : "expected a JSON array or object", lines_.name(), lines_.line_number());
        }
        return true;
    }
    return false;
}

const std::optional<std::vector<std::string>>& JsonLinesRows::names() {
    if (!started_) {
        started_ = true;
        have_current_ = read_line();
    }
    return names_;
}

bool JsonLinesRows::next(std::vector<Cell>& cells) {
    names();
    if (!have_current_) have_current_ = read_line();
    if (!have_current_) return false;
    to_views(current_, cells);
    have_current_ = false;
    return true;
}

}  // namespace mlm::io
