#include "io/line_source.hpp"

#include "error.hpp"
#include "io/system_error.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace mlm::io {

namespace {
constexpr std::size_t block_size = 1 << 20;
// next_chunk's reads past the nominal size, looking for the newline that ends
// a chunk.
constexpr std::size_t chunk_step = 16 << 10;
}  // namespace

LineSource::LineSource(const std::string& path) : name_(path), stream_(std::make_unique<ByteStream>(path)) {
    buf_.resize(block_size);
}

LineSource::LineSource(std::string name, std::string text) : name_(std::move(name)) {
    buf_.assign(text.begin(), text.end());
    end_ = buf_.size();
    eof_ = true;
}

LineSource::~LineSource() = default;

bool LineSource::fill() {
    if (eof_) return false;
    if (begin_ > 0) {  // keep the partial line, drop what was consumed
        std::memmove(buf_.data(), buf_.data() + begin_, end_ - begin_);
        end_ -= begin_;
        begin_ = 0;
    }
    if (end_ == buf_.size()) buf_.resize(buf_.size() * 2);  // a line longer than the buffer
    std::size_t n = stream_->read(buf_.data() + end_, buf_.size() - end_);
    if (n == 0) { eof_ = true; return false; }
    end_ += n;
    total_ += n;
    return true;
}

bool LineSource::is_stream() const {
    return stream_ && (name_ == "-" || stream_->file_size() == 0 || *stream_->codec() != 0);
}

void LineSource::skip_bom() {
    bom_checked_ = true;
    while (end_ - begin_ < 3 && fill()) {}
    if (end_ - begin_ >= 3 && std::memcmp(buf_.data() + begin_, "\xEF\xBB\xBF", 3) == 0) begin_ += 3;
}

bool LineSource::next(std::string_view& line) {
    if (!bom_checked_) skip_bom();
    std::size_t scanned = begin_;
    for (;;) {
        const char* start = buf_.data() + begin_;
        // memchr on an empty buffer's null data() is undefined, even for 0 bytes.
        const void* nl = scanned < end_ ? std::memchr(buf_.data() + scanned, '\n', end_ - scanned) : nullptr;
        if (nl) {
            std::size_t len = static_cast<const char*>(nl) - start;
            begin_ += len + 1;
            if (len > 0 && start[len - 1] == '\r') --len;
            line = std::string_view(start, len);
            ++line_;
            return true;
        }
        std::size_t pending = end_ - begin_;
        if (!fill()) {
            if (begin_ == end_) return false;
            const char* last = buf_.data() + begin_;
            std::size_t len = end_ - begin_;
            begin_ = end_;
            if (len > 0 && last[len - 1] == '\r') --len;
            line = std::string_view(last, len);
            ++line_;
            return true;
        }
        scanned = begin_ + pending;  // fill() moved the pending bytes to the front
    }
}

char LineSource::peek_first_nonblank() {
    if (!bom_checked_) skip_bom();
    std::size_t i = begin_;
    for (;;) {
        for (; i < end_; ++i) {
            char c = buf_[i];
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') return c;
        }
        std::size_t offset = i - begin_;
        if (!fill()) return 0;
        i = begin_ + offset;
    }
}

std::string LineSource::peek_first_line() {
    if (peek_first_nonblank() == 0) return {};
    // Offsets from begin_ stay valid across fill(), which moves the unread bytes to the front.
    std::size_t first = 0;
    while (buf_[begin_ + first] == ' ' || buf_[begin_ + first] == '\t' || buf_[begin_ + first] == '\r' ||
           buf_[begin_ + first] == '\n')
        ++first;
    std::size_t start = first;
    while (start > 0 && buf_[begin_ + start - 1] != '\n') --start;
    std::size_t scanned = first;
    for (;;) {
        std::size_t available = end_ - begin_;
        const void* nl = std::memchr(buf_.data() + begin_ + scanned, '\n', available - scanned);
        if (nl) {
            std::size_t stop = static_cast<std::size_t>(static_cast<const char*>(nl) - buf_.data()) - begin_;
            if (stop > start && buf_[begin_ + stop - 1] == '\r') --stop;
            return std::string(buf_.data() + begin_ + start, stop - start);
        }
        scanned = available;
        if (!fill()) {
            std::size_t stop = end_ - begin_;
            if (stop > start && buf_[begin_ + stop - 1] == '\r') --stop;
            return std::string(buf_.data() + begin_ + start, stop - start);
        }
    }
}

