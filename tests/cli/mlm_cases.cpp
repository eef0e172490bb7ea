// Runs a .cases table against the real binaries (format: tests/cli/README.md).
// Each case is a shell command run in the test data folder with the built
// tools first on PATH; stdout is compared line by line and token by token,
// numbers within a relative tolerance, stderr by substring, status exactly.
#include <cmath>
#include <cstdio>
#include <climits>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace {

struct Case {
    std::string name;
    std::size_t line = 0;
    std::string command;
    std::string stdin_text;
    bool has_stdin = false;
    std::vector<std::string> out;
    bool any_out = false;
    std::vector<std::string> err;
    bool any_err = false;
    int status = 0;
    double tolerance = 1e-9;
};

std::vector<Case> read_cases(const std::string& path) {
    std::ifstream in(path);
    if (!in) {
        std::cerr << "mlm_cases: cannot read " << path << "\n";
        std::exit(2);
    }
    std::vector<Case> cases;
    std::string line;
    std::size_t n = 0;
    while (std::getline(in, line)) {
        ++n;
        if (line.rfind("###", 0) == 0) {
            cases.emplace_back();
            cases.back().name = line.substr(line.find_first_not_of("# "));
            cases.back().line = n;
            continue;
        }
        if (line.empty() || line[0] == '#' || cases.empty()) continue;
        Case& c = cases.back();
        std::string rest = line.size() > 2 ? line.substr(2) : "";
        switch (line[0]) {
        case '$': c.command += (c.command.empty() ? "" : "\n") + rest; break;
        case '<': c.stdin_text += rest + "\n"; c.has_stdin = true; break;
        case '>': if (line == ">*") c.any_out = true; else c.out.push_back(rest); break;
        case '!': if (line == "!*") c.any_err = true; else c.err.push_back(rest); break;
        case '?': c.status = std::stoi(rest); break;
        case '~': c.tolerance = std::stod(rest); break;
        default:
            std::cerr << path << ":" << n << ": unknown line kind '" << line[0] << "'\n";
            std::exit(2);
        }
    }
    return cases;
}

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::stringstream ss(text);
    std::string line;
    while (std::getline(ss, line)) lines.push_back(line);
    return lines;
}

std::vector<std::string> tokens_of(const std::string& line) {
    std::vector<std::string> tokens;
    std::string cur;
    for (char ch : line) {
        if (ch == ',' || ch == '\t' || ch == ' ' || ch == ':' || ch == '[' || ch == ']' || ch == '{' ||
            ch == '}') {
            tokens.push_back(cur);
            cur.clear();
            tokens.push_back(std::string(1, ch));
        } else {
            cur.push_back(ch);
        }
    }
    tokens.push_back(cur);
    return tokens;
}

bool as_number(const std::string& s, double& x) {
    if (s.empty()) return false;
    char* end = nullptr;
    x = std::strtod(s.c_str(), &end);
    return end == s.c_str() + s.size();
}

bool same_line(const std::string& want, const std::string& got, double tol) {
    if (want == got) return true;
    auto a = tokens_of(want), b = tokens_of(got);
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        double x, y;
        if (a[i] == b[i]) continue;
        if (!as_number(a[i], x) || !as_number(b[i], y)) return false;
        if (std::isnan(x) && std::isnan(y)) continue;
        if (std::fabs(x - y) > tol * std::max(std::fabs(x), std::fabs(y)) + 1e-300) return false;
    }
    return true;
}

std::string quote_shell(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

}  // namespace

int main(int argc, char** argv) {
    std::string bin, data, file;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--bin" && i + 1 < argc) bin = argv[++i];
        else if (a == "--data" && i + 1 < argc) data = argv[++i];
        else file = a;
    }
    if (file.empty() || bin.empty() || data.empty()) {
        std::cerr << "usage: mlm_cases --bin DIR --data DIR FILE.cases\n";
        return 2;
    }
    auto absolute = [](const std::string& p) {
        char* r = ::realpath(p.c_str(), nullptr);
        std::string out = r ? r : p;
        std::free(r);
        return out;
    };
    bin = absolute(bin);
    data = absolute(data);
    char tmpl[] = "/tmp/mlm_cases.XXXXXX";
    std::string tmp = ::mkdtemp(tmpl);
    int passed = 0, failed = 0;
    for (const Case& c : read_cases(file)) {
        std::ofstream(tmp + "/in") << c.stdin_text;
        std::string script = "cd " + quote_shell(data) + " && PATH=" + quote_shell(bin) +
                             ":\"$PATH\"; export PATH; TMP=" + quote_shell(tmp) + "; export TMP; " + c.command;
        std::string cmd = "sh -c " + quote_shell(script) + " <" +
                          (c.has_stdin ? tmp + "/in" : std::string("/dev/null")) + " >" + tmp + "/out 2>" +
                          tmp + "/err";
        int raw = std::system(cmd.c_str());
        int status = WIFEXITED(raw) ? WEXITSTATUS(raw) : 128 + WTERMSIG(raw);
        std::string out = slurp(tmp + "/out"), err = slurp(tmp + "/err");
        std::vector<std::string> problems;
        if (status != c.status)
            problems.push_back("status " + std::to_string(status) + ", expected " + std::to_string(c.status));
        if (!c.any_out) {
            auto got = lines_of(out);
            bool ok = got.size() == c.out.size();
            for (std::size_t i = 0; ok && i < got.size(); ++i) ok = same_line(c.out[i], got[i], c.tolerance);
            if (!ok) {
                std::string want;
                for (const auto& l : c.out) want += l + "\n";
                problems.push_back("stdout differs\n--- expected\n" + want + "--- got\n" + out);
            }
        }
        if (!c.any_err) {
            if (c.err.empty() && !err.empty()) problems.push_back("unexpected stderr: " + err);
            for (const auto& e : c.err)
                if (err.find(e) == std::string::npos)
                    problems.push_back("stderr lacks \"" + e + "\"; got: " + err);
        }
        if (problems.empty()) {
            ++passed;
        } else {
            ++failed;
            std::cout << "FAIL " << file << ":" << c.line << ": " << c.name << "\n  $ " << c.command << "\n";
            for (const auto& p : problems) std::cout << "  " << p << "\n";
        }
    }
    std::string rm = "rm -rf " + quote_shell(tmp);
    (void)std::system(rm.c_str());
    std::cout << passed << " passed, " << failed << " failed\n";
    return failed ? 1 : 0;
}
