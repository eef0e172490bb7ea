#include "io/csv_chunk.hpp"

#include "error.hpp"
#include "io/csv_rows.hpp"
#include "io/field_scan.hpp"
#include "io/number.hpp"
#include "io/quoted.hpp"

#include <algorithm>
#include <cstring>

namespace mlm::io {

namespace {

// A delimiter that is also a byte the scanner looks for, or the CR that ends a
// CRLF line, cannot be told apart in the masks: such files go line by line,
// every line through split_csv_line.
bool masks_apply(char delimiter) { return delimiter != '\n' && delimiter != '\r' && delimiter != '"'; }

class ChunkParser {
public:
    ChunkParser(const CsvPlan& plan, RowStore& store, ParsedChunk& out) : plan_(plan), store_(store), out_(out) {
        for (const ColumnRequest& r : plan.requests) {
            need_ = std::max(need_, r.index + 1);
            (r.type == ColumnType::number ? number_columns_ : text_columns_).push_back(r.index);
        }
        views_.resize(need_);
        if (text_columns_.empty() && !number_columns_.empty()) {
            wanted_.assign(need_, 0);
            for (std::size_t index : number_columns_) wanted_[index] = 1;
            values_.resize(need_);
        }
    }

    // Parses the lines of [begin, end) until the end or the first bad row.
    void run(const char* begin, const char* end) {
        std::size_t line = 0;
        if (masks_apply(plan_.delimiter)) {
            line = split_fields(begin, end);
        } else {
            for (const char* p = begin; p && p < end;) p = split_line(p, p, end, ++line);
        }
        out_.lines = line;
    }

private:
    // One pass over the delimiters, newlines and quotes of the chunk (no
    // search per line or per field): the fields up to the last one needed
    // become views, the delimiters after it are only counted, and a line with a
    // quote anywhere goes to split_csv_line. Returns the lines read.
    std::size_t split_fields(const char* begin, const char* end) {
        FieldScanner scan(begin, end, plan_.delimiter);
        std::size_t line = 0, k = 0;  // k: the fields of this line ended so far
        const char* start = begin;     // of the line
        const char* field = begin;     // of the field being read
        bool direct = !wanted_.empty();
        std::size_t direct_misses = 0;
        const char* missed = nullptr;  // the line numbers_line last declined
        while (start < end) {
            if (direct && field == start && start != missed) {
                if (const char* next = numbers_line(start, end, line + 1)) {
                    ++line;
                    start = field = next;
                    continue;
                }
                // Not a plain line of numbers: the scanner takes it, as it
                // takes every line of a chunk where such lines are common.
                direct = ++direct_misses < 64;
                missed = start;
                scan.seek(start);
            }
            if (!scan.next()) {  // the last line, without a newline
                row(start, end, field, k, ++line);
                break;
            }
            const char* at = scan.where();
            if (scan.at_delimiter()) {
                if (k < need_) views_[k] = std::string_view(field, static_cast<std::size_t>(at - field));
                field = at + 1;
                if (++k != need_ || scan.skip_to_newline(k)) continue;
            } else if (scan.at_newline()) {
                if (!row(start, at, field, k, ++line)) break;
                start = field = at + 1;
                k = 0;
                continue;
            }
            const char* next = split_line(start, field, end, ++line);  // a quote in the line
            if (!next) break;
            scan.seek(next);
            start = field = next;
            k = 0;
        }
        return line;
    }

    // A line of numbers read straight from the chunk, in one pass as the
    // digits are parsed (no masks, no views), when every selected cell is a
    // number and the line is plain: no quote, no blank around a number, no
    // missing cell, the right number of fields. Returns where the next line
    // starts, or nullptr, having stored nothing, for any other line: split_fields
    // then reads it cell by cell, which reports what is wrong with it.
    const char* numbers_line(const char* p, const char* end, std::size_t line) {
        const char delimiter = plan_.delimiter;
        const std::size_t fields = plan_.names.size();
        for (std::size_t i = 0; i < need_; ++i) {
            if (wanted_[i]) {
                const char* after = parse_short_decimal_prefix(p, end, values_[i]);
                if (!after || !ends_number(after, end)) after = longer_number(p, end, values_[i]);
                if (!after) return nullptr;
                p = after;
            } else {
                while (p != end && *p != delimiter && *p != '\n' && *p != '"') ++p;
            }
            if (i + 1 == fields) break;
            if (p == end || *p != delimiter) return nullptr;
            ++p;
        }
        if (need_ < fields) {  // the fields after the last selected one: only counted
            std::size_t k = need_ + 1;
            for (; p != end && *p != '\n'; ++p) {
                if (*p == '"') return nullptr;
                k += *p == delimiter;
            }
            if (k != fields) return nullptr;
        } else if (p != end && *p == '\r') {  // CRLF; a bare CR ends no line
            ++p;
        }
        if (p != end && *p != '\n') return nullptr;
        const char* next = p == end ? end : p + 1;
        for (std::size_t index : number_columns_) store_.numbers.push_back(values_[index]);
        store_.lines.push_back(line);
        ++out_.rows;
        return next;
    }

