#include "cli/explain_text.hpp"

#include "error.hpp"

#include <algorithm>

namespace mlm::cli {

namespace {
bool continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The byte offset where column `col` of `s` starts (s.size() past the end).
std::size_t offset_of_column(std::string_view s, std::size_t col) {
    std::size_t seen = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (continuation_byte(s[i])) continue;
        if (seen == col) return i;
        ++seen;
    }
    return s.size();
}

void wrap_line(std::string_view line, std::size_t width, std::size_t hanging, std::string& out) {
    std::size_t indent = line.find_first_not_of(' ');
    if (indent == std::string_view::npos) indent = 0;
    std::string prefix;
    bool first = true;
    while (text_columns(prefix) + text_columns(line) > width) {
        std::size_t room = width - text_columns(prefix);
        std::size_t limit = offset_of_column(line, room);  // the first byte that does not fit
        std::size_t cut = line.rfind(' ', limit);
        // Never break inside the leading indent: that would leave an empty line.
        if (cut == std::string_view::npos || cut <= (first ? indent : 0)) {
            cut = line.find(' ', limit);  // a word too long for the width stays whole
            if (cut == std::string_view::npos) break;
        }
        std::string_view head = line.substr(0, cut);
        while (!head.empty() && head.back() == ' ') head.remove_suffix(1);
        out.append(prefix).append(head).push_back('\n');
        line.remove_prefix(cut);
        while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
        // Never more than half the width, so that a deep indent still leaves room.
        if (first) prefix.assign(std::min(indent + hanging, width / 2), ' ');
        first = false;
    }
    out.append(prefix).append(line).push_back('\n');
}
}  // namespace

std::size_t text_columns(std::string_view s) {
    std::size_t n = 0;
    for (char c : s) n += !continuation_byte(c);
    return n;
}

std::string wrapped(std::string_view text, std::size_t width, std::size_t hanging) {
    std::string out;
    out.reserve(text.size() + text.size() / 16);
    while (!text.empty()) {
        std::size_t end = text.find('\n');
        bool newline = end != std::string_view::npos;
        std::string_view line = text.substr(0, newline ? end : text.size());
        wrap_line(line, width, hanging, out);
        if (!newline) out.pop_back();  // a last line without a newline stays so
        text.remove_prefix(newline ? end + 1 : text.size());
    }
    return out;
}

std::string fitted(std::string_view name, std::size_t width) {
    if (text_columns(name) <= width) return std::string(name);
    if (width <= 3) return std::string(name.substr(0, offset_of_column(name, width)));
    return std::string(name.substr(0, offset_of_column(name, width - 3))) + "...";
}

std::string padded(std::string text, std::size_t width) {
    const std::size_t columns = text_columns(text);
    if (columns < width) text.append(width - columns, ' ');
    return text;
}

void refuse_with_explain(const StandardOptions& o) {
    auto refuse = [](const std::string& option, const std::string& why) {
        throw UsageError("--explain prints a walkthrough, not a number: " + option + " " + why);
    };
    if (o.fail_above || o.fail_below) refuse(o.fail_above ? "--fail-above" : "--fail-below", "checks the number; run it without --explain");
    if (o.to != "csv") refuse("-t " + o.to, "formats the number; the walkthrough is text");
    if (o.precision) refuse("--precision", "sets the number's digits; the walkthrough shows 6 and the result in full");
}

int explained(Context& ctx, const std::function<int(Context&)>& explain) {
    io::Output text = io::Output::memory();
    Context inner(ctx.tool(), ctx.options(), text, ctx.err());
    int status = explain(inner);
    ctx.out() << wrapped(text.captured());
    return status;
}

}  // namespace mlm::cli
