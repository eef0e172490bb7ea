#include "cli/messages.hpp"

#include "io/number.hpp"

#include <CLI/CLI.hpp>
#include <cctype>
#include <cmath>
#include <limits>
#include <vector>
#include <algorithm>

namespace mlm::cli {

namespace {

void append_hex(std::string& out, unsigned char c) {
    const char* digits = "0123456789abcdef";
    out += "\\x";
    out += digits[c >> 4];
    out += digits[c & 15];
}

// Length of the valid UTF-8 sequence at s[i], or 0 (RFC 3629: no overlong
// forms, no surrogates, nothing above U+10FFFF).
std::size_t utf8_length(std::string_view s, std::size_t i) {
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char c = byte(i);
    std::size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
    if (c > 0xF4 || n == 0 || i + n > s.size()) return 0;
    for (std::size_t k = 1; k < n; ++k)
        if ((byte(i + k) & 0xC0) != 0x80) return 0;
    unsigned char c1 = byte(i + 1);
    if (c == 0xE0 && c1 < 0xA0) return 0;  // overlong
    if (c == 0xED && c1 >= 0xA0) return 0;  // surrogate
    if (c == 0xF0 && c1 < 0x90) return 0;  // overlong
    if (c == 0xF4 && c1 >= 0x90) return 0;  // above U+10FFFF
    return n;
}

std::string in_quotes(const std::string& s) { return '"' + s + '"'; }

std::string lowercase_first(std::string s) {
    if (s.size() > 1 && std::isupper(static_cast<unsigned char>(s[0])) &&
        !std::isupper(static_cast<unsigned char>(s[1])))
        s[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[0])));
    return s;
}

bool starts_with(const std::string& s, std::string_view prefix) { return s.rfind(prefix, 0) == 0; }

// A bound printed by std::to_string: "17", or "0.000000" for a double.
std::string bound_text(const std::string& s) {
    double x = 0;
    if (io::parse_number(s, x) != io::ParseResult::ok) return s;
    if (std::fabs(x) == std::numeric_limits<double>::max()) return x > 0 ? "1.8e308" : "-1.8e308";
    return io::format_number(x);
}

// CLI::Range's "Value X not in range A to B" (from PositiveNumber and
// NonNegativeNumber too, whose bounds are DBL_MIN and DBL_MAX in 309 digits;
// std::to_string prints DBL_MIN as 0.000000, so `positive` tells them apart).
std::string range_message(const std::string& value, const std::string& lo, const std::string& hi, bool positive) {
    const bool real = lo.find('.') != std::string::npos;  // to_string of a double
    double b = 0;
    io::parse_number(hi, b);
    const std::string kind = real ? "a number" : "a whole number";
    auto bound = [&](const std::string& s) { return real ? bound_text(s) : s; };
    std::string want;
    if (positive) want = kind + " > 0";
    else if (b == std::numeric_limits<double>::max()) want = kind + " >= " + bound(lo);
    else want = kind + " from " + bound(lo) + " to " + bound(hi);
    return "expected " + want + ", got " + in_quotes(value);
}

const CLI::Option* find_option(const CLI::App& app, const std::string& name);

// CLI11 keeps PositiveNumber's name only as the description it appends to
// the option's type name ("K:POSITIVE").
bool has_validator(const CLI::Option* o, const std::string& validator) {
    return o && o->get_type_name().find(':' + validator) != std::string::npos;
}

// A validator's message ("NAME: MESSAGE") in our words.
std::string validation_message(const std::string& text, const CLI::App& app) {
    // "NAME: MESSAGE" where NAME is the option's name.
    auto colon = text.find(": ");
    if (colon == std::string::npos) return lowercase_first(text);
    std::string name = text.substr(0, colon), msg = text.substr(colon + 2);
    if (starts_with(msg, "Value ")) {
        auto at = msg.find(" not in range ");
        auto to = msg.rfind(" to ");
        if (at != std::string::npos && to != std::string::npos && to > at)
            return name + ": " + range_message(msg.substr(6, at - 6), msg.substr(at + 14, to - at - 14),
                                               msg.substr(to + 4),
                                               has_validator(find_option(app, name), "POSITIVE"));
    }
    if (auto in = msg.find(" not in {"); in != std::string::npos && msg.back() == '}') {
        std::string set = msg.substr(in + 9, msg.size() - in - 10), list;
        for (char c : set) list += c == ',' ? std::string(", ") : std::string(1, c);
        return name + ": expected one of " + list + ", got " + in_quotes(msg.substr(0, in));
    }
    return name + ": " + lowercase_first(msg);
}

