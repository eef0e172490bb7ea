// libFuzzer target for the table reader: arbitrary bytes, read in every format
// and header mode, must end in rows or an mlm::Error, never a crash, a hang or
// an exception of another type (CONTRACT.md section 5: no crash on any input).
// The first byte chooses the options; the rest is the input.
#include "error.hpp"
#include "io/table.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

namespace {

using namespace mlm::io;

ReadOptions options_from(std::uint8_t b) {
    ReadOptions o;
    o.format = static_cast<Format>(b % 5);
    o.header = static_cast<HeaderMode>((b / 5) % 3);
    o.skip_missing = (b & 0x40) != 0;
    if (b & 0x80) o.delimiter = ';';
    o.note = [](const std::string& note) { (void)note.size(); };
    return o;
}

// Reads every column with `type`, in blocks of a few rows so that block
// boundaries fall everywhere; an mlm::Error is an expected outcome.
void read_all_as(const std::string& text, ReadOptions options, ColumnType type, std::size_t block_rows) {
    try {
        auto reader = TableReader::from_string("fuzz", text, options);
        std::vector<ColumnRequest> all;
        for (std::size_t i = 0; i < reader.names().size(); ++i) all.push_back({i, type});
        reader.select(std::move(all));
        RowBlock block;
        while (reader.read_block(block, block_rows)) {
            for (std::size_t r = 0; r < block.rows(); ++r) {
                for (std::size_t j = 0; j < block.number_columns(); ++j) (void)block.number(r, j);
                for (std::size_t j = 0; j < block.text_columns(); ++j) (void)block.text(r, j).size();
                (void)block.line(r);
                (void)block.file(r).size();
            }
        }
        (void)reader.rows_skipped();
    } catch (const mlm::Error&) {
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    ReadOptions options = options_from(data[0]);
    std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
    std::size_t block_rows = 1 + data[0] % 7;
    read_all_as(text, options, ColumnType::number, block_rows);
    read_all_as(text, options, ColumnType::text, block_rows);
    return 0;
}
