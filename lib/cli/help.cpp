#include "cli/help.hpp"

#include <algorithm>
#include <sstream>

namespace mlm::cli {

namespace {

constexpr std::size_t name_column = 24;  // where option descriptions start

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

std::size_t leading_spaces(std::string_view s) {
    std::size_t n = 0;
    while (n < s.size() && s[n] == ' ') ++n;
    return n;
}

// "  NAME" padded to the description column, then the description wrapped
// beside it; a name too long for its column puts the description below it.
std::string two_columns(const std::string& name, const std::string& desc) {
    std::string head = "  " + name;
    if (desc.empty()) return head + '\n';
    std::string pad(name_column, ' ');
    std::string body = wrap(desc, help_width - name_column, 0);
    std::string out;
    if (head.size() + 2 > name_column) out = head + '\n' + pad;
    else out = head + std::string(name_column - head.size(), ' ');
    for (char c : body) {
        out += c;
        if (c == '\n') out += pad;
    }
    return out + '\n';
}

// An example line of a footer ("  mlm-x args   what it does"), wrapped so that
// the command stays whole where it fits and the explanation goes below it.
std::string example_line(const std::string& line) {
    if (line.size() <= help_width) return line + '\n';
    std::size_t lead = leading_spaces(line);
    std::size_t gap = line.find("  ", lead);  // footers put two spaces before the explanation
    std::string command = line.substr(0, gap);
    // A command too long for one line continues as the shell reads it, so it
    // can still be copied and pasted: "...  \" and an indented rest.
    std::string out;
    for (char c : wrap(command, help_width - 2, lead + 4)) out += c == '\n' ? std::string(" \\\n") : std::string(1, c);
    out += '\n';
    if (gap != std::string::npos) {
        std::string rest = line.substr(line.find_first_not_of(' ', gap));
        out += std::string(lead + 4, ' ') + wrap(rest, help_width - lead - 4, 0) + '\n';
    }
    return out;
}

// The type name an option was declared with ("FMT"), without the validator
// descriptions CLI11 appends to it ("FMT:{csv,tsv}").
std::string type_of(const CLI::Option* opt) {
    std::string t = opt->get_type_name();
    return t.substr(0, t.find(':'));
}

std::string option_name(const CLI::Option* opt) {
    if (opt->get_positional()) {
        std::string n = opt->get_name(true, false);
        return opt->get_expected_max() > 1 ? n + "..." : n;
    }
    std::string names = opt->get_name(false, true);  // "-c,--columns"
    std::string out;
    for (char c : names) out += c == ',' ? std::string(", ") : std::string(1, c);
    if (std::string type = type_of(opt); opt->get_type_size() != 0 && !type.empty()) out += ' ' + type;
    return out;
}

std::string option_desc(const CLI::Option* opt) {
    std::string d = opt->get_description();
    // An IsMember check's choices, unless the description lists them already.
    std::string full = opt->get_type_name();
    if (auto set = full.find(":{"); set != std::string::npos && full.back() == '}') {
        std::string choices;
        for (char c : full.substr(set + 2, full.size() - set - 3)) choices += c == ',' ? std::string(", ") : std::string(1, c);
        if (d.find(choices.substr(0, choices.find(','))) == std::string::npos) d += ": " + choices;
    }
    if (opt->get_required() && !opt->get_positional()) d += " (required)";
    return d;
}

bool shown(const CLI::Option* opt) { return !opt->get_group().empty(); }

std::vector<const CLI::App*> subcommands_of(const CLI::App* app) {
    return app->get_subcommands([](const CLI::App* s) { return !s->get_name().empty() && !s->get_disabled(); });
}

std::string usage(const CLI::App* app, const std::string& name) {
    std::string u = "Usage: " + name;
    if (!subcommands_of(app).empty())
        u += app->get_require_subcommand_min() > 0 ? " SUBCOMMAND" : " [SUBCOMMAND]";
    if (!app->get_options([](const CLI::Option* o) { return o->nonpositional(); }).empty()) u += " [OPTIONS]";
    for (const CLI::Option* p : app->get_options([](const CLI::Option* o) { return o->get_positional(); })) {
        std::string n = option_name(p);
        u += ' ' + (p->get_required() ? n : '[' + n + ']');
    }
    return wrap(u, help_width, 7) + '\n';
}

// The example lines ("  mlm-...") of an app's footer; for a subcommand, those
// of its own footer and its parent's that use it (CLI11 copies the parent's
// footer into each subcommand, so an example elsewhere is not about it).
std::vector<std::string> examples_of(const CLI::App* app) {
    std::vector<std::string> found;
    auto is_example = [](const std::string& line) { return line.rfind("  mlm", 0) == 0; };
    if (!app->get_parent()) {
        for (const auto& line : lines_of(app->get_footer()))
            if (is_example(line)) found.push_back(line);
        return found;
    }
    const std::string word = ' ' + app->get_name() + ' ';
    for (const std::string& footer : {app->get_footer(), app->get_parent()->get_footer()})
        for (const auto& line : lines_of(footer))
            if (is_example(line) && line.find(word) != std::string::npos &&
                std::find(found.begin(), found.end(), line) == found.end())
                found.push_back(line);
    return found;
}

std::string root_name(const CLI::App* app) {
    while (app->get_parent()) app = app->get_parent();
    return app->get_name();
}

class HelpFormatter : public CLI::Formatter {
public:
    explicit HelpFormatter(std::vector<std::string> common) : common_(std::move(common)) {}