// "Could not convert: NAME = VALUE": the value is no number of the option's
// type. A number that did not convert was meant for a whole-number option.
std::string conversion_message(const std::string& text) {
    const std::string head = "Could not convert: ";
    if (!starts_with(text, head)) return lowercase_first(text);
    auto eq = text.find(" = ", head.size());
    if (eq == std::string::npos) return lowercase_first(text);
    std::string name = text.substr(head.size(), eq - head.size()), value = text.substr(eq + 3);
    double x = 0;
    if (io::parse_number(value, x) != io::ParseResult::ok || std::isnan(x))
        return name + ": expected a number, got " + in_quotes(value);
    if (x < 0 && x == std::floor(x)) return name + ": expected a whole number >= 0, got " + in_quotes(value);
    return name + ": expected a whole number, got " + in_quotes(value);
}

// The option `name` of the command given: the deepest subcommand parsed
// first, as `mlm-entropy xent --base` is xent's own --base.
const CLI::Option* find_option(const CLI::App& app, const std::string& name) {
    std::vector<const CLI::App*> chain;
    for (const CLI::App* a = &app; a;) {
        chain.push_back(a);
        auto subs = a->get_subcommands();
        a = subs.empty() ? nullptr : subs.front();
    }
    for (auto it = chain.rbegin(); it != chain.rend(); ++it)
        if (const CLI::Option* o = (*it)->get_option_no_throw(name)) return o;
    return nullptr;
}

std::string with_type(const CLI::App& app, const std::string& name) {
    const CLI::Option* o = find_option(app, name);
    if (!o || o->get_type_size() == 0) return name;
    std::string type = o->get_type_name();
    type = type.substr(0, type.find(':'));  // without CLI11's validator descriptions
    return type.empty() ? name : name + ' ' + type;
}

std::string first_word(const std::string& s) { return s.substr(0, s.find(' ')); }

// Optimal string alignment distance: Levenshtein with adjacent swaps.
std::size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i)
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    return d[a.size()][b.size()];
}

}  // namespace

std::string near_subcommand(const CLI::App& app, const std::string& word) {
    std::string best;
    std::size_t best_distance = 3;
    for (const CLI::App* s : app.get_subcommands({})) {
        const std::string& name = s->get_name();
        if (name.empty() || name == word) continue;
        std::size_t d = edit_distance(word, name);
        // A one- or two-letter word is within 2 of every short name: no guess.
        if (d < best_distance && d < word.size()) {
            best = name;
            best_distance = d;
        }
    }
    return best;
}

namespace {

// The long option of the command given (the deepest subcommand parsed) that
// `word` ("--presicion") most likely misspells, within two edits, or empty.
std::string near_option(const CLI::App& app, const std::string& word) {
    const CLI::App* a = &app;
    while (!a->get_subcommands().empty()) a = a->get_subcommands().front();
    std::string best;
    std::size_t best_distance = 3;
    for (const CLI::Option* o : a->get_options()) {
        for (const std::string& name : o->get_lnames()) {
            std::size_t d = edit_distance(word, "--" + name);
            if (d < best_distance && d + 2 < word.size()) {
                best = "--" + name;
                best_distance = d;
            }
        }
    }
    return best;
}

}  // namespace

std::string one_line(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == '\n') out += "\\n";
        else if (c == '\r') out += "\\r";
        else if (c == '\t') out += "\\t";
        else if (c < 0x20 || c == 0x7F) append_hex(out, c);
        else if (c < 0x80) out += static_cast<char>(c);
        else if (std::size_t n = utf8_length(text, i)) {
            out.append(text.substr(i, n));
            i += n;
            continue;
        } else append_hex(out, c);
        ++i;
    }
    return out;
}

