#include "io/table.hpp"

#include "error.hpp"
#include "io/chunk_pipeline.hpp"
#include "io/csv_chunk.hpp"
#include "io/csv_rows.hpp"
#include "io/json_rows.hpp"
#include "io/line_source.hpp"
#include "io/number.hpp"
#include "io/progress.hpp"
#include "io/quoted.hpp"
#include "io/read_ahead.hpp"

#include <algorithm>
#include <cstdlib>
#include <deque>
#include <optional>
#include <sys/stat.h>

namespace mlm::io {

namespace {

constexpr std::size_t none = static_cast<std::size_t>(-1);
// How far the header guess reads ahead to see whether a first cell appears
// again in its column: the reader's first block, or fewer rows of a wide table.
constexpr std::size_t ahead_rows = 4096, ahead_cells = std::size_t(1) << 20;

bool ends_with(const std::string& s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

Format format_from_extension(std::string path) {
    // data.tsv.gz is TSV: the compression suffix says nothing of the format.
    for (std::string_view z : {".gz", ".zst"})
        if (ends_with(path, z)) path.resize(path.size() - z.size());
    if (ends_with(path, ".tsv") || ends_with(path, ".tab")) return Format::tsv;
    if (ends_with(path, ".jsonl") || ends_with(path, ".ndjson")) return Format::jsonl;
    return Format::detect;
}

std::string first_line(const std::string& text) {
    std::size_t start = text.find_first_not_of(" \t\r\n");
    if (start == std::string::npos) return {};
    return text.substr(start, text.find('\n', start) - start);
}

// A cell that can only be a name: text that is not a number, a JSON string.
bool is_header_cell(const Cell& c) {
    if (c.kind == CellKind::json_string) return true;
    return c.kind == CellKind::text && !c.text.empty() && !is_number(c.text);
}
// Text that is not a number in the body (a label, or a JSON array or boolean).
bool is_text_cell(const Cell& c) {
    if (c.kind == CellKind::json_string || c.kind == CellKind::json_other) return true;
    return c.kind == CellKind::text && !c.text.empty() && !is_number(c.text);
}
bool is_empty_cell(const Cell& c) {
    return c.kind == CellKind::json_null || (c.kind == CellKind::text && c.text.empty());
}

// The nominal chunk size: as asked, else MLM_CHUNK_BYTES (tests make many
// chunks of a small input with it), else 1 MiB.
std::size_t chunk_size(std::size_t asked) {
    if (asked) return asked;
    if (const char* env = std::getenv("MLM_CHUNK_BYTES")) {
        char* end = nullptr;
        unsigned long long n = std::strtoull(env, &end, 10);
        if (end != env && *end == 0 && n > 0) return static_cast<std::size_t>(n);
    }
    return std::size_t(1) << 20;
}

}  // namespace

void RowBlock::clear() {
    rows_ = first_ = line_base_ = 0;
    store_.reset();
    numbers_ = nullptr;
    texts_ = nullptr;
}

void RowBlock::show(std::shared_ptr<const RowStore> store, std::size_t first, std::size_t rows,
                    std::size_t line_base) {
    store_ = std::move(store);
    first_ = first;
    rows_ = rows;
    line_base_ = line_base;
    numbers_ = store_->numbers.data() + first * number_columns_;
    texts_ = store_->texts.data() + first * text_columns_;
}

// One input file: its lines and the rows of its format.
struct Source {
    std::unique_ptr<LineSource> lines;
    Format format = Format::csv;
    char delimiter = ',';  // CSV and TSV
    std::optional<CsvRows> csv;
    std::optional<JsonRows> json;
    std::optional<JsonLinesRows> jsonl;
    std::optional<std::vector<std::string>> keys;  // names given by JSON objects

