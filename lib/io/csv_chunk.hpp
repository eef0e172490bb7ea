// The fast path of the table reader: a chunk of whole CSV or TSV lines parsed
// into a RowStore in one call, on any thread. Only the fields up to the last
// selected one are split; the rest of a line is only counted (delimiters, for
// the ragged-row check of CONTRACT.md section 3), and numbers are parsed straight
// from the chunk. Text cells are views into the chunk, which the store pins.
// A line with a quote falls back to split_csv_line, so quoting reads as before.
// Fields and lines are found in one pass over the chunk's masks of delimiters,
// newlines and quotes (io/field_scan.hpp), not by a search per line and field.
// When every selected column is a number, a plain line (no quote, blank,
// missing cell or wrong count) is read straight through instead, each number
// parsed where it starts and its end found by the parse: one pass over the
// bytes, not two. Any other line goes the way of the masks.
#pragma once

#include "io/buffer_pool.hpp"
#include "io/row_store.hpp"
#include "io/table.hpp"

#include <any>
#include <exception>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace mlm::io {

// What to take from each line, the same for every chunk of a file.
struct CsvPlan {
    char delimiter = ',';
    std::vector<std::string> names;  // the columns: a row must have this many fields
    std::vector<ColumnRequest> requests;
    std::size_t number_columns = 0, text_columns = 0;
    bool skip_missing = false;
    std::uint32_t file = 0;
    std::shared_ptr<BufferPool<RowStore>> stores;  // spent stores to reuse; none: a new one per chunk
};

// A bad row met in a chunk: the line counts from the chunk's first line (1).
struct ChunkError {
    std::string message;
    std::size_t line = 0, column = 0;
};

struct ParsedChunk {
    std::shared_ptr<RowStore> store;  // the rows before any error; lines from 1
    std::size_t rows = 0;
    std::size_t lines = 0;    // lines in the chunk (complete only without an error)
    std::size_t skipped = 0;  // rows dropped by skip_missing
    std::size_t bytes = 0;
    std::optional<ChunkError> error;  // parsing stopped at the first one
    // A tool's partial result over the rows, made on the parsing thread when
    // the table reader is asked for one (TableReader::reduce_chunks), or what
    // that step threw; `store` is dropped then, its rows spent.
    bool reduced = false;
    std::any partial;
    std::exception_ptr partial_error;
};

// `chunk`: whole lines (the last one may lack its newline at the end of input).
ParsedChunk parse_csv_chunk(std::shared_ptr<const std::string> chunk, const CsvPlan& plan);

}  // namespace mlm::io
