#include "io/byte_stream.hpp"
#include "start_thread.hpp"

#include "error.hpp"
#include "io/system_error.hpp"

#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>
#include <zlib.h>
#include <zstd.h>

namespace mlm::io {

namespace {
constexpr std::size_t raw_block = 1 << 18;
// Decompressed chunks in flight between the decoding thread and the reader:
// bounded, so a fast decoder waits for a slow parser instead of filling memory.
constexpr std::size_t chunk_size = 1 << 20, chunks = 4;
enum class Codec { undecided, plain, gzip, zstd };
}  // namespace

struct ByteStream::Impl {
    std::string name;
    int fd = -1;
    bool owns_fd = false;
    std::size_t size = 0;
    std::atomic<std::size_t> raw_total{0};
    Codec codec = Codec::undecided;
    // Compressed bytes read but not yet decoded (and the magic-number peek).
    std::vector<unsigned char> in;
    std::size_t in_begin = 0, in_end = 0;
    bool raw_eof = false;
    // gzip: a member is open between its header and its end.
    z_stream gz{};
    bool gz_ready = false, gz_in_member = false;
    // zstd: the last return of ZSTD_decompressStream; 0 between frames.
    ZSTD_DStream* zs = nullptr;
    std::size_t zs_pending = 0;

    // Compressed input decodes on its own thread, as `zcat FILE |` would on
    // another core, so that reading FILE.gz is no slower than the pipe.
    std::thread worker;
    std::mutex mutex;
    std::condition_variable changed;
    std::deque<std::vector<char>> ready, spare;
    bool finished = false, stopping = false;
    std::exception_ptr failure;
    std::vector<char> current;
    std::size_t current_pos = 0;

    ~Impl() {
        if (worker.joinable()) {
            {
                std::lock_guard<std::mutex> lock(mutex);
                stopping = true;
            }
            changed.notify_all();
            worker.join();
        }
        if (gz_ready) inflateEnd(&gz);
        if (zs) ZSTD_freeDStream(zs);
        if (owns_fd) ::close(fd);
    }

    [[noreturn]] void corrupt(const std::string& what) const { throw InputError(what, name); }

    // read(2) into `dst`, retried on EINTR; 0 at end of input.
    std::size_t read_fd(void* dst, std::size_t n) {
        for (;;) {
            ssize_t got = ::read(fd, dst, n);
            if (got < 0 && errno == EINTR) continue;
            if (got < 0) {
                int err = errno;
                throw IoError(name + ": " + system_message(err));
            }
            raw_total.fetch_add(static_cast<std::size_t>(got), std::memory_order_relaxed);
            return static_cast<std::size_t>(got);
        }
    }

    // Appends raw bytes to `in`; false at end of input.
    bool refill() {
        if (raw_eof) return false;
        if (in_begin == in_end) in_begin = in_end = 0;
        if (in_end == in.size()) {
            std::memmove(in.data(), in.data() + in_begin, in_end - in_begin);
            in_end -= in_begin;
            in_begin = 0;
        }
        std::size_t got = read_fd(in.data() + in_end, in.size() - in_end);
        if (got == 0) raw_eof = true;
        in_end += got;
        return got > 0;
    }
    std::size_t available() const { return in_end - in_begin; }
    bool starts_with(const char* magic, std::size_t n) const {
        return available() >= n && std::memcmp(in.data() + in_begin, magic, n) == 0;
    }

    void decide() {
        while (available() < 4 && refill()) {}
        if (starts_with("\x1f\x8b", 2)) {
            codec = Codec::gzip;
            if (inflateInit2(&gz, 16 + MAX_WBITS) != Z_OK) throw IoError(name + ": cannot start zlib");
            gz_ready = true;
        } else if (starts_with("\x28\xb5\x2f\xfd", 4)) {
            codec = Codec::zstd;
            zs = ZSTD_createDStream();
            if (!zs) throw IoError(name + ": cannot start zstd");
        } else {
            codec = Codec::plain;
        }
    }

    std::size_t read_plain(char* dst, std::size_t n) {
        if (available() > 0) {
            std::size_t k = std::min(n, available());
            std::memcpy(dst, in.data() + in_begin, k);
            in_begin += k;
            return k;
        }
        return raw_eof ? 0 : read_fd(dst, n);
    }

    std::size_t read_gzip(char* dst, std::size_t n) {
        gz.next_out = reinterpret_cast<Bytef*>(dst);
        gz.avail_out = static_cast<uInt>(std::min<std::size_t>(n, 1u << 30));
        const uInt wanted = gz.avail_out;
        while (gz.avail_out == wanted) {
            if (!gz_in_member) {
                // Between members: the end, or another member (as zcat reads them).
                while (available() < 2 && refill()) {}
                if (available() == 0) break;
                if (!starts_with("\x1f\x8b", 2)) corrupt("data after the end of the gzip stream is not gzip");
                if (inflateReset(&gz) != Z_OK) corrupt("corrupt gzip data");
                gz_in_member = true;
            }
            if (available() == 0 && !refill()) corrupt("truncated gzip data (unexpected end of file)");
            gz.next_in = in.data() + in_begin;
            gz.avail_in = static_cast<uInt>(std::min<std::size_t>(available(), 1u << 30));
            const uInt before = gz.avail_in;
            int rc = inflate(&gz, Z_NO_FLUSH);
            in_begin += before - gz.avail_in;
            if (rc == Z_STREAM_END) {
                gz_in_member = false;
            } else if (rc == Z_BUF_ERROR) {
                // No progress: more input needed (the loop reads it) or none left.
                if (available() > 0) corrupt("corrupt gzip data");
            } else if (rc != Z_OK) {
                corrupt(std::string("corrupt gzip data") + (gz.msg ? std::string(" (") + gz.msg + ")" : ""));
            }
        }
        return wanted - gz.avail_out;
    }

