// Lines of one input (a file, standard input or a string), read in large
// blocks from a ByteStream (which decompresses gzip and zstd) and split with
// memchr: no copy and no allocation per line. Strips a UTF-8 byte-order mark
// and the \r of CRLF line ends.
#pragma once

#include "io/buffer_pool.hpp"
#include "io/byte_stream.hpp"

#include <atomic>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace mlm::io {

class LineSource {
public:
    // `path` "-" is standard input (its pipe grown to 1 MiB: a 64 KiB pipe makes
    // `cat f | tool` 1.8x slower than `tool < f`). Throws IoError when unreadable.
    explicit LineSource(const std::string& path);
    // Reads from memory; `name` is used in messages.
    LineSource(std::string name, std::string text);
    ~LineSource();
    LineSource(const LineSource&) = delete;
    LineSource& operator=(const LineSource&) = delete;

    // The next line without its end of line; false at end of input. The view
    // stays valid until the next call.
    bool next(std::string_view& line);
    // 1-based number of the line last returned.
    std::size_t line_number() const { return line_; }
    // The name for messages: the path, or "-" for standard input.
    const std::string& name() const { return name_; }

    // The first byte that is not white space, without consuming anything
    // (0 at end of input): how the table reader tells CSV from JSON.
    char peek_first_nonblank();
    // The first line with a byte that is not white space, without its end of
    // line and without consuming anything (empty at end of input): how the
    // table reader tells TSV from CSV.
    std::string peek_first_line();
    // The next chunk of whole lines, from where reading stopped: at least
    // `bytes` bytes (fewer at the end of input), then up to and including the
    // next newline; null at the end. Where a chunk ends depends on the bytes
    // alone, never on how reads return them. Line numbers do not advance.
    std::shared_ptr<const std::string> next_chunk(std::size_t bytes);
    // The same cut as next_chunk, of a plain regular file (ranges_readable()),
    // but not read yet: what it returns reads the chunk's bytes with pread,
    // on whichever thread calls it (a parsing thread, so that the copy out
    // of the kernel is shared among them too). The boundary is found from a
    // small window at the nominal size. Empty at the end of input. Once
    // ranges are taken, lines (next) are not.
    using ChunkRead = std::function<std::shared_ptr<const std::string>()>;
    ChunkRead next_range(std::size_t bytes);
    // A plain regular file (not standard input, not compressed): next_range applies.
    bool ranges_readable();
    // How many spent chunks to keep for reuse (4 unless set before the first chunk).
    void keep_spent_chunks(std::size_t n) { chunk_keep_ = n; }
    // Lets go of the pool of spent chunks: its spares are freed once the
    // last chunk still held is let go.
    void release_spent_chunks() { chunk_pool_.reset(); }
    // Everything not yet consumed, as one string (for whole-document JSON).
    std::string read_rest();
    // Bytes consumed so far, for progress reports.
    std::size_t bytes_read() const { return total_; }
    // Bytes taken from the file so far (compressed, when it is) and the
    // file's size (0 when unknown): a progress percentage.
    std::size_t raw_bytes_read() const {
        return stream_ && !ranges_ ? stream_->raw_bytes_read() : total_.load();
    }
    std::size_t file_size() const { return stream_ ? stream_->file_size() : 0; }
    // Standard input, a pipe or a FIFO, or compressed data: bytes that come
    // from another process or a decoder, worth reading ahead of the parser.
    bool is_stream() const;

private:
    bool fill();  // reads more; false at end of input
    bool read_into(std::string& text, std::size_t& have, std::size_t n);
    void skip_bom();

    std::string name_;
    std::unique_ptr<ByteStream> stream_;  // none when reading from memory
    std::vector<char> buf_;
    std::shared_ptr<BufferPool<std::string>> chunk_pool_;  // spent chunks, for next_chunk
    std::size_t chunk_keep_ = 4;
    std::size_t begin_ = 0, end_ = 0;
    bool eof_ = false;
    bool bom_checked_ = false;
    std::size_t line_ = 0;
    std::atomic<std::size_t> total_{0};  // read by a progress meter while another thread cuts
    // next_range's file: a duplicate descriptor, closed when the last range
    // reading from it is gone; and the offset of the next chunk.
    std::shared_ptr<const int> ranges_;
    std::size_t range_offset_ = 0;
};

}  // namespace mlm::io
