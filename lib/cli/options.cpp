#include "cli/options.hpp"

#include "cli/command.hpp"
#include "cli/validators.hpp"
#include "error.hpp"

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <sched.h>
#include <string>

namespace mlm::cli {

namespace {

// MLM_THREADS when set, else the CPUs this process may run on (its affinity
// mask, as taskset and container limits set it), else 1.
std::size_t default_threads() {
    if (const char* env = std::getenv("MLM_THREADS"); env && *env) {
        char* end = nullptr;
        unsigned long n = std::strtoul(env, &end, 10);
        if (*end != 0 || n < 1 || n > 1024 || env[0] == '-')
            throw UsageError("MLM_THREADS: expected a whole number from 1 to 1024, got \"" + std::string(env) + "\"");
        return n;
    }
    cpu_set_t set;
    CPU_ZERO(&set);
    if (sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0)
        return static_cast<std::size_t>(CPU_COUNT(&set));
    return 1;
}

}  // namespace

void add_standard_options(Command& command, StandardOptions& o, unsigned features) {
    CLI::App& app = command.cli11();
    const char* in = "Input";
    const char* out = "Output";
    if (features & input) {
        app.add_option("FILE", o.files, "input files (standard input when none, or -)")->type_name("");
        app.add_option("-f,--from", o.from, "input format")
            ->check(CLI::IsMember({"auto", "csv", "tsv", "json", "jsonl"}))->group(in)->type_name("FMT");
        app.add_option("-d,--delimiter", o.delimiter, "CSV field delimiter (one character)")
            ->check([](const std::string& s) {
                return s.size() == 1 || s == "\\t" ? std::string()
                                                   : "expected one character or \\t, got \"" + s + "\"";
            })->group(in)->type_name("C");
        app.add_flag("--header", o.header, "the first row is a header")->group(in);
        app.add_flag("--no-header", o.no_header, "the first row is data")->group(in);
        app.add_flag("--skip-missing", o.skip_missing, "drop rows with an empty or null cell")->group(in);
        app.add_option("--threads", o.threads, "parse with N threads (default: MLM_THREADS, else all CPUs)")
            ->check(whole_number(1, 1024).validator())->group(in)->type_name("N");
    }
    // -c a -c b is -c a,b: lists given piecewise are joined, never refused.
    if (features & columns)
        app.add_option("-c,--columns", o.columns, "columns to use: names, 1-based indexes, ranges")
            ->group(in)->type_name("LIST")->delimiter(',')->multi_option_policy(CLI::MultiOptionPolicy::Join);
    if (features & group)
        app.add_option("-g,--group-by", o.group_by, "compute once per group of these columns")
            ->group(in)->type_name("LIST")->delimiter(',')->multi_option_policy(CLI::MultiOptionPolicy::Join);
    if (features & output) {
        app.add_option("-o,--output", o.output, "write to FILE (atomically) instead of stdout")
            ->group(out)->type_name("FILE");
        app.add_option("-t,--to", o.to, "output format")
            ->check(CLI::IsMember({"csv", "tsv", "json", "jsonl"}))->group(out)->type_name("FMT");
        app.add_option("--precision", o.precision, "significant digits (default: shortest exact)")
            ->check(whole_number(1, 17).validator())->group(out)->type_name("N");
        app.add_flag("-q,--quiet", o.quiet, "no notes on stderr")->group(out);
    }
    if (features & checks) {
        app.add_option("--fail-above", o.fail_above, "exit 1 when the result is above X")
            ->check(not_nan().validator())->group(out)->type_name("X");
        app.add_option("--fail-below", o.fail_below, "exit 1 when the result is below X")
            ->check(not_nan().validator())->group(out)->type_name("X");
    }
    if (features & explain)
        app.add_flag("--explain", o.explain, "walk through the computation instead")->group(out);
    if (features & seed)
        app.add_option("--seed", o.seed, "random seed (default 42)")
            ->check(whole_number(0, UINT64_MAX).validator())->group(out)->type_name("N");
}

io::ReadOptions read_options(const StandardOptions& o) {
    if (o.header && o.no_header) throw UsageError("--header and --no-header contradict each other");
    io::ReadOptions r;
    if (o.from == "csv") r.format = io::Format::csv;
    else if (o.from == "tsv") r.format = io::Format::tsv;
    else if (o.from == "json") r.format = io::Format::json;
    else if (o.from == "jsonl") r.format = io::Format::jsonl;
    if (o.delimiter == "\\t") r.delimiter = '\t';
    else if (!o.delimiter.empty()) r.delimiter = o.delimiter[0];
    if (r.delimiter && r.format == io::Format::detect) r.format = io::Format::csv;
    r.header = o.header ? io::HeaderMode::present
                        : o.no_header ? io::HeaderMode::absent : io::HeaderMode::detect;
    r.skip_missing = o.skip_missing;
    r.threads = thread_count(o);
    return r;
}

std::size_t thread_count(const StandardOptions& o) { return o.threads ? o.threads : default_threads(); }

}  // namespace mlm::cli
