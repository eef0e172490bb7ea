#include "io/columns.hpp"

#include "error.hpp"
#include "io/quoted.hpp"

#include <algorithm>
#include <charconv>

namespace mlm::io {

namespace {

bool parse_index(std::string_view s, std::size_t& out) {
    if (s.empty()) return false;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && p == s.data() + s.size();
}

std::string quoted(std::string_view s, char quote) { return quote + excerpt(s) + quote; }

[[noreturn]] void unknown(std::string_view item, const std::vector<std::string>& names) {
    throw UsageError("unknown column " + quoted(item, '\'') + "; the columns are: " + list_columns(names));
}

std::size_t checked_index(std::size_t one_based, std::string_view item,
                          const std::vector<std::string>& names) {
    if (one_based == 0 || one_based > names.size()) unknown(item, names);
    return one_based - 1;
}

}  // namespace

std::string list_columns(const std::vector<std::string>& names) {
    std::string out;
    std::size_t shown = std::min<std::size_t>(names.size(), 20);
    for (std::size_t i = 0; i < shown; ++i) {
        if (i) out += ", ";
        out += excerpt(names[i]);
    }
    if (shown < names.size()) out += ", ... (" + std::to_string(names.size()) + " in all)";
    if (names.empty()) out = "(none)";
    return out;
}

std::vector<std::size_t> resolve_columns(std::string_view spec,
                                         const std::vector<std::string>& names) {
    std::vector<std::size_t> out;
    if (spec.empty()) throw UsageError("empty column list");
    std::size_t start = 0;
    while (start <= spec.size()) {
        std::size_t comma = spec.find(',', start);
        if (comma == std::string_view::npos) comma = spec.size();
        std::string_view item = spec.substr(start, comma - start);
        start = comma + 1;
        if (item.empty()) throw UsageError("empty item in column list '" + std::string(spec) + "'");
        auto by_name = std::find(names.begin(), names.end(), item);
        std::size_t a, b;
        std::size_t dash = item.find('-', 1);
        if (by_name != names.end()) {
            auto again = std::find(by_name + 1, names.end(), item);
            if (again != names.end()) {
                // Taking the first silently would read the wrong column half the time.
                if (parse_index(item, a)) {
                    out.push_back(checked_index(a, item, names));
                    continue;
                }
                throw UsageError("column " + quoted(item, '\'') + " stands twice in the header (columns " +
                                 std::to_string(by_name - names.begin() + 1) + " and " +
                                 std::to_string(again - names.begin() + 1) + "); choose it by index");
            }
            out.push_back(static_cast<std::size_t>(by_name - names.begin()));
        } else if (parse_index(item, a)) {
            out.push_back(checked_index(a, item, names));
        } else if (dash != std::string_view::npos && parse_index(item.substr(0, dash), a) &&
                   parse_index(item.substr(dash + 1), b)) {
            if (a > b) throw UsageError("decreasing column range '" + std::string(item) + "'");
            checked_index(a, item, names);
            checked_index(b, item, names);
            for (std::size_t i = a; i <= b; ++i) out.push_back(i - 1);
        } else {
            unknown(item, names);
        }
    }
    return out;
}

std::size_t resolve_column(std::string_view spec, const std::vector<std::string>& names) {
    auto cols = resolve_columns(spec, names);
    if (cols.size() != 1)
        throw UsageError("'" + std::string(spec) + "' must name exactly one column");
    return cols.front();
}

}  // namespace mlm::io
