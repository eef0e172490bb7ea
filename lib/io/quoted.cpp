#include "io/quoted.hpp"

namespace mlm::io {

std::string excerpt(std::string_view s, std::size_t limit) {
    if (s.size() <= limit) return std::string(s);
    std::size_t keep = limit - 3;
    // Do not split a UTF-8 character: back up over continuation bytes.
    while (keep > 0 && (static_cast<unsigned char>(s[keep]) & 0xC0) == 0x80) --keep;
    return std::string(s.substr(0, keep)) + "...";
}

std::string quoted(std::string_view s) { return '"' + excerpt(s) + '"'; }

}  // namespace mlm::io