    // A number parse_short_decimal_prefix does not take (more digits, an
    // exponent) that fast_float reads, finite and up to a delimiter or the
    // line's end; nullptr otherwise.
    [[gnu::noinline]] const char* longer_number(const char* p, const char* end, double& value) const {
        auto r = fast_float::from_chars(p, end, value);
        if (r.ec != std::errc() || r.ptr == p || !std::isfinite(value)) return nullptr;
        return ends_number(r.ptr, end) ? r.ptr : nullptr;
    }

    // Whether a number read up to `p` ends its field there: at a delimiter,
    // the line's end (LF or CR) or the chunk's.
    bool ends_number(const char* p, const char* end) const {
        return p == end || *p == plan_.delimiter || *p == '\n' || *p == '\r';
    }

    // Takes the quote-free line [start, stop) whose fields before `field` are
    // split (k of them); false after an error.
    bool row(const char* start, const char* stop, const char* field, std::size_t k, std::size_t line) {
        if (stop > start && stop[-1] == '\r') --stop;
        if (blank(start, stop)) return true;
        if (k < need_) views_[k] = std::string_view(field, static_cast<std::size_t>(stop - field));
        return check_and_take(k + 1, line, false);
    }

    // Takes the line from `start` to the first newline at or after `from`
    // with split_csv_line; returns where the next line starts, nullptr after
    // an error.
    const char* split_line(const char* start, const char* from, const char* end, std::size_t line) {
        const char* nl = static_cast<const char*>(std::memchr(from, '\n', static_cast<std::size_t>(end - from)));
        const char* stop = nl ? nl : end;
        const char* next = nl ? nl + 1 : end;
        if (stop > start && stop[-1] == '\r') --stop;
        if (blank(start, stop)) return next;
        try {
            split_csv_line(std::string_view(start, static_cast<std::size_t>(stop - start)), plan_.delimiter, cells_,
                           scratch_, std::string(), line);
        } catch (const InputError& e) {
            fail(e.message(), line, e.column());
            return nullptr;
        }
        for (std::size_t j = 0; j < need_ && j < cells_.size(); ++j) views_[j] = cells_[j].text;
        return check_and_take(cells_.size(), line, true) ? next : nullptr;
    }

    // Spaces only (and tabs, but in TSV a line of tabs is a row of empty cells).
    bool blank(const char* b, const char* stop) const {
        while (b < stop && (*b == ' ' || (*b == '\t' && plan_.delimiter != '\t'))) ++b;
        return b == stop;
    }

    bool check_and_take(std::size_t fields, std::size_t line, bool owned) {
        if (fields != plan_.names.size()) return wrong_field_count(fields, line);
        return take(line, owned);
    }

    // Stores the selected cells of the row just split; false after an error.
    // Runs once per row, so in two passes: the numbers, then the text cells,
    // each a tight loop (no dispatch on the column's type per cell). A row
    // with anything wrong (a missing cell, a bad number) is undone and taken
    // again in request order, which decides what is reported or skipped.
    bool take(std::size_t line, bool owned) {
        if (owned) return take_in_order(line, true);
        const std::size_t numbers_before = store_.numbers.size(), texts_before = store_.texts.size();
        bool clean = number_columns_.empty() || push_numbers();
        for (std::size_t index : text_columns_) {
            clean &= !views_[index].empty();
            store_.texts.push_back(views_[index]);
        }
        if (!clean) {
            store_.truncate(numbers_before, texts_before);
            return take_in_order(line, false);
        }
        store_.lines.push_back(line);
        ++out_.rows;
        return true;
    }

    // Parses and stores the selected numbers; false if one is not a number.
    [[gnu::noinline]] bool push_numbers() {
        bool clean = true;
        for (std::size_t index : number_columns_) {
            double x;
            if (!parse_short_decimal(views_[index], x)) x = other_number(views_[index], clean);
            store_.numbers.push_back(x);
        }
        return clean;
    }