    bool next(std::vector<Cell>& cells) {
        if (csv) return csv->next(cells);
        if (json) return json->next(cells);
        return jsonl->next(cells);
    }
    // The line the row last returned starts on.
    std::size_t line() const {
        if (csv) return csv->line();
        if (json) return json->line();
        return jsonl->line();
    }
    // Where cell j of the row last returned is: CSV and TSV count fields, as
    // cut(1) does; JSON names the line and byte column in the file.
    Place place(std::size_t j) const {
        if (csv) return {csv->line(), j + 1};
        if (json) return json->place(j);
        return jsonl->place(j);
    }
};

// A row read ahead of its turn (the header guess, the first-row check), with
// its places, delivered before the source's next rows.
struct BufferedRow {
    std::vector<OwnedCell> cells;
    std::vector<Place> places;  // JSON: one per cell, then the row's end; CSV: none
    std::size_t line = 0;
    std::uint32_t file = 0;
};

struct TableReader::Impl {
    std::vector<std::string> paths;
    std::shared_ptr<const std::vector<std::string>> files;  // the paths, shared with the blocks
    std::optional<std::string> memory_text;  // from_string
    ReadOptions options;
    std::size_t current = 0;
    Source source;
    std::vector<std::string> names;
    bool decided = false;  // names and header set by a file with a row or keys
    bool header = false;
    Format format = Format::csv;
    std::deque<BufferedRow> ahead;
    BufferedRow replay_row;  // the buffered row being delivered
    bool replaying = false;
    std::vector<ColumnRequest> requests;
    std::size_t number_requests = 0, text_requests = 0;
    std::vector<Cell> cells;
    std::size_t skipped = 0;
    std::size_t bytes_before = 0;  // bytes of files already finished
    std::size_t raw_before = 0;    // their bytes as stored (compressed, when they are)
    std::size_t rows_read = 0;
    std::optional<ProgressMeter> meter;
    ProgressState progress_state() const;
    void finish_file() {
        bytes_before += source.lines->bytes_read();
        raw_before += source.lines->raw_bytes_read();
    }
    bool done = false;
    bool string_document = false;  // the first line is one JSON string

    // CSV and TSV rows after those read ahead come in chunks, parsed on
    // options.threads threads (io/chunk_pipeline.hpp).
    CsvPlan plan;
    // Spent row stores, reused by later chunks: as many as may be parsed at
    // once, so a long stream's footprint stays a short one's.
    std::shared_ptr<BufferPool<RowStore>> stores;
    std::unique_ptr<ChunkPipeline> chunks;
    ParsedChunk chunk;  // the chunk whose rows are being handed out
    std::size_t chunk_row = 0;
    std::size_t chunk_line_base = 0, next_line_base = 0;  // lines before this chunk, the next
    ChunkReduce reduce;  // set by reduce_chunks: chunks started then are reduced as they are parsed
    void start_chunks();
    bool next_chunk();
    bool chunk_block(RowBlock& block, std::size_t max_rows);
    void reduce_chunk(ParsedChunk& c, const ChunkReduce& step) const;
    void take_reduced(const std::function<void(std::any&)>& take);
    bool slow_block(RowBlock& block, std::size_t max_rows);
    bool advance_file();
    RowBlock gather(const std::vector<RowBlock>& parts) const;

    void open(std::size_t i);
    Format detect_format(Format f, const std::string& path);
    bool guess_header(const BufferedRow& first, const std::string& path);
    BufferedRow own_row() const;
    void require_rows();
    bool next_row();
    bool append_row(RowStore& store);