// The bytes are read straight into the chunk (a spent one recycled: no
// zero-fill), after the partial line carried over from the chunk before; only
// what was read past the cut is copied back, to start the next one. Reads
// ask for what the chunk lacks, then for small steps until a newline: that
// copy stays a few KiB. (Copying each chunk out of a line buffer, as before,
// moved every byte twice: a memmove and a memcpy.)
std::shared_ptr<const std::string> LineSource::next_chunk(std::size_t bytes) {
    if (!bom_checked_) skip_bom();
    if (!chunk_pool_) chunk_pool_ = BufferPool<std::string>::make(chunk_keep_);
    std::string text = chunk_pool_->take();
    std::size_t have = end_ - begin_;
    const std::size_t room = std::max(bytes, have) + chunk_step;
    if (text.size() < room) text.resize(room);  // writes only past the recycled size
    if (have) std::memcpy(text.data(), buf_.data() + begin_, have);
    begin_ = end_ = 0;
    while (have < bytes && read_into(text, have, bytes - have)) {}
    if (have == 0) return nullptr;
    std::size_t scanned = std::min(bytes, have) - 1, cut = 0;
    for (;;) {
        const void* nl = std::memchr(text.data() + scanned, '\n', have - scanned);
        if (nl) {
            cut = static_cast<std::size_t>(static_cast<const char*>(nl) - text.data()) + 1;
            break;
        }
        scanned = have;
        if (!read_into(text, have, chunk_step)) {
            cut = have;
            break;
        }
    }
    const std::size_t tail = have - cut;  // the start of the next chunk
    if (buf_.size() < tail) buf_.resize(tail);
    if (tail) std::memcpy(buf_.data(), text.data() + cut, tail);
    end_ = tail;
    text.resize(cut);
    return chunk_pool_->wrap(std::move(text));
}

// Up to `n` more bytes of input into text[have...), growing it when full;
// false at the end of input.
bool LineSource::read_into(std::string& text, std::size_t& have, std::size_t n) {
    if (eof_ || !stream_) {
        eof_ = true;
        return false;
    }
    if (have == text.size()) text.resize(2 * text.size());
    std::size_t got = stream_->read(text.data() + have, std::min(n, text.size() - have));
    if (got == 0) {
        eof_ = true;
        return false;
    }
    have += got;
    total_ += got;
    return true;
}

bool LineSource::ranges_readable() {
    if (ranges_) return true;
    if (!stream_ || is_stream()) return false;
    if (!bom_checked_) skip_bom();  // also makes the stream decide its codec
    return stream_->plain_file_position().fd >= 0;
}

LineSource::ChunkRead LineSource::next_range(std::size_t bytes) {
    if (!ranges_) {  // from where reading stopped: the bytes read but not consumed come again
        if (!ranges_readable()) throw IoError(name_ + ": cannot be read by ranges");
        const auto at = stream_->plain_file_position();
        const int fd = ::dup(at.fd);
        if (fd < 0) throw IoError(name_ + ": " + system_message(errno));
        ranges_ = std::shared_ptr<const int>(new int(fd), [](const int* f) {
            ::close(*f);
            delete f;
        });
        range_offset_ = at.offset - (end_ - begin_);
        total_ = range_offset_;
        begin_ = end_ = 0;
        eof_ = true;  // lines no more
        if (!chunk_pool_) chunk_pool_ = BufferPool<std::string>::make(chunk_keep_);
    }
    const int fd = *ranges_;
    struct stat st {};
    if (::fstat(fd, &st) != 0) throw IoError(name_ + ": " + system_message(errno));
    const auto size = static_cast<std::size_t>(st.st_size);
    const std::size_t start = range_offset_;
    if (start >= size) return {};
    // As next_chunk: the first newline at or after the nominal size's last
    // byte (the file's last byte when it ends first), else the end of the file.
    std::size_t end = size;
    char window[chunk_step];
    for (std::size_t at = std::min(start + std::max<std::size_t>(bytes, 1), size) - 1; at < size;) {
        const ssize_t got = ::pread(fd, window, std::min(sizeof window, size - at), static_cast<off_t>(at));
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) throw IoError(name_ + ": " + system_message(errno));
        if (got == 0) break;  // shorter than when it was measured: the read will say so
        if (const void* nl = std::memchr(window, '\n', static_cast<std::size_t>(got))) {
            end = at + static_cast<std::size_t>(static_cast<const char*>(nl) - window) + 1;
            break;
        }
        at += static_cast<std::size_t>(got);
    }
    range_offset_ = end;
    total_ += end - start;
    return [file = ranges_, pool = chunk_pool_, start, end, name = name_] {
        std::string text = pool->take();
        text.resize(end - start);  // writes only past the recycled size
        for (std::size_t done = 0; done < end - start;) {
            const ssize_t got = ::pread(*file, text.data() + done, end - start - done,
                                        static_cast<off_t>(start + done));
            if (got < 0 && errno == EINTR) continue;
            if (got < 0) throw IoError(name + ": " + system_message(errno));
            if (got == 0) throw IoError(name + ": the file got shorter while it was read");
            done += static_cast<std::size_t>(got);
        }
        return pool->wrap(std::move(text));
    };
}

std::string LineSource::read_rest() {
    if (!bom_checked_) skip_bom();
    while (fill()) {}
    std::string rest(buf_.data() + begin_, end_ - begin_);
    begin_ = end_;
    return rest;
}

}  // namespace mlm::io
