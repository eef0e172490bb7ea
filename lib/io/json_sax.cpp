#include "io/json_sax.hpp"

#include "io/number.hpp"
#include "io/quoted.hpp"

#include <charconv>
#include <cstring>
#include <iterator>
#include <unordered_set>
#include <vector>
#include <nlohmann/json.hpp>

namespace mlm::io {

using nlohmann::json;

namespace {

constexpr std::size_t none = static_cast<std::size_t>(-1);

std::string depth_message() {
    return "JSON nested deeper than " + std::to_string(max_json_depth) + " levels (a table needs 3)";
}

// Where nlohmann's lexer has read to. A value's end is known when its event
// comes (one byte further for a number, whose end the lexer finds by reading
// the next byte), so the handler finds where each value starts by skipping
// the blanks and separators after the previous event.
struct TrackedIterator {
    using iterator_category = std::forward_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = const char&;
    const char* p = nullptr;
    const char** reached = nullptr;
    reference operator*() const { return *p; }
    TrackedIterator& operator++() {
        *reached = ++p;
        return *this;
    }
    TrackedIterator operator++(int) {
        TrackedIterator before = *this;
        ++*this;
        return before;
    }
    bool operator==(const TrackedIterator& o) const { return p == o.p; }
};

// Line and column of byte offsets, counted as the parse goes (offsets mostly
// come in increasing order, so the text is scanned once).
class LineCounter {
public:
    LineCounter(std::string_view text, std::size_t first_line)
        : text_(text), first_line_(first_line), line_(first_line) {}
    Place at(std::size_t offset) {
        if (offset < done_) done_ = line_start_ = 0, line_ = first_line_;
        while (done_ < offset) {
            const void* nl = std::memchr(text_.data() + done_, '\n', offset - done_);
            if (!nl) {
                done_ = offset;
                break;
            }
            done_ = static_cast<std::size_t>(static_cast<const char*>(nl) - text_.data()) + 1;
            line_start_ = done_;
            ++line_;
        }
        return {line_, offset - line_start_ + 1};
    }

private:
    std::string_view text_;
    std::size_t first_line_, line_, done_ = 0, line_start_ = 0;
};

// nlohmann's message "[json.exception.parse_error.101] parse error at line 2,
// column 5: syntax error ..." becomes "invalid JSON: syntax error ..." at 2:5,
// the megabytes of "last read: '...'" an unterminated string puts in it cut
// to 40 characters. `first_line` is the line the text starts on.
[[noreturn]] void throw_syntax_error(const json::exception& e, const std::string& file, std::size_t first_line,
                                    bool may_be_lines) {
    // No std::regex here: its recursion overflows the stack on long messages.
    std::string_view what = e.what();
    std::size_t id_end = what.find("] ");
    if (id_end != std::string_view::npos) what.remove_prefix(id_end + 2);
    std::size_t at_line = 0, at_column = 0;
    std::size_t pos = what.find("at line ");
    if (pos != std::string_view::npos) {
        const char* p = what.data() + pos + 8;
        const char* end = what.data() + what.size();
        auto [after_line, e1] = std::from_chars(p, end, at_line);
        std::string_view rest(after_line, static_cast<std::size_t>(end - after_line));
        if (e1 == std::errc() && rest.substr(0, 9) == ", column ") {
            auto [after_column, e2] = std::from_chars(rest.data() + 9, end, at_column);
            rest = std::string_view(after_column, static_cast<std::size_t>(end - after_column));
            if (e2 == std::errc() && rest.substr(0, 2) == ": ") {
                what = rest.substr(2);
                at_line += first_line - 1;
            } else {
                at_line = at_column = 0;
            }
        } else {
            at_line = 0;
        }
    }
    std::string message = "invalid JSON: ";
    std::size_t last = what.find("last read: '");
    if (last != std::string_view::npos) {
        std::string_view token = what.substr(last + 12);
        if (!token.empty() && token.back() == '\'') token.remove_suffix(1);
        message += std::string(what.substr(0, last)) + "last read: " + io::quoted(token);
    } else {
        message += excerpt(what, 200);
    }
    if (!at_line) at_line = first_line;
    if (may_be_lines) throw NotOneTable(message, file, at_line, at_column);
    throw InputError(message, file, at_line, at_column);
}

const char* kind_name(const OwnedCell& c) {
    switch (c.kind) {
    case CellKind::json_number: return "a number";
    case CellKind::json_string: return "a string";
    case CellKind::json_null: return "null";
    default: return c.text == "true" || c.text == "false" ? "a boolean" : "a value";
    }
}

// The SAX handler: a whole document (its top value is the table) or one JSON
// Lines line (its top value is one row).
class TableSax {
public:
    TableSax(std::string_view text, const char* const* reached, const std::string& file, std::size_t first_line,
             bool line_mode, JsonKeyState& keys)
        : text_(text), reached_(reached), file_(file), first_line_(first_line), line_mode_(line_mode),
          cell_depth_(line_mode ? 1 : 2), lines_(text, first_line), keys_(keys) {}

