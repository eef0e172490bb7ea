// Why lib/io does not use fast-cpp-csv-parser: the same per-line work (split on
// commas, fast_float every field, sum per column) over two line readers.
//   line_readers fccp FILE   io::LineReader (libfccp/csv.h: a read-ahead thread)
//   line_readers mlm FILE    mlm::io::LineSource (read(2) in 1 MiB blocks + memchr)
// Built by bench/entropy_bench.sh with lib/io/line_source.cpp; needs -pthread.
#include "io/line_source.hpp"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fast_float/fast_float.h>
#include <libfccp/csv.h>
#include <string>
#include <string_view>
#include <vector>

namespace {

// Adds the numbers of one data line to `sums` (sized by the header).
bool add_line(std::string_view line, std::vector<double>& sums) {
    const char* p = line.data();
    const char* end = p + line.size();
    for (std::size_t j = 0; j < sums.size(); ++j) {
        const char* q = static_cast<const char*>(std::memchr(p, ',', end - p));
        if (!q) q = end;
        double x;
        auto r = fast_float::from_chars(p, q, x);
        if (r.ec != std::errc() || r.ptr != q) return false;
        sums[j] += x;
        p = q + 1;
    }
    return true;
}

std::size_t fields(std::string_view header) {
    return 1 + static_cast<std::size_t>(std::count(header.begin(), header.end(), ','));
}

int report(const std::vector<double>& sums) {
    for (std::size_t j = 0; j < sums.size(); ++j) std::printf(j ? ",%.17g" : "%.17g", sums[j]);
    std::printf("\n");
    return 0;
}

int with_fccp(const char* path) {
    io::LineReader in(path);
    std::vector<double> sums;
    char* line = in.next_line();
    if (!line) return 3;
    sums.assign(fields(line), 0.0);
    while ((line = in.next_line()))
        if (*line && !add_line(line, sums)) { std::fprintf(stderr, "bad line\n"); return 3; }
    return report(sums);
}

int with_mlm(const char* path) {
    mlm::io::LineSource in(path);
    std::string_view line;
    std::vector<double> sums;
    if (!in.next(line)) return 3;
    sums.assign(fields(line), 0.0);
    while (in.next(line))
        if (!line.empty() && !add_line(line, sums)) { std::fprintf(stderr, "bad line\n"); return 3; }
    return report(sums);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) { std::fprintf(stderr, "usage: line_readers fccp|mlm FILE\n"); return 2; }
    std::string mode = argv[1];
    if (mode == "fccp") return with_fccp(argv[2]);
    if (mode == "mlm") return with_mlm(argv[2]);
    std::fprintf(stderr, "usage: line_readers fccp|mlm FILE\n");
    return 2;
}