    std::size_t decode(char* dst, std::size_t n) {
        return codec == Codec::gzip ? read_gzip(dst, n) : read_zstd(dst, n);
    }

    // The decoding thread: fills spare chunks until the input ends or fails.
    // The bytes decoded before a failure are handed over before it, so that
    // an error in the data they hold (a bad row) is reported first.
    void decode_chunks() {
        for (;;) {
            std::vector<char> chunk;
            {
                std::unique_lock<std::mutex> lock(mutex);
                changed.wait(lock, [&] { return stopping || !spare.empty(); });
                if (stopping) return;
                chunk = std::move(spare.front());
                spare.pop_front();
            }
            std::exception_ptr failed;
            std::size_t filled = 0;
            try {
                chunk.resize(chunk_size);
                while (filled < chunk.size()) {
                    std::size_t got = decode(chunk.data() + filled, chunk.size() - filled);
                    if (got == 0) break;
                    filled += got;
                }
            } catch (...) {
                failed = std::current_exception();
            }
            chunk.resize(filled);
            std::lock_guard<std::mutex> lock(mutex);
            if (filled > 0) ready.push_back(std::move(chunk));
            finished = filled == 0 || failed;
            failure = failed;
            changed.notify_all();
            if (finished) return;
        }
    }

    void start_worker() {
        for (std::size_t i = 0; i < chunks; ++i) spare.emplace_back();
        worker = start_thread(1, [this] { decode_chunks(); });
    }

    // The next decoded bytes, handed over from the decoding thread.
    std::size_t read_decoded(char* dst, std::size_t n) {
        if (current_pos == current.size()) {
            std::unique_lock<std::mutex> lock(mutex);
            if (!current.empty()) {
                spare.push_back(std::move(current));
                changed.notify_all();
            }
            current.clear();
            current_pos = 0;
            changed.wait(lock, [&] { return !ready.empty() || finished; });
            if (ready.empty()) {
                if (failure) std::rethrow_exception(failure);
                return 0;
            }
            current = std::move(ready.front());
            ready.pop_front();
        }
        std::size_t k = std::min(n, current.size() - current_pos);
        std::memcpy(dst, current.data() + current_pos, k);
        current_pos += k;
        return k;
    }

    std::size_t read_zstd(char* dst, std::size_t n) {
        ZSTD_outBuffer out{dst, n, 0};
        while (out.pos == 0) {
            if (available() == 0 && !refill()) {
                if (zs_pending != 0) corrupt("truncated zstd data (unexpected end of file)");
                break;
            }
            ZSTD_inBuffer input{in.data() + in_begin, available(), 0};
            std::size_t rc = ZSTD_decompressStream(zs, &out, &input);
            in_begin += input.pos;
            if (ZSTD_isError(rc)) corrupt(std::string("corrupt zstd data (") + ZSTD_getErrorName(rc) + ")");
            zs_pending = rc;
        }
        return out.pos;
    }
};

ByteStream::ByteStream(const std::string& path) : impl_(std::make_unique<Impl>()) {
    Impl& s = *impl_;
    s.name = path;
    if (path == "-") {
        s.fd = 0;
#ifdef F_SETPIPE_SZ
        (void)fcntl(0, F_SETPIPE_SZ, 1 << 20);  // fails harmlessly on files and ttys
#endif
    } else {
        s.fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (s.fd < 0) throw IoError(path + ": " + system_message(errno));
        s.owns_fd = true;
#ifdef POSIX_FADV_SEQUENTIAL
        (void)posix_fadvise(s.fd, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
    }
    struct stat st {};
    if (::fstat(s.fd, &st) == 0 && S_ISREG(st.st_mode)) s.size = static_cast<std::size_t>(st.st_size);
    s.in.resize(raw_block);
}

ByteStream::~ByteStream() = default;

std::size_t ByteStream::read(char* dst, std::size_t n) {
    Impl& s = *impl_;
    if (n == 0) return 0;
    if (s.codec == Codec::undecided) {
        s.decide();
        if (s.codec != Codec::plain) s.start_worker();
    }
    return s.codec == Codec::plain ? s.read_plain(dst, n) : s.read_decoded(dst, n);
}

ByteStream::FilePosition ByteStream::plain_file_position() const {
    const Impl& s = *impl_;
    if (s.codec != Codec::plain || s.size == 0 || s.fd < 0 || s.name == "-") return {};
    // The descriptor's own offset, not the bytes counted: it need not have started at 0.
    const off_t at = ::lseek(s.fd, 0, SEEK_CUR);
    if (at < 0 || static_cast<std::size_t>(at) < s.in_end - s.in_begin) return {};
    return {s.fd, static_cast<std::size_t>(at) - (s.in_end - s.in_begin)};
}

std::size_t ByteStream::raw_bytes_read() const { return impl_->raw_total; }
std::size_t ByteStream::file_size() const { return impl_->size; }
const char* ByteStream::codec() const {
    switch (impl_->codec) {
    case Codec::gzip: return "gzip";
    case Codec::zstd: return "zstd";
    default: return "";
    }
}

}  // namespace mlm::io
