#include "io/json_rows.hpp"

#include "io/json_sax.hpp"
#include "io/number.hpp"
#include "io/raw_bytes.hpp"

#include <nlohmann/json.hpp>

namespace mlm::io {

using nlohmann::json;

namespace {

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
JsonRows::JsonRows(const std::string& text, const std::string& file) {
    JsonKeyState keys;
    JsonTable sax = parse_json_table(text, file, keys);
    if (sax.columns) {  // transpose the columns into rows
        names_ = std::move(keys.keys->names);
        std::size_t n = sax.column_values.empty() ? 0 : sax.column_values.front().cells.size();
        rows_.resize(n);
        for (std::size_t i = 0; i < n; ++i) {
            JsonRow& row = rows_[i];
            for (auto& column : sax.column_values) {
                row.cells.push_back(std::move(column.cells[i]));
                row.places.push_back(column.places[i]);
            }
            row.start = row.places.front();
            row.end = row.places.back();
        }
        return;
    }
    rows_ = std::move(sax.rows);
    if (keys.keys) {
        names_ = std::move(keys.keys->names);
        for (auto& row : rows_) {  // rows read before a key first appeared lack it: null
            row.cells.resize(names_->size());
            row.places.resize(names_->size());
        }
    }
}

bool JsonRows::next(std::vector<Cell>& cells) {
    if (next_ == rows_.size()) return false;
    to_views(rows_[next_++].cells, cells);
    return true;
}

bool JsonLinesRows::read_line() {
    std::string_view line;
    while (lines_.next(line)) {
        if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
        if (!keys_) keys_ = std::make_shared<JsonKeyState>();
        JsonKeyState& keys = *keys_;
        parse_json_line(line, lines_.name(), lines_.line_number(), keys, current_);
        if (keys.keys && !names_) {
            names_ = keys.keys->names;
            keys.fixed = true;
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
    to_views(current_.cells, cells);
    have_current_ = false;
    return true;
}

nlohmann::json read_json_document(const std::string& path) {
    std::string text;
    for_each_chunk(path, [&](std::string_view chunk) { text.append(chunk); });
    return parse_json_document(text, path);
}

}  // namespace mlm::io
