// The bytes of one input (a file or standard input), decompressed on the way
// when they start with a gzip (1f 8b) or zstd (28 b5 2f fd) magic number, so
// that every format and every tool reads `data.csv.gz` and `zcat`-free pipes.
// Decompression streams through fixed buffers: memory stays bounded whatever
// the ratio (a gzip bomb costs time, not memory). Concatenated gzip members
// and zstd frames read as one stream, as zcat and zstdcat do.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

namespace mlm::io {

class ByteStream {
public:
    // `path` "-" is standard input (its pipe grown to 1 MiB). Throws IoError
    // when the file cannot be opened.
    explicit ByteStream(const std::string& path);
    ~ByteStream();
    ByteStream(const ByteStream&) = delete;
    ByteStream& operator=(const ByteStream&) = delete;

    // Up to `n` bytes of the (decompressed) input into `dst`; 0 at its end.
    // Throws IoError when reading fails and InputError naming the file when
    // the compressed data is corrupt or cut short.
    std::size_t read(char* dst, std::size_t n);

    // Bytes taken from the file or pipe so far (compressed bytes when the
    // input is compressed): the numerator of a progress percentage.
    std::size_t raw_bytes_read() const;
    // The file's size when it is a regular file, else 0 (a pipe, a terminal).
    std::size_t file_size() const;
    // "gzip", "zstd" or "" for plain bytes, once the first read has looked.
    const char* codec() const;

    // A plain (uncompressed) regular file, after the first read: its
    // descriptor and the offset in it of the next byte read() would give, so
    // that the rest can be read by ranges (pread) on any thread. Otherwise
    // (standard input, a pipe, compressed data) fd is -1.
    struct FilePosition {
        int fd = -1;
        std::size_t offset = 0;
    };
    FilePosition plain_file_position() const;

    struct Impl;

private:
    std::unique_ptr<Impl> impl_;
};

}  // namespace mlm::io