    Place place(std::size_t j) const {
        if (!replaying) return source.place(j);
        if (replay_row.places.empty()) return {replay_row.line, j + 1};
        return replay_row.places[std::min(j, replay_row.places.size() - 1)];
    }
    std::size_t row_line() const { return replaying ? replay_row.line : source.line(); }
    std::uint32_t row_file() const {
        return replaying ? replay_row.file : static_cast<std::uint32_t>(current);
    }
    [[noreturn]] void fail(const std::string& message, std::size_t j) const {
        Place p = place(j);
        throw InputError(message, paths[row_file()], p.line, p.column);
    }
};

BufferedRow TableReader::Impl::own_row() const {
    BufferedRow r;
    r.cells.reserve(cells.size());
    for (const Cell& c : cells) r.cells.push_back(OwnedCell{std::string(c.text), c.kind, c.number});
    r.line = source.line();
    r.file = static_cast<std::uint32_t>(current);
    if (!source.csv)
        for (std::size_t j = 0; j <= cells.size(); ++j) r.places.push_back(source.place(j));
    return r;
}

// The format of a file: as forced, by extension, or by its first bytes.
Format TableReader::Impl::detect_format(Format f, const std::string& path) {
    if (f == Format::detect) f = format_from_extension(path);
    if (f == Format::detect || f == Format::json) {
        char c = source.lines->peek_first_nonblank();
        if (f == Format::json || c == '[' || c == '{') {
            std::string text = source.lines->read_rest();
            try {
                source.json.emplace(text, path);
                source.keys = source.json->names();
                return Format::json;
            } catch (const NotOneTable&) {
                // A syntax error after a first value, or a document that is one
                // row: JSON Lines when its first line is one whole value.
                if (f != Format::detect || !is_json_value(first_line(text))) throw;
                source.lines = std::make_unique<LineSource>(path, std::move(text));
                return Format::jsonl;
            }
        }
    }
    if (f == Format::csv || f == Format::tsv || f == Format::detect) {
        std::string line = source.lines->peek_first_line();
        if (f == Format::detect) {
            // A file that is one JSON string reads as a CSV header alone: say
            // what it is if no row follows it.
            string_document = line.size() > 1 && line.front() == '"' && is_json_value(line);
            // A first line with tabs and no commas is TSV, on stdin as in files.
            bool tabs = line.find('\t') != std::string::npos, commas = line.find(',') != std::string::npos;
            f = tabs && !commas ? Format::tsv : Format::csv;
        }
        if (line.find('\r') != std::string::npos)
            throw InputError("the first line holds a carriage return: lines that end in CR alone (old Mac) "
                             "are not read; convert them with tr '\\r' '\\n'",
                             path);
    }
    return f;
}

// The header guess of CONTRACT.md section 3 on `first`, the first row: no
// text cell, data; a text cell over a number, a header. Otherwise every text
// cell heads a column of text, and the rows read ahead decide: a first cell
// that appears again in its column is data (a coin's H,H,T keeps its first
// H), else the first row names the columns; this text-only guess is said in a
// note either way. The rows read ahead go to `ahead`.
bool TableReader::Impl::guess_header(const BufferedRow& first, const std::string& path) {
    std::vector<std::size_t> text_columns;
    for (std::size_t j = 0; j < cells.size(); ++j)
        if (is_header_cell(cells[j])) text_columns.push_back(j);
    if (text_columns.empty()) return false;
    // Read ahead until a text first cell stands over a number, or the block ends.
    std::size_t read_cells = 0, repeat = none, body = 0;
    bool clear = false;
    while (!clear && body < ahead_rows && read_cells < ahead_cells && source.next(cells)) {
        for (std::size_t j : text_columns) {
            if (j >= cells.size() || is_empty_cell(cells[j])) continue;
            const OwnedCell& f = first.cells[j];
            if (!is_text_cell(cells[j])) clear = true;
            else if (repeat == none && cells[j].text == f.text && cells[j].kind == f.kind) repeat = j;
        }
        read_cells += cells.size();
        ++body;
        ahead.push_back(own_row());
    }
    bool is_header = clear || body == 0 || repeat == none;
    if (!clear && body > 0 && options.note) {
        if (is_header)
            options.note(path + ": took the first row as column names, as none of its cells appears again "
                                "in its column (--no-header to read it as data)");
        else
            options.note(path + ": took the first row as data: " + io::quoted(first.cells[repeat].text) +
                         " appears again in column " + std::to_string(repeat + 1) +
                         " (--header to read it as names)");
    }
    return is_header;
}

void TableReader::Impl::open(std::size_t i) {
    const std::string& path = paths[i];
    source.csv.reset();
    source.json.reset();
    source.jsonl.reset();
    source.keys.reset();
    source.lines = memory_text ? std::make_unique<LineSource>(path, std::move(*memory_text))
                               : std::make_unique<LineSource>(path);
    memory_text.reset();
    Format f = detect_format(options.format, path);
    if (f == Format::csv || f == Format::tsv) {
        source.delimiter = options.delimiter ? options.delimiter : (f == Format::tsv ? '\t' : ',');
        source.csv.emplace(*source.lines, source.delimiter);
    } else if (f == Format::jsonl) {
        source.jsonl.emplace(*source.lines);
        source.keys = source.jsonl->names();
    }
    source.format = f;
    if (i == 0) format = f;

    // The header: JSON objects name their columns; otherwise the first row,
    // guessed in the first file that has one, and taken alike in the others.
    std::vector<std::string> file_names;
    bool file_header = false;
    if (source.keys) {
        file_names = *source.keys;
        file_header = true;
    } else if (source.next(cells)) {
        BufferedRow first = own_row();
        if (decided) file_header = header;
        else if (options.header == HeaderMode::detect) file_header = guess_header(first, path);
        else file_header = options.header == HeaderMode::present;
        if (file_header) {
            for (const OwnedCell& c : first.cells) file_names.push_back(c.text);
        } else {
            for (std::size_t j = 0; j < first.cells.size(); ++j) file_names.push_back(std::to_string(j + 1));
            ahead.push_front(std::move(first));
        }
    } else {
        return;  // no row: the next file decides
    }
    if (!decided) {
        names = std::move(file_names);
        header = file_header;
        decided = true;
    } else if (file_header && file_names != names) {
        throw InputError("the columns differ from those of " + paths[0], path);
    }
}

// Reads ahead to the first data row, so that an input without one is an
// error here, before a tool resolves -c against no columns.
void TableReader::Impl::require_rows() {
    while (ahead.empty()) {
        if (source.next(cells)) {
            ahead.push_back(own_row());
            break;
        }
        if (current + 1 == paths.size()) {
            if (string_document && paths.size() == 1)
                throw InputError("not a table: the JSON document is a string", paths[0]);
            std::string where = paths[0];
            if (paths.size() == 2) where += " (and the other file)";
            if (paths.size() > 2) where += " (and the " + std::to_string(paths.size() - 1) + " other files)";
            throw InputError("no data rows", where);
        }
        finish_file();
        open(++current);
    }
    // Rows without a field ([[]], [{}]) leave a tool nothing to read either.
    if (names.empty()) throw InputError("no columns: the rows have no fields", paths[ahead.front().file]);
}

bool TableReader::Impl::next_row() {
    for (;;) {
        if (!ahead.empty()) {
            replay_row = std::move(ahead.front());
            ahead.pop_front();
            replaying = true;
            cells.clear();
            for (const auto& c : replay_row.cells) cells.push_back(Cell{c.text, c.kind, c.number});
            return true;
        }
        replaying = false;
        if (done || source.csv) return false;  // CSV rows come in chunks
        if (source.next(cells)) return true;
        if (!advance_file()) return false;
    }
}

bool TableReader::Impl::advance_file() {
    if (current + 1 == paths.size()) {
        done = true;
        // Nothing more is read: the buffers kept for the next chunks are let
        // go, so that what a tool does after reading (a fit of the rows it
        // held) has their memory.
        stores.reset();
        if (source.lines) source.lines->release_spent_chunks();
        return false;
    }
    finish_file();
    open(++current);
    return true;
}

void TableReader::Impl::start_chunks() {
    // Spent chunks and row stores are kept for as many as can be in flight: the
    // pipeline's 2 x threads, the read-ahead queue's 2, the one being cut and
    // the one the caller holds. With fewer kept (4 chunks, threads + 1 stores)
    // the rest churned through malloc, whose per-thread arenas fragment: a
    // 10^8-row stream through mlm-pca peaked at 1.24-1.36x a 10^6-row one's,
    // 1.07-1.14x with these.
    const std::size_t in_flight = 2 * std::max<std::size_t>(options.threads, 1) + 4;
    if (!stores) stores = BufferPool<RowStore>::make(in_flight);
    source.lines->keep_spent_chunks(in_flight);
    plan = CsvPlan{source.delimiter, names, requests, number_requests, text_requests, options.skip_missing,
                   static_cast<std::uint32_t>(current), stores};
    next_line_base = source.line();
    LineSource* lines = source.lines.get();
    const std::size_t bytes = chunk_size(options.chunk_bytes);
    // A stream (stdin, a pipe, gzip, zstd) is read ahead on a thread of its
    // own, at any --threads, as gzip decodes on one (io/read_ahead.hpp). A
    // plain file parsed on several threads is read by them, a byte range
    // each; the chunks are cut where next_chunk cuts them either way.
    ReadAhead::Cut cut_text = [lines, bytes] { return lines->next_chunk(bytes); };
    if (lines->is_stream()) cut_text = ReadAhead::wrap(std::move(cut_text));
    ChunkPipeline::Cut cut = [cut_text]() -> ChunkPipeline::Load {
        auto piece = cut_text();
        if (!piece) return {};
        return [piece] { return piece; };
    };
    if (options.threads > 1 && lines->ranges_readable())
        cut = [lines, bytes] { return lines->next_range(bytes); };
    chunks = std::make_unique<ChunkPipeline>(
        std::max<std::size_t>(options.threads, 1), std::move(cut),
        [this, step = reduce](std::shared_ptr<const std::string> text) {
            ParsedChunk c = parse_csv_chunk(std::move(text), plan);
            if (step) reduce_chunk(c, step);
            return c;
        });
}

// On a parsing thread: the chunk's rows, lines counted from its start, given
// to `step`. Reads only what stays fixed while chunks are parsed.
void TableReader::Impl::reduce_chunk(ParsedChunk& c, const ChunkReduce& step) const {
    RowBlock rows;
    rows.number_columns_ = number_requests;
    rows.text_columns_ = text_requests;
    rows.files_ = files;
    rows.show(c.store, 0, c.rows, 0);
    try {
        c.partial = step(rows);
    } catch (...) {
        c.partial_error = std::current_exception();
    }
    c.reduced = true;
    rows.clear();
    c.store.reset();
}

// The next chunk of the file, after the error that ended the one before, if
// any: false when the file's chunks are spent.
bool TableReader::Impl::next_chunk() {
    if (chunk.error)
        throw InputError(chunk.error->message, paths[current], chunk_line_base + chunk.error->line,
                         chunk.error->column);
    chunk = ParsedChunk();
    chunk_row = 0;
    if (!chunks->next(chunk)) return false;
    chunk_line_base = next_line_base;
    next_line_base += chunk.lines;
    skipped += chunk.skipped;
    return true;
}

// The next rows of the current chunks, never from two chunks at once: false
// when the file's chunks are spent. A chunk's error is thrown after its rows.
bool TableReader::Impl::chunk_block(RowBlock& block, std::size_t max_rows) {
    for (;;) {
        if (chunk_row < chunk.rows) {
            std::size_t n = std::min(max_rows, chunk.rows - chunk_row);
            block.show(chunk.store, chunk_row, n, chunk_line_base);
            chunk_row += n;
            return true;
        }
        if (!next_chunk()) return false;
    }
}

// A chunk reduced as it was parsed: its result, or what reducing it threw,
// with the line of an InputError counted from the file's start.
void TableReader::Impl::take_reduced(const std::function<void(std::any&)>& take) {
    chunk_row = chunk.rows;  // the rows are spent
    if (chunk.partial_error) {
        try {
            std::rethrow_exception(chunk.partial_error);
        } catch (const InputError& e) {
            if (e.line() == 0) throw;
            throw InputError(e.message(), e.file(), chunk_line_base + e.line(), e.column());
        }
    }
    take(chunk.partial);
}

// Rows one at a time: those read ahead, and JSON.
bool TableReader::Impl::slow_block(RowBlock& block, std::size_t max_rows) {
    auto store = std::make_shared<RowStore>();
    const bool metered = meter && meter->on();
    std::size_t rows = 0;
    while (rows < max_rows && next_row()) {
        if (append_row(*store)) ++rows;
        if (metered && (++rows_read & 4095) == 0) meter->update(progress_state());
    }
    if (rows == 0) return false;
    store->finish();
    block.show(std::move(store), 0, rows, 0);
    return true;
}

bool TableReader::Impl::append_row(RowStore& store) {
    if (cells.size() != names.size()) {
        if (source.json && source.keys) {
            cells.resize(names.size());  // ragged objects: null
        } else {
            // Name the first missing or extra field.
            fail("expected " + std::to_string(names.size()) + " fields, found " + std::to_string(cells.size()),
                 std::min(cells.size(), names.size()));
        }
    }
    const std::size_t numbers_before = store.numbers.size(), texts_before = store.texts.size();
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
                case ParseResult::invalid: fail("expected a number, got " + io::quoted(c.text), r.index);
                case ParseResult::out_of_range: fail("number out of range: " + io::quoted(c.text), r.index);
                }
                break;
            case CellKind::json_number: x = c.number; break;
            case CellKind::json_null: missing = true; break;
            case CellKind::json_string: fail("expected a number, got the string " + io::quoted(c.text), r.index);
            case CellKind::json_other: fail("expected a number, got " + excerpt(c.text), r.index);
            }
            store.numbers.push_back(x);
        } else {
            missing = c.kind == CellKind::json_null || (c.kind == CellKind::text && c.text.empty());
            store.add_owned_text(c.text);
        }
        if (missing) {
            if (!options.skip_missing)
                fail("missing value in column '" + excerpt(names[r.index]) + "' (--skip-missing drops such rows)",
                     r.index);
            store.truncate(numbers_before, texts_before);
            ++skipped;
            return false;
        }
    }
    store.lines.push_back(row_line());
    store.files.push_back(row_file());
    return true;
}