    std::string make_help(const CLI::App* app, std::string name, CLI::AppFormatMode mode) const override {
        if (name.empty()) name = app->get_name();
        return mode == CLI::AppFormatMode::Normal ? short_help(app, name) : long_help(app, name);
    }

private:
    bool is_common(const CLI::Option* opt) const {
        if (opt->get_required()) return true;
        for (const auto& n : common_)
            if (opt->check_name(n)) return true;
        return false;
    }

    std::string short_help(const CLI::App* app, const std::string& name) const {
        std::string head = wrap(app->get_description(), help_width, 0) + '\n' + usage(app, name);
        std::string subs;
        if (auto list = subcommands_of(app); !list.empty()) {
            subs = "\nSubcommands:\n";
            for (const CLI::App* s : list) subs += two_columns(s->get_name(), s->get_description());
        }
        std::string example;
        if (auto ex = examples_of(app); !ex.empty()) example = "\nExample:\n" + example_line(ex.front());
        std::string tail = "\n-h: this summary; --help: every option; man " + root_name(app) + ": the manual.\n";
        auto count = [](const std::string& s) { return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n')); };
        std::size_t used = count(head) + count(subs) + count(example) + count(tail);
        std::string options;
        auto opts = app->get_options([&](const CLI::Option* o) { return shown(o) && is_common(o); });
        for (const CLI::Option* o : opts) {
            std::string entry = two_columns(option_name(o), option_desc(o));
            // Keep within the screen: an option that does not fit is on --help.
            if (used + count(options) + count(entry) + 2 > short_help_lines) break;
            options += entry;
        }
        if (!options.empty()) options = "\nCommon options:\n" + options;
        return head + subs + options + example + tail;
    }

    std::string long_help(const CLI::App* app, const std::string& name) const {
        std::string out;
        if (!app->get_description().empty()) out += wrap(app->get_description(), help_width, 0) + '\n';
        out += usage(app, name);
        auto positionals = app->get_options([](const CLI::Option* o) { return o->get_positional() && shown(o); });
        if (!positionals.empty()) {
            out += "\nArguments:\n";
            for (const CLI::Option* p : positionals) out += two_columns(option_name(p), option_desc(p));
        }
        for (const std::string& group : app->get_groups()) {
            auto opts = app->get_options(
                [&](const CLI::Option* o) { return o->nonpositional() && o->get_group() == group; });
            if (group.empty() || opts.empty()) continue;
            out += '\n' + group + ":\n";
            for (const CLI::Option* o : opts) out += two_columns(option_name(o), option_desc(o));
        }
        if (auto list = subcommands_of(app); !list.empty()) {
            out += "\nSubcommands:\n";
            for (const CLI::App* s : list) out += two_columns(s->get_name(), s->get_description());
        }
        if (!app->get_footer().empty()) {
            out += '\n';
            for (const auto& line : lines_of(app->get_footer()))
                out += line.rfind("  ", 0) == 0 ? example_line(line) : wrap(line, help_width, 2) + '\n';
        }
        return out;
    }

    std::vector<std::string> common_;
};

}  // namespace

std::string wrap(std::string_view text, std::size_t width, std::size_t indent) {
    std::string out;
    std::size_t start = 0;
    while (true) {
        std::size_t stop = text.find('\n', start);
        std::string_view para = text.substr(start, stop == std::string_view::npos ? std::string_view::npos : stop - start);
        std::size_t lead = leading_spaces(para);
        std::string line(para.substr(0, lead));
        bool first = true;  // no word on this line yet
        for (std::size_t i = lead; i < para.size();) {
            std::size_t end = std::min(para.find(' ', i), para.size());
            std::string_view word = para.substr(i, end - i);
            i = end + 1;
            if (word.empty()) continue;
            if (!first && line.size() + 1 + word.size() > width) {
                out += line + '\n';
                line.assign(indent, ' ');
                first = true;
            }
            if (!first) line += ' ';
            line += word;
            first = false;
        }
        out += line;
        if (stop == std::string_view::npos) break;
        out += '\n';
        start = stop + 1;
    }
    return out;
}

std::shared_ptr<CLI::Formatter> help_formatter(std::vector<std::string> common) {
    return std::make_shared<HelpFormatter>(std::move(common));
}

}  // namespace mlm::cli
