// Where results go: a buffered sink over standard output, a file written
// atomically (a temporary file beside it, renamed at commit), or memory for
// tests. Write errors surface as IoError, never as a silently short file.
#pragma once

#include <charconv>
#include <concepts>
#include <string>
#include <string_view>

namespace mlm::io {

class Output {
public:
    // Standard output.
    Output();
    // `path` is written through a temporary file beside it and renamed by
    // commit(); a run that fails before commit, or is killed by SIGINT, SIGTERM
    // or SIGHUP, leaves nothing behind. A symbolic link is followed and its
    // target replaced; a device or fifo (/dev/full) is written directly, and
    // /dev/stdout, /dev/stderr, /dev/fd/N through the descriptor already open.
    // An existing file keeps its mode; a new one gets 0666 & ~umask.
    explicit Output(const std::string& path);
    // Memory: everything written is kept and returned by captured().
    static Output memory();
    ~Output();
    Output(const Output&) = delete;
    Output& operator=(const Output&) = delete;
    Output(Output&&) noexcept;

    void write(std::string_view s) {
        buf_.append(s);
        if (buf_.size() >= flush_at) drain();
    }
    Output& operator<<(std::string_view s) { write(s); return *this; }
    Output& operator<<(char c) { buf_.push_back(c); if (buf_.size() >= flush_at) drain(); return *this; }
    // Whole numbers in decimal. Without this overload a std::size_t converted
    // silently to the char one above and printed a raw byte: "over \226 rows"
    // for 150 rows in mlm-entropy gain --explain.
    template <std::integral T>
        requires(!std::same_as<T, char> && !std::same_as<T, bool>)
    Output& operator<<(T n) {
        char digits[24];
        auto end = std::to_chars(digits, digits + sizeof digits, n).ptr;
        write(std::string_view(digits, static_cast<std::size_t>(end - digits)));
        return *this;
    }
    // A double has no one right text here (shortest? 6 digits?): format it with
    // io/number.hpp. Deleted so that it cannot convert to char either.
    Output& operator<<(double) = delete;
    Output& operator<<(float) = delete;
    // The buffer, for writers that append directly (numbers) before maybe_drain().
    std::string& buffer() { return buf_; }
    void maybe_drain() { if (buf_.size() >= flush_at) drain(); }

    // Writes out everything buffered and, for a file, renames it into place.
    // Throws IoError on a write error (a full disk, /dev/full); a closed pipe
    // ends the process quietly through SIGPIPE, as coreutils do.
    void commit();
    const std::string& captured() const { return buf_; }

private:
    static constexpr std::size_t flush_at = 1 << 16;
    enum class Kind { stdout_, file, device, memory };
    Output(Kind kind) : kind_(kind) {}
    void drain();

    Kind kind_ = Kind::stdout_;
    int fd_ = 1;
    std::string path_;         // as given, for messages
    std::string target_path_;  // path_ with symbolic links resolved: what commit replaces
    std::string temp_path_;
    int temp_slot_ = -1;       // the registration that removes temp_path_ on a signal
    std::string buf_;
    bool committed_ = false;
};

}  // namespace mlm::io