    std::vector<JsonRow> rows;  // document rows
    JsonRow row;                // the row of a line
    bool columns = false;       // a document that is an object of column arrays
    std::vector<JsonRow> column_values;  // columns, while reading an object of columns
    std::optional<NotOneTable> not_one_table;  // a shape that may be JSON Lines, said at the end

    bool null() { return scalar(OwnedCell{"", CellKind::json_null, 0}); }
    bool boolean(bool b) { return scalar(OwnedCell{b ? "true" : "false", CellKind::json_other, 0}); }
    bool number_integer(json::number_integer_t x) {
        return scalar(OwnedCell{std::to_string(x), CellKind::json_number, static_cast<double>(x)});
    }
    bool number_unsigned(json::number_unsigned_t x) {
        return scalar(OwnedCell{std::to_string(x), CellKind::json_number, static_cast<double>(x)});
    }
    bool number_float(json::number_float_t x, const std::string&) {
        return scalar(OwnedCell{format_number(x), CellKind::json_number, x});
    }
    bool string(std::string& s) { return scalar(OwnedCell{std::move(s), CellKind::json_string, 0}); }
    bool binary(json::binary_t&) { return scalar(OwnedCell{"", CellKind::json_other, 0}); }
    bool start_object(std::size_t) { return start(false); }
    bool start_array(std::size_t) { return start(true); }
    bool end_object() { return end(); }
    bool end_array() { return end(); }
    bool key(std::string& k);
    bool parse_error(std::size_t, const std::string&, const json::exception& e);

private:
    std::size_t reached() const { return static_cast<std::size_t>(*reached_ - text_.data()); }
    // Where the value of the current event starts.
    std::size_t value_start() const {
        std::size_t i = prev_end_;
        while (i < text_.size() && (text_[i] == ' ' || text_[i] == '\t' || text_[i] == '\r' ||
                                    text_[i] == '\n' || text_[i] == ',' || text_[i] == ':'))
            ++i;
        return i;
    }
    [[noreturn]] void fail(const std::string& message, Place p) const {
        throw InputError(message, file_, p.line, p.column);
    }
    // A shape that may be JSON Lines: kept until the parse ends, so that
    // nesting too deep or a syntax error further on is said first.
    void fail_lines(const std::string& message, Place p) {
        if (line_mode_) fail(message, p);
        if (!not_one_table) not_one_table.emplace(message, file_, p.line, p.column);
    }

    bool scalar(OwnedCell&& cell);
    bool start(bool is_array);
    bool end();
    void begin_row(bool objects, Place p);
    void put(OwnedCell&& cell, Place p);

