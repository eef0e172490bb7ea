#include "io/table.hpp"

#include "error.hpp"
#include "io/csv_rows.hpp"
#include "io/json_rows.hpp"
#include "io/line_source.hpp"
#include "io/number.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>

namespace mlm::io {

namespace {

bool ends_with(const std::string& s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

Format format_from_extension(const std::string& path) {
    if (ends_with(path, ".tsv") || ends_with(path, ".tab")) return Format::tsv;
    if (ends_with(path, ".jsonl") || ends_with(path, ".ndjson")) return Format::jsonl;
    return Format::detect;
}

std::string first_line(const std::string& text) {
    std::size_t start = text.find_first_not_of(" \t\r\n");
    if (start == std::string::npos) return {};
    return text.substr(start, text.find('\n', start) - start);
}

// A document that parses whole yet is no table (an object of scalars, an array
// of scalars) is one JSON Lines row: a JSON Lines input of a single line.
bool is_one_row(const nlohmann::json& doc) {
    if (doc.is_object())
        return std::any_of(doc.begin(), doc.end(), [](const nlohmann::json& v) { return !v.is_array(); });
    return doc.is_array() && !doc.empty() && !doc.front().is_array() && !doc.front().is_object();
}

bool is_header_cell(const Cell& c) {
    if (c.kind == CellKind::json_string) return true;
    return c.kind == CellKind::text && !c.text.empty() && !is_number(c.text);
}

std::string quoted(std::string_view s) {
    std::string out(1, '"');
    out.append(s.substr(0, s.size() > 40 ? 37 : s.size()));
    if (s.size() > 40) out.append("...");
    out.push_back('"');
    return out;
}

}  // namespace

void RowBlock::clear() {
    rows_ = 0;
    numbers_.clear();
    text_.clear();
    text_end_.clear();
    lines_.clear();
    file_index_.clear();
}

// One input file: its lines and the rows of its format.
struct Source {
    std::unique_ptr<LineSource> lines;
    Format format = Format::csv;
    std::optional<CsvRows> csv;
    std::optional<JsonRows> json;
    std::optional<JsonLinesRows> jsonl;
    std::optional<std::vector<std::string>> keys;  // names given by JSON objects

    bool next(std::vector<Cell>& cells) {
        if (csv) return csv->next(cells);
        if (json) return json->next(cells);
        return jsonl->next(cells);
    }
    std::size_t where() const {
        if (csv) return csv->line();
        if (json) return json->row();
        return jsonl->line();
    }
};

struct TableReader::Impl {
    std::vector<std::string> paths;
    std::optional<std::string> memory_text;  // from_string
    ReadOptions options;
    std::size_t current = 0;
    Source source;
    std::vector<std::string> names;
    bool header = false;
    Format format = Format::csv;
    std::vector<OwnedCell> pending;  // a first row that was data, not a header
    bool has_pending = false;
    std::vector<ColumnRequest> requests;
    std::size_t number_requests = 0, text_requests = 0;
    std::vector<Cell> cells;
    std::size_t skipped = 0;
    std::size_t bytes_before = 0;  // bytes of files already finished
    bool done = false;

