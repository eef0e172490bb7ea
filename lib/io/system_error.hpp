// The text of a system error as GNU tools print it after "file: ":
// strerror's message with a lowercase first letter ("no such file or directory").
#pragma once

#include <cctype>
#include <cstring>
#include <string>

namespace mlm::io {

inline std::string system_message(int err) {
    std::string m = std::strerror(err);
    if (!m.empty()) m[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(m[0])));
    return m;
}

}  // namespace mlm::io
