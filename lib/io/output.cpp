#include "io/output.hpp"

#include "error.hpp"
#include "io/system_error.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace mlm::io {

Output::Output() : kind_(Kind::stdout_), fd_(1) {}

Output::Output(const std::string& path) : kind_(Kind::file), path_(path) {
    struct stat st;
    if (::lstat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
        // A device, fifo or symbolic link (/dev/full, /dev/stdout) must not be
        // replaced by a rename: write through it directly.
        fd_ = ::open(path.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
        if (fd_ < 0) throw IoError(path + ": " + system_message(errno));
        kind_ = Kind::device;
        return;
    }
    temp_path_ = path + ".XXXXXX";
    fd_ = ::mkstemp(temp_path_.data());
    if (fd_ < 0) throw IoError(path + ": " + system_message(errno));
    ::fchmod(fd_, 0644);
}

Output Output::memory() { return Output(Kind::memory); }

Output::Output(Output&& o) noexcept
    : kind_(o.kind_), fd_(o.fd_), path_(std::move(o.path_)), temp_path_(std::move(o.temp_path_)),
      buf_(std::move(o.buf_)), committed_(o.committed_) {
    o.kind_ = Kind::memory;
    o.committed_ = true;
}

Output::~Output() {
    if (kind_ == Kind::device && !committed_) ::close(fd_);
    if (kind_ == Kind::file && !committed_) {
        ::close(fd_);
        ::unlink(temp_path_.c_str());
    }
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
    if (::close(fd_) != 0 || ::rename(temp_path_.c_str(), path_.c_str()) != 0) {
        int err = errno;
        ::unlink(temp_path_.c_str());
        throw IoError(path_ + ": " + system_message(err));
    }
}

}  // namespace mlm::io