    void open(std::size_t i);
    bool next_row();
    void append_row(RowBlock& block, std::uint32_t file_index);
    [[noreturn]] void fail(const std::string& message, std::size_t column) const {
        throw InputError(message, source.lines->name(), source.where(), column);
    }
};

void TableReader::Impl::open(std::size_t i) {
    const std::string& path = paths[i];
    source.csv.reset();
    source.json.reset();
    source.jsonl.reset();
    source.keys.reset();
    source.lines = memory_text ? std::make_unique<LineSource>(path, std::move(*memory_text))
                               : std::make_unique<LineSource>(path);
    memory_text.reset();
    Format f = options.format;
    if (f == Format::detect) f = format_from_extension(path);
    if (f == Format::detect || f == Format::json) {
        char c = source.lines->peek_first_nonblank();
        if (f == Format::json || c == '[' || c == '{') {
            std::string text = source.lines->read_rest();
            nlohmann::json doc = nlohmann::json::parse(text, nullptr, false);
            if ((doc.is_discarded() || is_one_row(doc)) && f == Format::detect &&
                nlohmann::json::accept(first_line(text))) {
                source.lines = std::make_unique<LineSource>(path, std::move(text));
                f = Format::jsonl;
            } else {
                if (doc.is_discarded()) doc = parse_json_document(text, path);
                source.json.emplace(doc, path);
                source.keys = source.json->names();
                f = Format::json;
            }
        } else {
            f = Format::csv;
        }
    }
    if (f == Format::csv || f == Format::tsv) {
        char delimiter = options.delimiter ? options.delimiter : (f == Format::tsv ? '\t' : ',');
        source.csv.emplace(*source.lines, delimiter);
    } else if (f == Format::jsonl) {
        source.jsonl.emplace(*source.lines);
        source.keys = source.jsonl->names();
    }
    source.format = f;

    // The header: JSON objects name their columns; otherwise the first row.
    std::vector<std::string> file_names;
    bool file_header = false;
    has_pending = false;
    if (source.keys) {
        file_names = *source.keys;
        file_header = true;
    } else if (source.next(cells)) {
        file_header = options.header == HeaderMode::present;
        if (options.header == HeaderMode::detect)
            for (const Cell& c : cells) file_header = file_header || is_header_cell(c);
        if (file_header) {
            for (const Cell& c : cells) file_names.emplace_back(c.text);
        } else {
            for (std::size_t j = 0; j < cells.size(); ++j) file_names.push_back(std::to_string(j + 1));
            pending.clear();
            for (const Cell& c : cells) pending.push_back(OwnedCell{std::string(c.text), c.kind, c.number});
            has_pending = true;
        }
    }
    if (i == 0) {
        names = std::move(file_names);
        header = file_header;
        format = f;
    } else if (!file_names.empty() && file_names != names &&
               (file_header || file_names.size() != names.size())) {
        throw InputError("the columns differ from those of " + paths[0], path);
    }
}

bool TableReader::Impl::next_row() {
    for (;;) {
        if (done) return false;
        if (has_pending) {
            has_pending = false;
            cells.clear();
            for (const auto& c : pending) cells.push_back(Cell{c.text, c.kind, c.number});
            return true;
        }
        if (source.next(cells)) return true;
        if (current + 1 == paths.size()) {
            done = true;
            return false;
        }
        bytes_before += source.lines->bytes_read();
        open(++current);
    }
}

void TableReader::Impl::append_row(RowBlock& block, std::uint32_t file_index) {
    if (cells.size() != names.size()) {
        if (source.json && source.keys) cells.resize(names.size());  // ragged objects: null
        else
            fail("expected " + std::to_string(names.size()) + " fields, found " +
                 std::to_string(cells.size()), 0);
    }
    std::size_t numbers_before = block.numbers_.size();
    std::size_t text_ends_before = block.text_end_.size();
    std::size_t text_before = block.text_.size();
    for (const ColumnRequest& r : requests) {
        const Cell& c = cells[r.index];
        bool missing = false;
        if (r.type == ColumnType::number) {
            double x = 0;
            switch (c.kind) {
            case CellKind::text:
                switch (parse_number(c.text, x)) {
                case ParseResult::ok: break;
                case ParseResult::empty: missing = true; break;
                case ParseResult::invalid: fail("expected a number, got " + quoted(c.text), r.index + 1);
                case ParseResult::out_of_range: fail("number out of range: " + quoted(c.text), r.index + 1);
                }
                break;
            case CellKind::json_number: x = c.number; break;
            case CellKind::json_null: missing = true; break;
            case CellKind::json_string:
                fail("expected a number, got the string " + quoted(c.text), r.index + 1);
            case CellKind::json_other: fail("expected a number, got " + std::string(c.text), r.index + 1);
            }
            block.numbers_.push_back(x);
        } else {
            missing = c.kind == CellKind::json_null || (c.kind == CellKind::text && c.text.empty());
            block.text_.append(c.text);
            block.text_end_.push_back(block.text_.size());
        }
        if (missing) {
            if (!options.skip_missing)
                fail("missing value in column '" + names[r.index] + "' (--skip-missing drops such rows)",
                     r.index + 1);
            block.numbers_.resize(numbers_before);
            block.text_end_.resize(text_ends_before);
            block.text_.resize(text_before);
            ++skipped;
            return;
        }
    }
    block.lines_.push_back(source.where());
    block.file_index_.push_back(file_index);
    ++block.rows_;
}

TableReader::TableReader(std::vector<std::string> paths, ReadOptions options)
    : impl_(std::make_unique<Impl>()) {
    if (paths.empty()) paths.push_back("-");
    impl_->paths = std::move(paths);
    impl_->options = options;
    impl_->open(0);
}

TableReader::TableReader(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

TableReader TableReader::from_string(std::string name, std::string text, ReadOptions options) {
    auto impl = std::make_unique<Impl>();
    impl->paths = {std::move(name)};
    impl->memory_text = std::move(text);
    impl->options = options;
    impl->open(0);
    return TableReader(std::move(impl));
}

TableReader::~TableReader() = default;
TableReader::TableReader(TableReader&&) noexcept = default;
TableReader& TableReader::operator=(TableReader&&) noexcept = default;

const std::vector<std::string>& TableReader::names() const { return impl_->names; }
bool TableReader::has_header() const { return impl_->header; }
Format TableReader::format() const { return impl_->format; }
const std::string& TableReader::file() const { return impl_->paths[impl_->current]; }
std::size_t TableReader::rows_skipped() const { return impl_->skipped; }
std::size_t TableReader::bytes_read() const {
    return impl_->bytes_before + impl_->source.lines->bytes_read();
}

void TableReader::select(std::vector<ColumnRequest> columns) {
    impl_->number_requests = impl_->text_requests = 0;
    for (const auto& c : columns) {
        if (c.index >= impl_->names.size()) throw UsageError("column index out of range");
        (c.type == ColumnType::number ? impl_->number_requests : impl_->text_requests)++;
    }
    impl_->requests = std::move(columns);
}

void TableReader::select_numbers(const std::vector<std::size_t>& indexes) {
    std::vector<ColumnRequest> requests;
    for (std::size_t i : indexes) requests.push_back({i, ColumnType::number});
    select(std::move(requests));
}

bool TableReader::read_block(RowBlock& block, std::size_t max_rows) {
    block.clear();
    block.number_columns_ = impl_->number_requests;
    block.text_columns_ = impl_->text_requests;
    block.files_ = impl_->paths;
    while (block.rows_ < max_rows && impl_->next_row())
        impl_->append_row(block, static_cast<std::uint32_t>(impl_->current));
    return block.rows_ > 0;
}

RowBlock TableReader::read_all() {
    RowBlock block;
    read_block(block, static_cast<std::size_t>(-1));
    return block;
}

}  // namespace mlm::io
