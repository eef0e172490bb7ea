#include "cli/wrap.hpp"

namespace mlm::cli {
namespace {

void wrap_line(std::string_view line, std::size_t width, std::string& out) {
    const std::size_t indent = std::min(line.find_first_not_of(' '), line.size());
    const std::string continuation(std::min<std::size_t>(indent + 4, width / 2), ' ');
    bool first = true;
    while (true) {
        const std::size_t room = first ? width : width - continuation.size();
        if (!first) out += continuation;
        if (line.size() <= room) {
            out += line;
            return;
        }
        // The last space within the room, past any indentation; else the first space after it.
        std::size_t cut = line.rfind(' ', room);
        const std::size_t start = first ? indent : 0;
        if (cut == std::string_view::npos || cut <= start) cut = line.find(' ', room);
        if (cut == std::string_view::npos) {
            out += line;
            return;
        }
        std::string_view head = line.substr(0, cut);
        while (!head.empty() && head.back() == ' ') head.remove_suffix(1);
        out += head;
        out += '\n';
        line.remove_prefix(cut);
        while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
        if (line.empty()) return;
        first = false;
    }
}

}  // namespace

std::string wrap_lines(std::string_view text, std::size_t width) {
    std::string out;
    out.reserve(text.size());
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        const std::string_view line = text.substr(0, end);
        wrap_line(line, width, out);
        if (end == std::string_view::npos) break;
        out += '\n';
        text.remove_prefix(end + 1);
    }
    return out;
}

}  // namespace mlm::cli
