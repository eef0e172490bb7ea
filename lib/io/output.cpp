#include "io/output.hpp"

#include "error.hpp"
#include "io/system_error.hpp"

#include <atomic>
#include <cerrno>
#include <charconv>
#include <string_view>
#include <climits>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace mlm::io {

namespace {

// Temporary files that a signal must not leave behind. A handler can only
// read memory that is never reallocated, so each path lives in a fixed slot;
// `used` is set after the path is complete and cleared before it changes.
struct TempSlot {
    std::atomic<bool> used{false};
    char path[PATH_MAX + 16] = {};
};
constexpr int slot_count = 8;  // an -o file and a --save-model file at most, in practice
TempSlot slots[slot_count];
const int cleanup_signals[] = {SIGINT, SIGTERM, SIGHUP};

extern "C" void remove_temps_and_reraise(int sig) {
    int saved = errno;
    for (auto& s : slots)
        if (s.used.load()) ::unlink(s.path);  // unlink is async-signal-safe
    // The default action, so the parent sees the signal as our exit status.
    struct sigaction dfl {};
    dfl.sa_handler = SIG_DFL;
    sigemptyset(&dfl.sa_mask);
    ::sigaction(sig, &dfl, nullptr);
    errno = saved;
    ::raise(sig);
}

void install_handlers() {
    static bool installed = false;
    if (installed) return;
    installed = true;
    for (int sig : cleanup_signals) {
        struct sigaction old {};
        ::sigaction(sig, nullptr, &old);
        // A signal ignored by whoever started us (nohup, a background job)
        // stays ignored; one with a handler of its own keeps it.
        if (old.sa_handler != SIG_DFL) continue;
        struct sigaction act {};
        act.sa_handler = remove_temps_and_reraise;
        sigemptyset(&act.sa_mask);
        ::sigaction(sig, &act, nullptr);
    }
}

// Registers a temporary path for removal on a signal; the slot index, or -1
// when all slots are taken (the file is then only removed on a normal exit).
int register_temp(const std::string& path) {
    if (path.size() >= sizeof slots[0].path) return -1;
    install_handlers();
    for (int i = 0; i < slot_count; ++i) {
        if (slots[i].used.load()) continue;
        std::memcpy(slots[i].path, path.c_str(), path.size() + 1);
        slots[i].used.store(true);
        return i;
    }
    return -1;
}

void release_temp(int slot) {
    if (slot >= 0) slots[slot].used.store(false);
}

// The file a path names, following symbolic links (also dangling ones, whose
// target is yet to be created), so that -o through a link replaces the target
// atomically and leaves the link a link.
std::string resolve_links(const std::string& path) {
    std::string p = path;
    for (int depth = 0; depth < 40; ++depth) {
        struct stat st;
        if (::lstat(p.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return p;
        char target[PATH_MAX];
        ssize_t n = ::readlink(p.c_str(), target, sizeof target - 1);
        if (n < 0) return p;
        std::string t(target, static_cast<std::size_t>(n));
        if (t.empty() || t[0] != '/') {
            auto slash = p.rfind('/');
            t = (slash == std::string::npos ? std::string() : p.substr(0, slash + 1)) + t;
        }
        p = t;
    }
    throw IoError(path + ": " + system_message(ELOOP));
}

// The descriptor a path names when it is one of ours already open
// (/dev/stdout, /dev/stderr, /dev/fd/N, /proc/self/fd/N), else -1.
int open_descriptor(const std::string& path) {
    if (path == "/dev/stdin") return 0;
    if (path == "/dev/stdout") return 1;
    if (path == "/dev/stderr") return 2;
    for (std::string_view prefix : {"/dev/fd/", "/proc/self/fd/"}) {
        if (path.rfind(prefix, 0) != 0) continue;
        int n = -1;
        const char* end = path.data() + path.size();
        auto r = std::from_chars(path.data() + prefix.size(), end, n);
        return r.ec == std::errc() && r.ptr == end && ::fcntl(n, F_GETFD) != -1 ? n : -1;
    }
    return -1;
}

mode_t creation_mode() {
    mode_t mask = ::umask(0);
    ::umask(mask);
    return 0666 & ~mask;
}

}  // namespace

Output::Output() : kind_(Kind::stdout_), fd_(1) {}

Output::Output(const std::string& path) : kind_(Kind::file), path_(path) {
    if (int n = open_descriptor(path); n >= 0) {
        // /dev/stdout is the stream the shell opened, maybe for appending
        // (>> log): written as it is, neither reopened with O_TRUNC nor
        // replaced by a rename of the file behind it.
        fd_ = ::fcntl(n, F_DUPFD_CLOEXEC, 3);
        if (fd_ < 0) throw IoError(path + ": " + system_message(errno));
        kind_ = Kind::device;
        return;
    }
    struct stat st;
    const bool exists = ::stat(path.c_str(), &st) == 0;  // through any links
    if (exists && !S_ISREG(st.st_mode)) {
        // A device or fifo (/dev/full, /dev/stdout) cannot be replaced by a
        // rename: write through it directly.
        fd_ = ::open(path.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
        if (fd_ < 0) throw IoError(path + ": " + system_message(errno));
        kind_ = Kind::device;
        return;
    }
    std::string target;
    if (char* real = exists ? ::realpath(path.c_str(), nullptr) : nullptr) {
        target = real;
        std::free(real);
    } else {
        target = resolve_links(path);  // a new file, or a link to one still to be created
    }
    target_path_ = target;
    temp_path_ = target + ".XXXXXX";
    fd_ = ::mkostemp(temp_path_.data(), O_CLOEXEC);
    if (fd_ < 0) throw IoError(path + ": " + system_message(errno));
    temp_slot_ = register_temp(temp_path_);
    // The file keeps the mode it had; a new one gets what open(2) would give it.
    ::fchmod(fd_, exists ? (st.st_mode & 07777) : creation_mode());
}

Output Output::memory() { return Output(Kind::memory); }

Output::Output(Output&& o) noexcept
    : kind_(o.kind_), fd_(o.fd_), path_(std::move(o.path_)), target_path_(std::move(o.target_path_)),
      temp_path_(std::move(o.temp_path_)), temp_slot_(o.temp_slot_), buf_(std::move(o.buf_)),
      committed_(o.committed_) {
    o.kind_ = Kind::memory;
    o.committed_ = true;
    o.temp_slot_ = -1;
}

Output::~Output() {
    if (kind_ == Kind::device && !committed_) ::close(fd_);
    if (kind_ == Kind::file && !committed_) {
        ::close(fd_);
        ::unlink(temp_path_.c_str());
    }
    release_temp(temp_slot_);
}

void Output::drain() {
    if (kind_ == Kind::memory) return;
    std::size_t done = 0;
    while (done < buf_.size()) {
        ssize_t n = ::write(fd_, buf_.data() + done, buf_.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            int err = errno;
            buf_.clear();
            throw IoError((kind_ == Kind::stdout_ ? std::string("write error") : path_) + ": " +
                          system_message(err));
        }
        done += static_cast<std::size_t>(n);
    }
    buf_.clear();
}

void Output::commit() {
    drain();
    if (kind_ == Kind::device && !committed_) {
        committed_ = true;
        if (::close(fd_) != 0) throw IoError(path_ + ": " + system_message(errno));
        return;
    }
    if (kind_ != Kind::file || committed_) return;
    committed_ = true;
    if (::close(fd_) != 0 || ::rename(temp_path_.c_str(), target_path_.c_str()) != 0) {
        int err = errno;
        ::unlink(temp_path_.c_str());
        release_temp(temp_slot_);
        temp_slot_ = -1;
        throw IoError(path_ + ": " + system_message(err));
    }
    release_temp(temp_slot_);
    temp_slot_ = -1;
}

}  // namespace mlm::io