TableReader::TableReader(std::vector<std::string> paths, ReadOptions options)
    : impl_(std::make_unique<Impl>()) {
    if (paths.empty()) paths.push_back("-");
    impl_->paths = std::move(paths);
    impl_->files = std::make_shared<const std::vector<std::string>>(impl_->paths);
    impl_->options = std::move(options);
    if (!impl_->options.progress_label.empty()) impl_->meter.emplace(impl_->options.progress_label);
    impl_->open(0);
    impl_->require_rows();
}

TableReader::TableReader(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

TableReader TableReader::from_string(std::string name, std::string text, ReadOptions options) {
    auto impl = std::make_unique<Impl>();
    impl->paths = {std::move(name)};
    impl->files = std::make_shared<const std::vector<std::string>>(impl->paths);
    impl->memory_text = std::move(text);
    impl->options = std::move(options);
    impl->open(0);
    impl->require_rows();
    return TableReader(std::move(impl));
}

TableReader::~TableReader() = default;
TableReader::TableReader(TableReader&&) noexcept = default;
TableReader& TableReader::operator=(TableReader&&) noexcept = default;

const std::vector<std::string>& TableReader::names() const { return impl_->names; }
bool TableReader::has_header() const { return impl_->header; }
Format TableReader::format() const { return impl_->format; }
const std::string& TableReader::file() const { return impl_->paths[impl_->current]; }
std::size_t TableReader::threads() const { return std::max<std::size_t>(impl_->options.threads, 1); }
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

// The meter's numbers: the size is known when every input is a regular file.
ProgressState TableReader::Impl::progress_state() const {
    ProgressState s;
    s.bytes = bytes_before + source.lines->bytes_read();
    s.raw = raw_before + source.lines->raw_bytes_read();
    s.rows = rows_read;
    for (const auto& path : paths) {
        struct stat st {};
        if ((path == "-" ? ::fstat(0, &st) : ::stat(path.c_str(), &st)) != 0 || !S_ISREG(st.st_mode)) return s;
        s.total += static_cast<std::size_t>(st.st_size);
    }
    if (s.total == 0) s.raw = 0;
    return s;
}

bool TableReader::read_block(RowBlock& block, std::size_t max_rows) {
    Impl& m = *impl_;
    block.clear();
    block.number_columns_ = m.number_requests;
    block.text_columns_ = m.text_requests;
    block.files_ = m.files;
    const bool metered = m.meter && m.meter->on();
    for (;;) {
        if (m.chunks) {
            if (m.chunk_block(block, max_rows)) {
                std::size_t before = m.rows_read;
                m.rows_read += block.rows();
                if (metered && (before >> 12) != (m.rows_read >> 12)) m.meter->update(m.progress_state());
                return true;
            }
            m.chunks.reset();
            if (!m.advance_file()) break;
        } else if (m.slow_block(block, max_rows)) {
            // The rows read ahead, and the first chunk's rows after them in the
            // same block: a tool's first block holds the first rows of the input.
            if (block.rows() == max_rows || m.done || !m.source.csv) return true;
            m.start_chunks();
            RowBlock more = block;
            if (m.chunk_block(more, max_rows - block.rows())) {
                m.rows_read += more.rows();
                block = m.gather({block, more});
            }
            return true;
        } else if (m.done) {
            break;
        } else {
            m.start_chunks();  // the rows read ahead are spent: CSV or TSV follows
        }
    }
    if (metered) m.meter->finish();
    return false;
}

// The rows of `parts` in one block: their numbers gathered, their text cells
// still views into the parts' stores, which the new store pins.
RowBlock TableReader::Impl::gather(const std::vector<RowBlock>& parts) const {
    RowBlock all;
    all.number_columns_ = number_requests;
    all.text_columns_ = text_requests;
    all.files_ = files;
    auto store = std::make_shared<RowStore>();
    std::size_t rows = 0;
    for (const RowBlock& b : parts) {
        if (b.rows_ == 0) continue;
        const RowStore& from = *b.store_;
        store->numbers.insert(store->numbers.end(), b.numbers_, b.numbers_ + b.rows_ * b.number_columns_);
        store->texts.insert(store->texts.end(), b.texts_, b.texts_ + b.rows_ * b.text_columns_);
        for (std::size_t r = 0; r < b.rows_; ++r) {
            store->lines.push_back(b.line(r));
            store->files.push_back(from.files.empty() ? from.file : from.files[b.first_ + r]);
        }
        store->pins.push_back(b.store_);
        rows += b.rows_;
    }
    all.show(std::move(store), 0, rows, 0);
    return all;
}

void TableReader::reduce_chunks(const ChunkReduce& reduce, const std::function<void(std::any&)>& take) {
    Impl& m = *impl_;
    // The parsing threads call `reduce`, which may refer to what dies with the
    // caller: they are stopped before this returns or throws.
    struct Stop {
        Impl& m;
        ~Stop() {
            m.chunks.reset();
            m.reduce = nullptr;
        }
    } stop{m};
    m.reduce = reduce;
    const bool metered = m.meter && m.meter->on();
    auto here = [&](const RowBlock& rows) {
        std::any partial = reduce(rows);
        take(partial);
    };
    RowBlock block;
    block.number_columns_ = m.number_requests;
    block.text_columns_ = m.text_requests;
    block.files_ = m.files;
    for (;;) {
        if (m.chunks) {
            if (m.chunk_row < m.chunk.rows) {  // a chunk parsed before this call, or begun by read_block
                m.chunk_block(block, m.chunk.rows - m.chunk_row);
                here(block);
                continue;
            }
            if (!m.next_chunk()) {
                m.chunks.reset();
                if (!m.advance_file()) break;
                continue;
            }
            std::size_t before = m.rows_read;
            m.rows_read += m.chunk.rows;
            if (metered && (before >> 12) != (m.rows_read >> 12)) m.meter->update(m.progress_state());
            if (m.chunk.reduced) m.take_reduced(take);
        } else if (m.slow_block(block, 4096)) {
            here(block);
        } else if (m.done) {
            break;
        } else {
            m.start_chunks();
        }
    }
    if (metered) m.meter->finish();
}

// Every remaining row in one block.
RowBlock TableReader::read_all() {
    std::vector<RowBlock> parts;
    RowBlock part;
    while (read_block(part, static_cast<std::size_t>(-1))) parts.push_back(std::move(part));
    if (parts.size() == 1) return std::move(parts.front());
    return impl_->gather(parts);
}

}  // namespace mlm::io
