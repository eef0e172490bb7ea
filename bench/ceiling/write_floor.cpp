// The floor under the writer bench's "scores - fit": the two costs any
// `mlm-pca -k 3` printing scores must pay beyond its fit, each at its least.
//
//   hold:   ROWS x COLUMNS doubles copied into fresh memory from the kernel,
//           1 MiB at a time (the rows must be kept until the components are
//           known; reading the input twice costs a whole second parse). The
//           cost is the kernel's: a page fault and a zeroed page per 4 kB.
//   digits: Dragonbox's shortest digits and exponent of every number in
//           SCORES (fmt's, the fastest shortest round-trip in Debian), no
//           text laid out at all.
//
//   write_floor ROWS COLUMNS SCORES     prints "hold_cpu_s digits_cpu_s"
//
// CPU seconds (user + system) from getrusage, as the bench's /usr/bin/time.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fast_float/fast_float.h>
#include <fmt/format.h>
#include <fstream>
#include <iterator>
#include <string>
#include <sys/mman.h>
#include <sys/resource.h>
#include <vector>

namespace {

double cpu_seconds() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    auto s = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) * 1e-6; };
    return s(u.ru_utime) + s(u.ru_stime);
}

// Every number of a CSV file (the header skipped), in order.
std::vector<double> numbers_of(const char* path) {
    std::ifstream in(path, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::vector<double> xs;
    const char* p = text.data();
    const char* end = p + text.size();
    while (p < end && *p != '\n') ++p;
    while (p < end) {
        ++p;  // past the , or newline
        double x;
        auto r = fast_float::from_chars(p, end, x);
        if (r.ec != std::errc()) break;
        xs.push_back(x);
        p = r.ptr;
    }
    return xs;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: write_floor ROWS COLUMNS SCORES\n");
        return 2;
    }
    const std::size_t count = std::strtoull(argv[1], nullptr, 10) * std::strtoull(argv[2], nullptr, 10);
    const std::vector<double> scores = numbers_of(argv[3]);
    if (scores.empty()) {
        std::fprintf(stderr, "write_floor: no numbers in %s\n", argv[3]);
        return 3;
    }

    // The rows, from a 1 MiB block already in memory (their values do not
    // matter to the kernel), into fresh 1 MiB chunks kept to the end.
    constexpr std::size_t chunk = std::size_t{1} << 17;  // doubles
    std::vector<double> source(chunk, 0.5);
    std::vector<void*> held;
    double t0 = cpu_seconds();
    for (std::size_t done = 0; done < count; done += chunk) {
        void* p = mmap(nullptr, chunk * sizeof(double), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (p == MAP_FAILED) {
            std::perror("mmap");
            return 3;
        }
        std::memcpy(p, source.data(), std::min(chunk, count - done) * sizeof(double));
        held.push_back(p);
    }
    const double hold = cpu_seconds() - t0;

    t0 = cpu_seconds();
    std::uint64_t check = 0;
    for (double x : scores) {
        if (x == 0) continue;
        const auto d = fmt::detail::dragonbox::to_decimal(x < 0 ? -x : x);
        check += d.significand + static_cast<std::uint64_t>(d.exponent);
    }
    const double digits = cpu_seconds() - t0;

    volatile std::uint64_t sink = check;  // keeps the digits from being optimized away
    (void)sink;
    for (void* p : held) munmap(p, chunk * sizeof(double));
    std::printf("%.3f %.3f\n", hold, digits);
    return 0;
}