    std::string_view text_;
    const char* const* reached_;
    const std::string& file_;
    std::size_t first_line_;
    bool line_mode_;
    std::size_t cell_depth_;
    LineCounter lines_;
    JsonKeyState& keys_;
    std::size_t prev_end_ = 0;
    std::size_t depth_ = 0;
    std::size_t nested_ = 0;  // depth of a container that is a cell, while inside it
    std::size_t nested_start_ = 0;
    Place nested_place_;
    std::optional<bool> row_objects_;  // document: whether rows are objects
    std::size_t column_ = none;        // the column the next value of an object goes to
    JsonRow* current_ = nullptr;       // the row being filled
};

bool TableSax::scalar(OwnedCell&& cell) {
    std::size_t start = value_start();
    prev_end_ = reached();
    if (nested_ || not_one_table) return true;  // inside a cell that is an array or object
    Place p = lines_.at(start);
    if (depth_ == cell_depth_) {
        put(std::move(cell), p);
        return true;
    }
    if (line_mode_) fail("expected a JSON array or object, got " + std::string(kind_name(cell)), p);
    if (depth_ == 0) fail("not a table: the JSON document is " + std::string(kind_name(cell)), p);
    if (columns) {
        fail_lines("column " + io::quoted(keys_.keys->names[column_]) + " is not an array", p);
        return true;
    }
    if (!row_objects_) {
        fail_lines("row 1 is " + std::string(kind_name(cell)) + ", not an array or an object", p);
        return true;
    }
    fail("row " + std::to_string(rows.size() + 1) + " is not " + (*row_objects_ ? "an object" : "an array") +
             " like the first",
         p);
}

void TableSax::put(OwnedCell&& cell, Place p) {
    if (columns) {
        current_->cells.push_back(std::move(cell));
        current_->places.push_back(p);
        return;
    }
    if (keys_.keys) {
        if (column_ == none) return;  // a key outside the first line's (JSON Lines)
        current_->cells[column_] = std::move(cell);
        current_->places[column_] = p;
        return;
    }
    current_->cells.push_back(std::move(cell));
    current_->places.push_back(p);
}

void TableSax::begin_row(bool objects, Place p) {
    if (line_mode_) {
        current_ = &row;
    } else {
        rows.emplace_back();
        current_ = &rows.back();
    }
    current_->start = p;
    if (objects) {
        if (!keys_.keys) keys_.keys.emplace();
        std::size_t k = keys_.keys->names.size();
        current_->cells.assign(k, OwnedCell{});
        current_->places.assign(k, Place{});
        ++keys_.serial;
        keys_.unknown.clear();
    }
}

bool TableSax::start(bool is_array) {
    std::size_t start = value_start();
    prev_end_ = reached();
    if (depth_ + 1 > max_json_depth) fail(depth_message(), lines_.at(start));
    ++depth_;
    if (nested_ || not_one_table) return true;
    Place p = lines_.at(start);
    if (depth_ == cell_depth_ + 1) {  // a cell that is itself an array or object
        nested_ = depth_;
        nested_start_ = start;
        nested_place_ = p;
        return true;
    }
    if (line_mode_) {  // depth 1: the row
        if (!keys_.objects) keys_.objects = !is_array;
        if (*keys_.objects == is_array)
            fail(std::string("expected a JSON ") + (is_array ? "object" : "array") + " like the first line", p);
        begin_row(!is_array, p);
        return true;
    }
    if (depth_ == 1) {
        if (!is_array) {
            columns = true;
            keys_.keys.emplace();
        }
        return true;
    }
    // depth 2: a row, or a column of an object of columns
    if (columns) {
        if (!is_array) {
            fail_lines("column " + io::quoted(keys_.keys->names[column_]) + " is not an array", p);
            nested_ = depth_;  // read past it
            return true;
        }
        column_values.emplace_back();
        current_ = &column_values.back();
        current_->start = p;
        return true;
    }
    if (!row_objects_) {
        row_objects_ = !is_array;
    } else if (*row_objects_ == is_array) {
        fail("row " + std::to_string(rows.size() + 1) + " is not " + (*row_objects_ ? "an object" : "an array") +
                 " like the first",
             p);
    }
    begin_row(!is_array, p);
    return true;
}

bool TableSax::end() {
    std::size_t end = reached() - 1;
    prev_end_ = reached();
    if (not_one_table) {
        if (depth_ == nested_) nested_ = 0;
        --depth_;
        return true;
    }
    if (nested_) {
        if (depth_ == nested_) {
            nested_ = 0;
            put(OwnedCell{std::string(text_.substr(nested_start_, prev_end_ - nested_start_)), CellKind::json_other,
                          0},
                nested_place_);
        }
        --depth_;
        return true;
    }
    if (depth_ == cell_depth_ && current_) {
        current_->end = lines_.at(end);
        if (columns) {
            const JsonRow& first = column_values.front();
            if (column_values.size() > 1 && current_->cells.size() != first.cells.size())
                fail("column " + io::quoted(keys_.keys->names[column_]) + " has " +
                         std::to_string(current_->cells.size()) + " values, expected " +
                         std::to_string(first.cells.size()),
                     current_->start);
        }
        current_ = nullptr;
    }
    --depth_;
    return true;
}

bool TableSax::key(std::string& k) {
    std::size_t start = value_start();
    prev_end_ = reached();
    if (nested_ || not_one_table) return true;
    Place p = lines_.at(start);
    KeyIndex& index = *keys_.keys;
    std::size_t j = index.find(k);
    if (j == none && keys_.fixed) {
        auto [it, fresh] = keys_.unknown.emplace(k, p);
        if (!fresh)
            fail("duplicate key " + io::quoted(k) + " (first at " + std::to_string(it->second.line) + ":" +
                     std::to_string(it->second.column) + ")",
                 p);
        column_ = none;
        return true;
    }
    if (j == none) {
        j = index.add(k);
        keys_.seen.push_back(0);
        keys_.key_places.emplace_back();
        if (!columns) {
            current_->cells.emplace_back();
            current_->places.emplace_back();
        }
    }
    std::size_t serial = columns ? 1 : keys_.serial;
    if (keys_.seen[j] == serial) {
        Place first = keys_.key_places[j];
        fail("duplicate key " + io::quoted(k) + " (first at " + std::to_string(first.line) + ":" +
                 std::to_string(first.column) + ")",
             p);
    }
    keys_.seen[j] = serial;
    keys_.key_places[j] = p;
    column_ = j;
    return true;
}

bool TableSax::parse_error(std::size_t, const std::string&, const json::exception& e) {
    if (e.id == 406) {  // a number too large for a double: an error at its cell, like CSV's
        std::size_t start = value_start(), end = start;
        while (end < text_.size() && text_[end] != '\0' && std::strchr("0123456789+-.eE", text_[end])) ++end;
        Place p = lines_.at(start);
        throw InputError("number out of range: " + io::quoted(text_.substr(start, end - start)), file_, p.line,
                         p.column);
    }
    throw_syntax_error(e, file_, first_line_, !line_mode_);
}

// Only tells whether a text is one value: nlohmann's acceptor with a depth limit.
struct ValueAcceptor {
    std::size_t depth = 0;
    bool null() { return true; }
    bool boolean(bool) { return true; }
    bool number_integer(json::number_integer_t) { return true; }
    bool number_unsigned(json::number_unsigned_t) { return true; }
    bool number_float(json::number_float_t, const std::string&) { return true; }
    bool string(std::string&) { return true; }
    bool binary(json::binary_t&) { return true; }
    bool start_object(std::size_t) { return ++depth <= max_json_depth; }
    bool start_array(std::size_t) { return ++depth <= max_json_depth; }
    bool end_object() { return --depth, true; }
    bool end_array() { return --depth, true; }
    bool key(std::string&) { return true; }
    bool parse_error(std::size_t, const std::string&, const json::exception&) { return false; }
};

template <class Sax>
void sax_parse(std::string_view text, Sax& sax, const char** reached) {
    *reached = text.data();
    TrackedIterator first{text.data(), reached}, last{text.data() + text.size(), reached};
    json::sax_parse(first, last, &sax);
}

}  // namespace
json parse_json_document(const std::string& text, const std::string& file) {
    const char* reached = text.data();
    TrackedIterator first{text.data(), &reached}, last{text.data() + text.size(), &reached};
    auto place = [&] { return LineCounter(text, 1).at(static_cast<std::size_t>(reached - text.data()) - 1); };
    std::vector<std::unordered_set<std::string>> keys;  // of each object open around the parser
    json::parser_callback_t refuse = [&](int depth, json::parse_event_t event, json& parsed) {
        if (depth >= static_cast<int>(max_json_depth) &&
            (event == json::parse_event_t::object_start || event == json::parse_event_t::array_start)) {
            Place p = place();
            throw InputError(depth_message(), file, p.line, p.column);
        }
        if (event == json::parse_event_t::object_start) keys.emplace_back();
        if (event == json::parse_event_t::object_end) keys.pop_back();
        if (event == json::parse_event_t::key && !keys.back().insert(parsed.get<std::string>()).second) {
            Place p = place();
            throw InputError("duplicate key " + io::quoted(parsed.get<std::string>()), file, p.line, p.column);
        }
        return true;
    };
    try {
        return json::parse(first, last, refuse);
    } catch (const json::exception& e) {
        throw_syntax_error(e, file, 1, false);
    }
}

bool is_json_value(std::string_view text) {
    ValueAcceptor acceptor;
    const char* reached = nullptr;
    TrackedIterator first{text.data(), &reached}, last{text.data() + text.size(), &reached};
    return json::sax_parse(first, last, &acceptor);
}

JsonTable parse_json_table(std::string_view text, const std::string& file, JsonKeyState& keys) {
    const char* reached = nullptr;
    TableSax sax(text, &reached, file, 1, false, keys);
    sax_parse(text, sax, &reached);
    if (sax.not_one_table) throw *sax.not_one_table;
    return JsonTable{std::move(sax.rows), sax.columns, std::move(sax.column_values)};
}

void parse_json_line(std::string_view line, const std::string& file, std::size_t line_number, JsonKeyState& keys,
                     JsonRow& row) {
    const char* reached = nullptr;
    TableSax sax(line, &reached, file, line_number, true, keys);
    sax.row = std::move(row);
    sax.row.cells.clear();
    sax.row.places.clear();
    sax_parse(line, sax, &reached);
    row = std::move(sax.row);
}

}  // namespace mlm::io
