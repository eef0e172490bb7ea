#include "cli/run_main.hpp"

#include "cli/completions.hpp"
#include "cli/help.hpp"
#include "cli/messages.hpp"
#include "error.hpp"

#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <new>
#include <sys/stat.h>

#ifndef MLM_VERSION
#define MLM_VERSION "0.3.0"
#endif

namespace mlm::cli {

namespace {

std::string selected_command(CLI::App& app) {
    auto subs = app.get_subcommands();
    return subs.empty() ? std::string() : subs.front()->get_name();
}

// "mlm-entropy values": the command whose -h the hint after a usage error names.
std::string command_path(CLI::App& app) {
    std::string path = app.get_name();
    for (CLI::App* a = &app;;) {
        auto subs = a->get_subcommands();
        if (subs.empty()) return path;
        a = subs.front();
        path += ' ' + a->get_name();
    }
}

bool exists(const std::string& path) {
    struct stat st;
    return ::stat(path.c_str(), &st) == 0;
}

// A FILE or stray word that is no file but a near-miss of a subcommand
// (`mlm-entropy value -c species iris.csv`): the message that says so, or empty.
std::string misspelt_subcommand(const CLI::App& app, const std::vector<std::string>& words) {
    if (app.get_subcommands({}).empty() || !app.get_subcommands().empty()) return {};
    for (const auto& w : words) {
        if (w.empty() || w == "-" || w[0] == '-' || exists(w)) continue;
        std::string guess = near_subcommand(app, w);
        if (!guess.empty()) return "no such file or subcommand '" + w + "'; did you mean '" + guess + "'?";
    }
    return {};
}

}  // namespace

void add_version_flag(CLI::App& app, const std::string& tool) {
    app.set_version_flag("--version", tool + " (mlm) " MLM_VERSION, "print the version and exit");
}

int run_tool(int argc, const char* const* argv, const ToolInfo& info, StandardOptions& common,
             const std::function<void(Command&)>& declare, const std::function<int(Context&)>& run,
             std::ostream& out_stream, std::ostream& err_stream, io::Output* output) {
    CLI::App app(info.description, info.name);
    std::vector<std::string> shown = {"--columns", "--group-by", "--to", "--output"};
    shown.insert(shown.end(), info.common.begin(), info.common.end());
    app.formatter(help_formatter(std::move(shown)));
    app.set_help_flag("-h", "print a summary that fits the screen and exit");
    app.set_help_all_flag("--help", "print every option and exit");
    add_version_flag(app, info.name);
    app.option_defaults()->always_capture_default(false);
    // An option given twice takes the last value, as GNU tools do (options
    // that collect lists, -c and -g, join theirs).
    app.option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
    Command command(app);  // outlives the run: a tool may ask which subcommand was parsed
    auto usage_error = [&](const std::string& message) {
        err_stream << info.name << ": " << one_line(message) << " (see " << command_path(app) << " -h)\n";
        return status_usage;
    };
    try {
        declare(command);
        // Hidden, for the build and the `mlm` front door: the completion
        // scripts, and the one-line description `mlm` lists.
        if (argc == 3 && std::string(argv[1]) == "--completions") {
            out_stream << completion_script(app, info.name, argv[2]);
            return out_stream.flush() ? status_ok : status_io;
        }
        if (argc == 2 && std::string(argv[1]) == "--describe") {
            out_stream << info.description << '\n';
            return out_stream.flush() ? status_ok : status_io;
        }
        app.parse(argc, argv);
    } catch (const CLI::Success& e) {  // -h, --help, --version
        app.exit(e, out_stream, err_stream);
        out_stream.flush();
        bool failed = !out_stream;
        if (&out_stream == &std::cout) failed = std::fflush(stdout) != 0 || std::ferror(stdout) || failed;
        if (failed) {
            err_stream << info.name << ": write error\n";
            return status_io;
        }
        return status_ok;
    } catch (const UsageError& e) {  // --completions for an unknown shell
        err_stream << info.name << ": " << one_line(e.text()) << '\n';
        return status_usage;
    } catch (const CLI::ParseError& e) {
        std::string typo = misspelt_subcommand(app, app.remaining(true));
        if (!typo.empty()) {
            err_stream << info.name << ": " << one_line(typo) << '\n';
            return status_usage;
        }
        return usage_error(usage_message(e, app));
    }
    common.command = selected_command(app);
    if (std::string typo = misspelt_subcommand(app, common.files); !typo.empty()) {
        err_stream << info.name << ": " << one_line(typo) << '\n';
        return status_usage;
    }
    if (common.header && common.no_header) return usage_error("--header and --no-header contradict each other");
    try {
        std::optional<io::Output> owned;
        if (!output) output = &owned.emplace(common.output.empty() ? io::Output() : io::Output(common.output));
        Context ctx(info.name, common, *output, err_stream);
        int status = run(ctx);
        output->commit();
        return status;
    } catch (const Error& e) {
        err_stream << info.name << ": " << one_line(e.text()) << '\n';
        return e.status();
    } catch (const std::bad_alloc&) {
        err_stream << info.name << ": out of memory\n";
        return status_io;
    } catch (const std::exception& e) {
        // Not one of ours: a bug, but the contract allows no crash, and input
        // is what drives a tool into a path nobody tested.
        err_stream << info.name << ": unexpected error: " << one_line(e.what()) << '\n';
        return status_input;
    }
}

}  // namespace mlm::cli
