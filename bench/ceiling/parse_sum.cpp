// The parse ceiling for the reader: the least work that turns every number of a
// headed CSV into a double. read(2) in 1 MiB blocks, fast_float::from_chars on
// each field in place, a running sum per column; no quoting, no checks beyond
// "a number, then , or newline".
//   parse_sum FILE      (prints the column sums)
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fast_float/fast_float.h>
#include <fcntl.h>
#include <unistd.h>
#include <vector>

int main(int argc, char** argv) {
    if (argc != 2) { std::fprintf(stderr, "usage: parse_sum FILE\n"); return 2; }
    int fd = open(argv[1], O_RDONLY);
    if (fd < 0) { std::perror(argv[1]); return 3; }
    std::vector<char> buf(1 << 20);
    std::vector<double> sums;
    std::size_t have = 0, column = 0;
    bool header = true;
    for (;;) {
        ssize_t got = read(fd, buf.data() + have, buf.size() - have);
        if (got < 0) { std::perror("read"); return 3; }
        bool eof = got == 0;
        have += static_cast<std::size_t>(got);
        const char* p = buf.data();
        const char* end = p + have;
        // Only complete lines are parsed; the tail waits for the next block.
        const char* last = p + have;
        if (!eof) {
            while (last > p && last[-1] != '\n') --last;
        }
        if (header) {
            const char* nl = static_cast<const char*>(std::memchr(p, '\n', last - p));
            if (!nl) { if (eof) break; buf.resize(buf.size() * 2); continue; }
            sums.assign(1 + std::count(p, nl, ','), 0.0);
            p = nl + 1;
            header = false;
        }
        while (p < last) {
            double x;
            auto r = fast_float::from_chars(p, last, x);
            if (r.ec != std::errc()) { std::fprintf(stderr, "bad number\n"); return 3; }
            sums[column] += x;
            p = r.ptr;
            if (p == last) break;
            if (*p == ',') { ++column; ++p; }
            else if (*p == '\n') { column = 0; ++p; }
            else { std::fprintf(stderr, "bad separator\n"); return 3; }
            if (column >= sums.size()) { std::fprintf(stderr, "too many fields\n"); return 3; }
        }
        if (eof) break;
        have = static_cast<std::size_t>(end - p);
        std::memmove(buf.data(), p, have);
        if (have == buf.size()) buf.resize(buf.size() * 2);
    }
    for (std::size_t j = 0; j < sums.size(); ++j) std::printf(j ? ",%.17g" : "%.17g", sums[j]);
    std::printf("\n");
    return 0;
}
