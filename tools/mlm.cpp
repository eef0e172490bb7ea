// mlm: the front door. `mlm TOOL ARGS...` runs mlm-TOOL (found beside this
// binary first, then on PATH), as git runs git-*; `mlm` alone lists the tools
// found, each with the one line it gives for `--describe`; `mlm help TOOL`
// opens its man page. No list of tools is kept here: a new mlm-* is found.
#include "cli/front_door.hpp"
#include "cli/messages.hpp"
#include "error.hpp"

#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <iostream>
#include <map>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

const char* description = "the front door of the mlm tools: run, list and document them";

// The directory of this binary, where its sibling tools are.
fs::path own_directory() {
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    return ec ? fs::path() : exe.parent_path();
}

bool is_executable(const fs::path& p) {
    std::error_code ec;
    return fs::is_regular_file(p, ec) && ::access(p.c_str(), X_OK) == 0;
}

// The directories searched, in order: this binary's, then PATH's.
std::vector<fs::path> search_path() {
    std::vector<fs::path> dirs;
    if (auto own = own_directory(); !own.empty()) dirs.push_back(own);
    const char* path = std::getenv("PATH");
    std::string rest = path ? path : "";
    for (std::size_t start = 0; start <= rest.size();) {
        std::size_t end = rest.find(':', start);
        if (end == std::string::npos) end = rest.size();
        dirs.emplace_back(end > start ? rest.substr(start, end - start) : ".");
        start = end + 1;
    }
    return dirs;
}

// The mlm-* tools found, by short name ("kl"), the first of each name winning.
std::map<std::string, fs::path> find_tools() {
    std::map<std::string, fs::path> tools;
    for (const auto& dir : search_path()) {
        std::error_code ec;
        for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
            std::string name = it->path().filename().string();
            if (name.rfind("mlm-", 0) == 0 && name.size() > 4 && is_executable(it->path()))
                tools.emplace(name.substr(4), it->path());
        }
    }
    return tools;
}

fs::path find_tool(const std::string& name) {
    if (name.empty() || name.find('/') != std::string::npos) return {};
    for (const auto& dir : search_path())
        if (is_executable(dir / ("mlm-" + name))) return dir / ("mlm-" + name);
    return {};
}

// What `tool --describe` prints, its first line ("" when it says nothing).
std::string describe(const fs::path& tool) {
    // Appended, not "'" + ...: g++ 12 warns falsely (-Wrestrict) on that once inlined here.
    std::string command = "'";
    command += tool.string();
    command += "' --describe 2>/dev/null";
    std::string line;
    if (FILE* p = ::popen(command.c_str(), "r")) {
        char buf[512];
        if (std::fgets(buf, sizeof buf, p)) line = buf;
        ::pclose(p);
    }
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
    return line;
}

// The tools found, each with its one line: what the listing, the completions
// and `did you mean` are made from.
std::vector<mlm::cli::ToolEntry> tool_entries() {
    std::vector<mlm::cli::ToolEntry> entries;
    for (const auto& [name, path] : find_tools()) entries.push_back({name, describe(path)});
    return entries;
}

int list_tools(std::ostream& out) {
    out << "usage: mlm TOOL [ARGS...]   (mlm help TOOL: its manual)\n\n";
    for (const auto& [name, line] : tool_entries())
        out << "  " << name << std::string(name.size() < 10 ? 10 - name.size() : 1, ' ') << line << '\n';
    out << "\nmlm(7): the conventions every tool keeps.\n";
    return mlm::status_ok;
}

[[noreturn]] void unknown_tool(const std::string& name) {
    std::string guess = mlm::cli::near_tool(tool_entries(), name);
    std::string message = "no tool '" + name + "'";
    if (!guess.empty()) message += "; did you mean '" + guess + "'?";
    else message += " (mlm lists the tools)";
    throw mlm::UsageError(message);
}

// Runs a command and waits: its exit status, or -1 when it could not start.
// `quiet`: its output goes to /dev/null.
int run_and_wait(std::vector<std::string> args, bool quiet = false) {
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t pid = ::fork();
    if (pid == 0) {
        if (quiet) {
            int null = ::open("/dev/null", O_WRONLY);
            ::dup2(null, 1);
            ::dup2(null, 2);
        }
        ::execvp(argv[0], argv.data());
        ::_exit(127);
    }
    int status = 0;
    if (pid < 0 || ::waitpid(pid, &status, 0) < 0) return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// man mlm-TOOL; when man does not know the page (not installed), the page
// in the share/man beside this binary's directory.
int help(const std::string& name) {
    if (find_tool(name).empty()) unknown_tool(name);
    if (run_and_wait({"man", "-w", "mlm-" + name}, true) == 0 && run_and_wait({"man", "mlm-" + name}) == 0)
        return mlm::status_ok;
    fs::path page = own_directory().parent_path() / "share/man/man1" / ("mlm-" + name + ".1");
    if (std::error_code ec; fs::exists(page, ec) && run_and_wait({"man", "-l", page.string()}) == 0)
        return mlm::status_ok;
    throw mlm::IoError("no manual for mlm-" + name + " (man mlm-" + name + " and man -l " + page.string() +
                       " failed)");
}

[[noreturn]] void run_tool(const std::string& name, const std::vector<std::string>& args) {
    fs::path tool = find_tool(name);
    if (tool.empty()) unknown_tool(name);
    std::vector<std::string> all = {"mlm-" + name};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : all) argv.push_back(a.data());
    argv.push_back(nullptr);
    std::fflush(stdout);
    ::execv(tool.c_str(), argv.data());
    throw mlm::IoError(tool.string() + ": " + std::strerror(errno));
}

int front_door(int argc, char** argv) {
    if (argc == 3 && std::string(argv[1]) == "--completions") {
        std::cout << mlm::cli::front_door_completions(tool_entries(), description, argv[2]);
        return std::cout.flush() ? mlm::status_ok : mlm::status_io;
    }
    if (argc == 2 && std::string(argv[1]) == "--describe") {
        std::cout << description << '\n';
        return mlm::status_ok;
    }
    // A first word that is no option is a tool: everything after it is the tool's.
    if (argc > 1 && argv[1][0] != '-') {
        std::string tool = argv[1];
        std::vector<std::string> rest(argv + 2, argv + argc);
        if (tool != "help") run_tool(tool, rest);
        if (rest.size() != 1) throw mlm::UsageError("help takes one TOOL (mlm help kl)");
        return help(rest[0]);
    }
    if (mlm::cli::front_door_options(argc, argv, description, std::cout, std::cerr)) {  // -h, --version
        if (std::fflush(stdout) != 0 || std::ferror(stdout)) throw mlm::IoError("write error");
        return mlm::status_ok;
    }
    int status = list_tools(std::cout);
    if (std::fflush(stdout) != 0 || std::ferror(stdout)) throw mlm::IoError("write error");
    return status;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        return front_door(argc, argv);
    } catch (const mlm::Error& e) {
        std::cerr << "mlm: " << mlm::cli::one_line(e.text()) << '\n';
        return e.status();
    }
}
