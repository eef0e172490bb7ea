#include "cli/run_main.hpp"

#include "error.hpp"

#include <CLI/CLI.hpp>
#include <cctype>
#include <cstdio>
#include <iostream>
#include <new>

#ifndef MLM_VERSION
#define MLM_VERSION "0.3.0"
#endif

namespace mlm::cli {

namespace {

std::string lowercase_first(std::string s) {
    if (s.size() > 1 && std::isupper(static_cast<unsigned char>(s[0])) &&
        !std::isupper(static_cast<unsigned char>(s[1])))
        s[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[0])));
    return s;
}

std::string selected_command(CLI::App& app) {
    auto subs = app.get_subcommands();
    return subs.empty() ? std::string() : subs.front()->get_name();
}

}  // namespace

void add_version_flag(CLI::App& app, const std::string& tool) {
    app.set_version_flag("--version", tool + " (mlm) " MLM_VERSION, "print the version and exit");
}

int run_tool(int argc, const char* const* argv, const ToolInfo& info, StandardOptions& common,
             const std::function<void(CLI::App&)>& declare, const std::function<int(Context&)>& run,
             std::ostream& out_stream, std::ostream& err_stream, io::Output* output) {
    CLI::App app(info.description, info.name);
    app.set_help_flag("-h,--help", "print this help and exit");
    add_version_flag(app, info.name);
    app.get_formatter()->column_width(26);
    app.option_defaults()->always_capture_default(false);
    try {
        declare(app);
        app.parse(argc, argv);
    } catch (const CLI::Success& e) {  // --help, --version
        app.exit(e, out_stream, err_stream);
        out_stream.flush();
        bool failed = !out_stream;
        if (&out_stream == &std::cout) failed = std::fflush(stdout) != 0 || std::ferror(stdout) || failed;
        if (failed) {
            err_stream << info.name << ": write error\n";
            return status_io;
        }
        return status_ok;
    } catch (const CLI::ParseError& e) {
        err_stream << info.name << ": " << lowercase_first(e.what()) << " (see " << info.name
                   << " --help)\n";
        return status_usage;
    }
    common.command = selected_command(app);
    if (common.header && common.no_header) {
        err_stream << info.name << ": --header and --no-header contradict each other\n";
        return status_usage;
    }
    try {
        std::optional<io::Output> owned;
        if (!output) output = &owned.emplace(common.output.empty() ? io::Output() : io::Output(common.output));
        Context ctx(info.name, common, *output, err_stream);
        int status = run(ctx);
        output->commit();
        return status;
    } catch (const Error& e) {
        err_stream << info.name << ": " << e.what() << '\n';
        return e.status();
    } catch (const CLI::Error& e) {  // a tool's own late validation through CLI11 types
        err_stream << info.name << ": " << lowercase_first(e.what()) << '\n';
        return status_usage;
    } catch (const std::bad_alloc&) {
        err_stream << info.name << ": out of memory\n";
        return status_io;
    } catch (const std::exception& e) {
        // Not one of ours: a bug, but the contract allows no crash, and input
        // is what drives a tool into a path nobody tested.
        err_stream << info.name << ": unexpected error: " << e.what() << '\n';
        return status_input;
    }
}

}  // namespace mlm::cli
