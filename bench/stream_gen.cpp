// A generator of benchmark rows written to stdout, for streams too long to keep
// as files (bench/stream_memory_bench.sh pipes 10^8 rows into the tools):
//
//   stream_gen labels ROWS          "label" then ROWS labels, ~20 names, skewed
//   stream_gen numbers ROWS COLS    "c1,...,cCOLS" then ROWS rows of "D.dddddd"
//
// The same bytes every run (a fixed 64-bit LCG); rows are built as bytes into a
// large buffer so the generator outruns the tools it feeds.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

namespace {

std::uint64_t state = 0x9E3779B97F4A7C15ull;

std::uint32_t next_random() {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<std::uint32_t>(state >> 33);
}

class Out {
public:
    void put(std::string_view s) {
        if (buffer_.size() + s.size() > kFlushAt) flush();
        buffer_.append(s);
    }
    void flush() {
        if (std::fwrite(buffer_.data(), 1, buffer_.size(), stdout) != buffer_.size()) std::exit(1);
        buffer_.clear();
    }

private:
    static constexpr std::size_t kFlushAt = 1 << 20;
    std::string buffer_;
};

// Labels skewed like Zipf: the first names come up most often.
void labels(long long rows, Out& out) {
    static const char* const names[] = {"cat", "dog", "bird", "fish", "cow", "pig", "ant",
                                        "bee", "owl", "fox", "yak", "elk", "emu", "gnu",
                                        "ape", "bat", "rat", "eel", "hen", "kid"};
    out.put("label\n");
    for (long long i = 0; i < rows; ++i) {
        std::uint32_t r = next_random();
        unsigned k = (r % 20) * ((r >> 8) % 20) / 20;  // product of two uniforms: skewed to 0
        out.put(names[k]);
        out.put("\n");
    }
}

void numbers(long long rows, int cols, Out& out) {
    std::string header;
    for (int j = 1; j <= cols; ++j) header += (j > 1 ? ",c" : "c") + std::to_string(j);
    out.put(header + "\n");
    char cell[10];
    for (long long i = 0; i < rows; ++i) {
        for (int j = 0; j < cols; ++j) {
            std::uint32_t v = next_random() % 10000000u;  // D.dddddd
            cell[0] = static_cast<char>('0' + v / 1000000);
            cell[1] = '.';
            for (int d = 7; d >= 2; --d, v /= 10) cell[d] = static_cast<char>('0' + v % 10);
            cell[8] = j + 1 < cols ? ',' : '\n';
            out.put(std::string_view(cell, 9));
        }
    }
}

}  // namespace

int main(int argc, char** argv) {
    Out out;
    if (argc == 3 && std::strcmp(argv[1], "labels") == 0) {
        labels(std::atoll(argv[2]), out);
    } else if (argc == 4 && std::strcmp(argv[1], "numbers") == 0) {
        numbers(std::atoll(argv[2]), std::atoi(argv[3]), out);
    } else {
        std::fputs("usage: stream_gen labels ROWS | stream_gen numbers ROWS COLS\n", stderr);
        return 2;
    }
    out.flush();
    return 0;
}
