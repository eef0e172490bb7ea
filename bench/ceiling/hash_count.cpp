// The ceiling for `mlm-entropy values -c COL`: the least work that counts the
// labels of one CSV column and prints their entropy in bits. No quoting, no
// checks: read(2) in 1 MiB blocks, memchr for the separators, one hash lookup
// per row keyed by a string_view into the block (no string built per row).
//   hash_count FILE COLUMN
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <string>
#include <string_view>
#include <unistd.h>
#include <unordered_map>
#include <vector>

namespace {

struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};
using Counts = std::unordered_map<std::string, std::uint64_t, Hash, std::equal_to<>>;

// The `k`-th comma-separated field of a line.
std::string_view field(std::string_view line, std::size_t k) {
    const char* p = line.data();
    const char* end = p + line.size();
    for (; k > 0; --k) {
        const char* q = static_cast<const char*>(std::memchr(p, ',', end - p));
        if (!q) return {};
        p = q + 1;
    }
    const char* q = static_cast<const char*>(std::memchr(p, ',', end - p));
    return std::string_view(p, (q ? q : end) - p);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) { std::fprintf(stderr, "usage: hash_count FILE COLUMN\n"); return 2; }
    int fd = open(argv[1], O_RDONLY);
    if (fd < 0) { std::perror(argv[1]); return 3; }
    std::vector<char> buf(1 << 20);
    std::size_t have = 0;
    long column = -1;
    Counts counts;
    std::uint64_t n = 0;
    for (;;) {
        ssize_t got = read(fd, buf.data() + have, buf.size() - have);
        if (got < 0) { std::perror("read"); return 3; }
        bool eof = got == 0;
        have += static_cast<std::size_t>(got);
        const char* p = buf.data();
        const char* end = p + have;
        for (;;) {
            const char* nl = static_cast<const char*>(std::memchr(p, '\n', end - p));
            if (!nl && !(eof && p < end)) break;
            const char* stop = nl ? nl : end;
            std::string_view line(p, stop - p);
            p = nl ? nl + 1 : end;
            if (column < 0) {  // the header names the column
                for (std::size_t k = 0;; ++k) {
                    std::string_view name = field(line, k);
                    if (name == argv[2]) { column = static_cast<long>(k); break; }
                    if (name.data() + name.size() == line.data() + line.size()) {
                        std::fprintf(stderr, "no column %s\n", argv[2]);
                        return 2;
                    }
                }
                continue;
            }
            std::string_view key = field(line, static_cast<std::size_t>(column));
            auto it = counts.find(key);
            if (it == counts.end()) it = counts.emplace(std::string(key), 0).first;
            ++it->second;
            ++n;
        }
        if (eof) break;
        have = static_cast<std::size_t>(end - p);
        std::memmove(buf.data(), p, have);
        if (have == buf.size()) buf.resize(buf.size() * 2);
    }
    double h = 0;
    for (const auto& [key, c] : counts) {
        double q = static_cast<double>(c) / static_cast<double>(n);
        h -= q * std::log2(q);
    }
    std::printf("%.17g\n", h);
    return 0;
}