    // parse_number's cases past the short decimal, out of line so that the
    // hot loop keeps its value in a register.
    [[gnu::flatten, gnu::noinline]] static double other_number(std::string_view cell, bool& clean) {
        double x = 0;
        clean &= parse_number_past_short(cell, x) == ParseResult::ok;
        return x;
    }

    // take() a cell at a time, in request order: a row of quoted cells
    // (their text is copied), or one with a missing or bad cell.
    [[gnu::noinline]] bool take_in_order(std::size_t line, bool owned) {
        const std::size_t numbers_before = store_.numbers.size(), texts_before = store_.texts.size();
        for (const ColumnRequest& r : plan_.requests) {
            std::string_view cell = views_[r.index];
            bool missing = cell.empty();
            if (r.type == ColumnType::number) {
                double x = 0;  // out of line here: one inlined fast path per loop is the fast one
                ParseResult parsed = parse_number_general(cell, x);
                if (parsed == ParseResult::empty) missing = true;
                else if (parsed != ParseResult::ok) return bad_number(parsed, cell, line, r.index);
                store_.numbers.push_back(x);
            } else if (owned) {
                store_.add_owned_text(cell);
            } else {
                store_.texts.push_back(cell);
            }
            if (missing) return skip_missing(line, r.index, numbers_before, texts_before);
        }
        store_.lines.push_back(line);
        ++out_.rows;
        return true;
    }

    [[gnu::noinline]] bool wrong_field_count(std::size_t fields, std::size_t line) {
        const std::size_t expected = plan_.names.size();
        return fail("expected " + std::to_string(expected) + " fields, found " + std::to_string(fields), line,
                    std::min(fields, expected) + 1);
    }

    [[gnu::noinline]] bool bad_number(ParseResult parsed, std::string_view cell, std::size_t line, std::size_t index) {
        if (parsed == ParseResult::out_of_range) return fail("number out of range: " + quoted(cell), line, index + 1);
        return fail("expected a number, got " + quoted(cell), line, index + 1);
    }

    // Drops the row begun, or fails without --skip-missing.
    [[gnu::noinline]] bool skip_missing(std::size_t line, std::size_t index, std::size_t numbers_before,
                                        std::size_t texts_before) {
        if (!plan_.skip_missing)
            return fail("missing value in column '" + excerpt(plan_.names[index]) + "' (--skip-missing drops such rows)",
                        line, index + 1);
        store_.truncate(numbers_before, texts_before);
        ++out_.skipped;
        return true;
    }

    bool fail(std::string message, std::size_t line, std::size_t column) {
        out_.error = ChunkError{std::move(message), line, column};
        return false;
    }

    const CsvPlan& plan_;
    RowStore& store_;
    ParsedChunk& out_;
    std::size_t need_ = 0;
    std::vector<std::size_t> number_columns_, text_columns_;  // in request order
    std::vector<std::string_view> views_;
    std::vector<char> wanted_;     // numbers_line: per field up to the last selected, whether selected
    std::vector<double> values_;   // numbers_line: those fields' numbers
    std::vector<Cell> cells_;
    std::string scratch_;
};

}  // namespace

ParsedChunk parse_csv_chunk(std::shared_ptr<const std::string> chunk, const CsvPlan& plan) {
    ParsedChunk out;
    out.bytes = chunk->size();
    auto store = plan.stores ? plan.stores->wrap(plan.stores->take(), [](RowStore& s) { s.clear(); })
                             : std::make_shared<RowStore>();
    store->file = plan.file;
    // Room for the rows the chunk holds if its lines are as long as its first,
    // with a quarter more: growing from nothing copied each array ~2x over. A
    // fixed guess of 16-byte lines asked 11 GB a chunk of a 20,000-column
    // file (refused under a 4 GB address-space limit); the caps are what the
    // bytes can hold (a number is a digit and a delimiter at least).
    const std::size_t first_line = static_cast<std::size_t>(
        std::find(chunk->data(), chunk->data() + chunk->size(), '\n') - chunk->data()) + 1;
    const std::size_t rows = chunk->size() / std::max<std::size_t>(first_line, 16) * 5 / 4 + 1;
    store->numbers.reserve(std::min(rows * plan.number_columns, chunk->size() / 2 + 1));
    store->texts.reserve(std::min(rows * plan.text_columns, chunk->size() + 1));
    store->lines.reserve(std::min(rows, chunk->size() + 1));
    ChunkParser(plan, *store, out).run(chunk->data(), chunk->data() + chunk->size());
    store->chunk = std::move(chunk);
    store->finish();
    out.store = std::move(store);
    return out;
}

}  // namespace mlm::io
