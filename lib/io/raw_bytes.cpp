#include "io/raw_bytes.hpp"

#include "error.hpp"
#include "io/system_error.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>
#include <vector>

namespace mlm::io {

void for_each_chunk(const std::string& path, const std::function<void(std::string_view)>& chunk) {
    int fd = path == "-" ? 0 : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    auto fail = [&](int err) {
        if (fd > 0) ::close(fd);
        throw IoError(path + ": " + system_message(err));
    };
    if (fd < 0) fail(errno);
    std::vector<char> buf(1 << 20);
    for (;;) {
        ssize_t n = ::read(fd, buf.data(), buf.size());
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) fail(errno);
        if (n == 0) break;
        chunk(std::string_view(buf.data(), static_cast<std::size_t>(n)));
    }
    if (fd > 0) ::close(fd);
}

}  // namespace mlm::io
