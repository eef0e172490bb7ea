// The options every tool shares (CONTRACT.md sections 2-8), declared once with
// validators so that each tool gets the same names, help text and checks.
#pragma once

#include "io/table.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace mlm::cli {

class Command;

struct StandardOptions {
    std::vector<std::string> files;  // FILE...; none or "-" is standard input
    std::string output;              // -o: written atomically
    std::string from = "auto";       // -f
    std::string to = "csv";          // -t
    std::string delimiter;           // -d
    std::string columns;             // -c
    bool header = false;             // --header
    bool no_header = false;          // --no-header
    bool skip_missing = false;
    std::size_t threads = 0;         // --threads; 0: MLM_THREADS, else the CPUs available
    int precision = 0;               // 0: shortest round-trip
    std::optional<double> fail_above, fail_below;
    bool explain = false;
    bool quiet = false;
    std::string group_by;            // -g
    std::uint64_t seed = 42;
    std::string command;             // the subcommand given, or empty
};

// Which groups of standard options a tool or subcommand declares.
enum Feature : unsigned {
    input = 1u << 0,    // FILE..., -f, -d, --header, --no-header, --skip-missing, --threads
    columns = 1u << 1,  // -c
    group = 1u << 2,    // -g
    checks = 1u << 3,   // --fail-above, --fail-below
    explain = 1u << 4,  // --explain
    seed = 1u << 5,     // --seed
    output = 1u << 6,   // -o, -t, --precision, -q
    // What a tool that reads a table and prints a number takes.
    number_tool = input | columns | group | checks | explain | output,
};

void add_standard_options(Command& command, StandardOptions& o, unsigned features);

// The reader settings the options describe.
io::ReadOptions read_options(const StandardOptions& o);

// The threads to use: --threads, else MLM_THREADS, else the CPUs available
// (what read_options gives the reader, for the work after the reading too).
std::size_t thread_count(const StandardOptions& o);

}  // namespace mlm::cli
