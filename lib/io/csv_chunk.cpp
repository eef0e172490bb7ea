#include "io/csv_chunk.hpp"

#include "error.hpp"
#include "io/csv_rows.hpp"
#include "io/number.hpp"
#include "io/quoted.hpp"

#include <algorithm>
#include <bit>
#include <cstring>

namespace mlm::io {

namespace {

constexpr std::size_t quoted_line = static_cast<std::size_t>(-1);

// The delimiters in [p, end), and whether a quote is there (then the count
// means nothing: a quoted field may hold delimiters). A word at a time: a byte
// of x is zero exactly where the byte sought is (no borrow across bytes).
std::size_t count_delimiters(const char* p, const char* end, char delimiter, bool& quote) {
    std::size_t n = 0;
    std::uint64_t quotes = 0;
    if constexpr (std::endian::native == std::endian::little) {
        constexpr std::uint64_t ones = 0x0101010101010101ull, low7 = 0x7F7F7F7F7F7F7F7Full;
        const std::uint64_t d = ones * static_cast<unsigned char>(delimiter), q = ones * '"';
        auto zeros = [](std::uint64_t x) { return ~(((x & low7) + low7) | x | low7); };
        for (; end - p >= 8; p += 8) {
            std::uint64_t word;
            std::memcpy(&word, p, 8);
            n += static_cast<std::size_t>(std::popcount(zeros(word ^ d)));
            quotes |= zeros(word ^ q);
        }
    }
    for (; p < end; ++p) {
        n += *p == delimiter;
        quotes |= *p == '"';
    }
    quote = quotes != 0;
    return n;
}

class ChunkParser {
public:
    ChunkParser(const CsvPlan& plan, RowStore& store, ParsedChunk& out) : plan_(plan), store_(store), out_(out) {
        for (const ColumnRequest& r : plan.requests) need_ = std::max(need_, r.index + 1);
        views_.resize(need_);
    }

    // Parses the lines of [p, end) until the end or the first bad row.
    void run(const char* p, const char* end) {
        std::size_t line = 0;
        while (p < end) {
            const char* start = p;
            const char* nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
            const char* stop = nl ? nl : end;
            p = nl ? nl + 1 : end;
            ++line;
            if (stop > start && stop[-1] == '\r') --stop;
            if (!row(start, stop, line)) break;
        }
        out_.lines = line;
    }

private:
    // Takes one line; false after an error.
    bool row(const char* start, const char* stop, std::size_t line) {
        const char* b = start;  // in TSV a line of tabs is a row of empty cells
        while (b < stop && (*b == ' ' || (*b == '\t' && plan_.delimiter != '\t'))) ++b;
        if (b == stop) return true;
        std::size_t fields = split(start, stop);
        bool owned = fields == quoted_line;
        if (owned) {
            try {
                split_csv_line(std::string_view(start, static_cast<std::size_t>(stop - start)), plan_.delimiter,
                               cells_, scratch_, std::string(), line);
            } catch (const InputError& e) {
                return fail(e.message(), line, e.column());
            }
            fields = cells_.size();
            for (std::size_t j = 0; j < need_ && j < fields; ++j) views_[j] = cells_[j].text;
        }
        const std::size_t expected = plan_.names.size();
        if (fields != expected)
            return fail("expected " + std::to_string(expected) + " fields, found " + std::to_string(fields), line,
                        std::min(fields, expected) + 1);
        return take(line, owned);
    }

    // Splits the fields up to the last one needed into views_ and counts the
    // others; quoted_line when a quote may change the split.
    std::size_t split(const char* q, const char* stop) {
        const char delimiter = plan_.delimiter;
        std::size_t k = 0;
        for (;;) {
            if (q < stop && *q == '"') return quoted_line;
            const char* d = find_delimiter(q, stop, delimiter);
            if (k < need_) views_[k] = std::string_view(q, static_cast<std::size_t>(d - q));
            ++k;
            if (d == stop) return k;
            q = d + 1;
            if (k == need_) {
                bool quote = false;
                std::size_t more = count_delimiters(q, stop, delimiter, quote);
                return quote ? quoted_line : k + more + 1;
            }
        }
    }

    // Stores the selected cells of the row just split; false after an error.
    bool take(std::size_t line, bool owned) {
        const std::size_t numbers_before = store_.numbers.size(), texts_before = store_.texts.size();
        for (const ColumnRequest& r : plan_.requests) {
            std::string_view cell = views_[r.index];
            bool missing = cell.empty();
            if (r.type == ColumnType::number) {
                double x = 0;
                switch (parse_number(cell, x)) {
                case ParseResult::ok: break;
                case ParseResult::empty: missing = true; break;
                case ParseResult::invalid: return fail("expected a number, got " + quoted(cell), line, r.index + 1);
                case ParseResult::out_of_range:
                    return fail("number out of range: " + quoted(cell), line, r.index + 1);
                }
                store_.numbers.push_back(x);
            } else if (owned) {
                store_.add_owned_text(cell);
            } else {
                store_.texts.push_back(cell);
            }
            if (missing) {
                if (!plan_.skip_missing)
                    return fail("missing value in column '" + excerpt(plan_.names[r.index]) +
                                    "' (--skip-missing drops such rows)",
                                line, r.index + 1);
                store_.truncate(numbers_before, texts_before);
                ++out_.skipped;
                return true;
            }
        }
        store_.lines.push_back(line);
        ++out_.rows;
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
    std::vector<std::string_view> views_;
    std::vector<Cell> cells_;
    std::string scratch_;
};

}  // namespace

ParsedChunk parse_csv_chunk(std::shared_ptr<const std::string> chunk, const CsvPlan& plan) {
    ParsedChunk out;
    out.bytes = chunk->size();
    auto store = std::make_shared<RowStore>();
    store->file = plan.file;
    // Room for rows of 16 bytes: growing from nothing copied each array ~2x over.
    const std::size_t rows = chunk->size() / 16 + 1;
    store->numbers.reserve(rows * plan.number_columns);
    store->texts.reserve(rows * plan.text_columns);
    store->lines.reserve(rows);
    ChunkParser(plan, *store, out).run(chunk->data(), chunk->data() + chunk->size());
    store->chunk = std::move(chunk);
    store->finish();
    out.store = std::move(store);
    return out;
}

}  // namespace mlm::io
