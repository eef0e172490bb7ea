// Writes an embedding table for bench/vec_nearest_bench.sh: ROWS rows of a
// label ("w0", "w1", ...) and DIM numbers with six decimals, as real
// embedding files print them, from a fixed seed. C++ because Python takes
// minutes to format the 256M numbers of the full workload.
// Usage: vec_gen ROWS DIM FILE
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: vec_gen ROWS DIM FILE\n");
        return 2;
    }
    const long rows = std::atol(argv[1]), dim = std::atol(argv[2]);
    std::FILE* out = std::fopen(argv[3], "w");
    if (!out) return 5;
    std::mt19937_64 rng(42);
    std::normal_distribution<double> normal(0.0, 0.3);
    std::string line = "word";
    for (long j = 1; j <= dim; ++j) line += ",d" + std::to_string(j);
    line += '\n';
    std::fputs(line.c_str(), out);
    char buf[64];
    for (long i = 0; i < rows; ++i) {
        line = "w" + std::to_string(i);
        for (long j = 0; j < dim; ++j) {
            auto r = std::to_chars(buf, buf + sizeof buf, normal(rng), std::chars_format::fixed, 6);
            line += ',';
            line.append(buf, r.ptr);
        }
        line += '\n';
        std::fwrite(line.data(), 1, line.size(), out);
    }
    return std::fclose(out) == 0 ? 0 : 5;
}