std::string usage_message(const CLI::ParseError& e, const CLI::App& app) {
    const std::string text = e.what();
    // By type, not get_name(): CLI11 puts a subcommand's name there for some.
    auto is = [&](auto* type) { return dynamic_cast<decltype(type)>(&e) != nullptr; };
    if (is((const CLI::ValidationError*)nullptr)) return validation_message(text, app);
    if (is((const CLI::ConversionError*)nullptr)) {
        if (auto at = text.find(": too many inputs for a flag"); at != std::string::npos)
            return text.substr(0, at) + ": takes no value";
        if (auto at = text.find(": Should be true/false or a number"); at != std::string::npos)
            return text.substr(0, at) + ": takes no value";
        // A flag given a value CLI11 cannot read as true/false: --quiet=maybe.
        if (auto eq = text.find(" = "); starts_with(text, "Could not convert: ") && eq != std::string::npos) {
            std::string name = text.substr(19, eq - 19);
            if (const CLI::Option* o = find_option(app, name); o && o->get_expected_max() == 0)
                return name + ": takes no value, got " + in_quotes(text.substr(eq + 3));
        }
        return conversion_message(text);
    }
    if (is((const CLI::ArgumentMismatch*)nullptr)) {
        // "NAME: 1 required TYPE missing", "NAME: At least 1 required but received 0", ...
        auto colon = text.find(": ");
        std::string name = colon == std::string::npos ? text : text.substr(0, colon);
        if (text.find(" missing") != std::string::npos || text.find("received 0") != std::string::npos)
            return with_type(app, name) + ": the value is missing";
        return name + ": given too many values";
    }
    if (is((const CLI::RequiredError*)nullptr)) {
        if (starts_with(text, "A subcommand")) {
            std::string names;
            for (const CLI::App* s : app.get_subcommands({}))
                names += (names.empty() ? "" : ", ") + s->get_name();
            for (const std::string& word : app.remaining(true))
                if (!word.empty() && word[0] != '-')
                    return "unknown subcommand " + in_quotes(word) + "; the subcommands are: " + names;
            return "a subcommand is required: " + names;
        }
        auto at = text.find(" is required");
        if (at != std::string::npos) {
            std::string name = text.substr(0, at);
            if (!name.empty() && name[0] != '-') return name + " is required";  // a positional: EXPR
            return with_type(app, first_word(name)) + " is required";
        }
        return lowercase_first(text);
    }
    if (is((const CLI::ExtrasError*)nullptr)) {
        auto colon = text.find(": ");
        std::string args = colon == std::string::npos ? text : text.substr(colon + 2);
        // CLI11 lists the words in reverse; an option among them is the likely mistake.
        std::vector<std::string> words;
        for (std::size_t i = 0; i <= args.size();) {
            std::size_t end = std::min(args.find(' ', i), args.size());
            words.insert(words.begin(), args.substr(i, end - i));
            i = end + 1;
        }
        std::string first = words.empty() ? args : words.front();
        for (const auto& w : words)
            if (starts_with(w, "-")) {
                first = w;
                break;
            }
        if (starts_with(first, "--")) {
            std::string guess = near_option(app, first.substr(0, first.find('=')));
            return "unknown option " + first + (guess.empty() ? "" : "; did you mean " + guess + "?");
        }
        if (starts_with(first, "-")) return "unknown option " + first;
        return "unexpected argument " + in_quotes(first);
    }
    if (is((const CLI::ExcludesError*)nullptr)) {
        auto at = text.find(" excludes ");
        if (at != std::string::npos)
            return text.substr(0, at) + " and " + text.substr(at + 10) + " cannot be used together";
    }
    if (is((const CLI::RequiresError*)nullptr)) {
        auto at = text.find(" requires ");
        if (at != std::string::npos) return text.substr(0, at) + " needs " + text.substr(at + 10);
    }
    return lowercase_first(text);
}

}  // namespace mlm::cli
