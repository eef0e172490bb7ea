#include "io/line_source.hpp"

#include <algorithm>
#include <cstring>

namespace mlm::io {

namespace {
constexpr std::size_t block_size = 1 << 20;
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

std::shared_ptr<const std::string> LineSource::next_chunk(std::size_t bytes) {
    if (!bom_checked_) skip_bom();
    while (end_ - begin_ < bytes && fill()) {}
    if (begin_ == end_) return nullptr;
    // Offsets from begin_ stay valid across fill(), which moves the unread bytes to the front.
    std::size_t scanned = std::min(bytes, end_ - begin_) - 1, cut = 0;
    for (;;) {
        const char* from = buf_.data() + begin_ + scanned;
        const void* nl = std::memchr(from, '\n', end_ - begin_ - scanned);
        if (nl) {
            cut = static_cast<std::size_t>(static_cast<const char*>(nl) - (buf_.data() + begin_)) + 1;
            break;
        }
        scanned = end_ - begin_;
        if (!fill()) {
            cut = end_ - begin_;
            break;
        }
    }
    auto chunk = std::make_shared<const std::string>(buf_.data() + begin_, cut);
    begin_ += cut;
    return chunk;
}

std::string LineSource::read_rest() {
    if (!bom_checked_) skip_bom();
    while (fill()) {}
    std::string rest(buf_.data() + begin_, end_ - begin_);
    begin_ = end_;
    return rest;
}

}  // namespace mlm::io
