// The writer's question (issue 16): how fast can 6M doubles be written as
// shortest round-trip text, and how does that compare with parsing them back?
// Times, per number, on the same doubles into one large buffer:
//
//   std::to_chars (libstdc++, shortest: Ryu), fmt::format_to "{}" (fmt's
//   Dragonbox), mlm::io::append_number (the project's writer: Dragonbox's
//   digits in its own layout, into a std::string) and io::write_number (the
//   same straight into a large buffer), and fast_float::from_chars
//   reading the to_chars text back (checked to round-trip exactly); also fmt
//   with the format string compiled (FMT_COMPILE), and Dragonbox's digits and
//   exponent alone (no text): the floor of any writer built on it.
//
//   number_format [COUNT] [REPEATS]      defaults 6000000 and 5; best of REPEATS
//
// Two sets of doubles: "scores" (normal, full 17-digit precision, as PCA scores
// or gradients print) and "six decimals" (D.dddddd, as the benchmark inputs).
#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fast_float/fast_float.h>
#include <fmt/compile.h>
#include <fmt/format.h>
#include <functional>
#include <random>
#include <string>
#include <string_view>
#include <time.h>
#include <vector>

#include "io/number.hpp"

namespace {

// This thread's CPU time in ns: on a machine shared with other jobs, the time
// the thread was descheduled does not count against a method.
double cpu_ns() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e9 + static_cast<double>(t.tv_nsec);
}

// Runs every method once per round, alternated so that a loaded machine slows
// them alike; keeps each one's best round, in ns per number.
std::vector<double> best_ns_per_number(int repeats, std::size_t count,
                                       const std::vector<std::function<void()>>& methods) {
    std::vector<double> best(methods.size(), 1e300);
    for (int r = 0; r < repeats; ++r) {
        for (std::size_t m = 0; m < methods.size(); ++m) {
            const double t0 = cpu_ns();
            methods[m]();
            best[m] = std::min(best[m], (cpu_ns() - t0) / static_cast<double>(count));
        }
    }
    return best;
}

// How many of the newline-separated numbers in `text` do not parse to `xs`.
std::size_t misread(std::string_view text, const std::vector<double>& xs) {
    const char* p = text.data();
    const char* end = p + text.size();
    std::size_t bad = 0;
    for (double x : xs) {
        double y = 0;
        auto r = fast_float::from_chars(p, end, y);
        bad += (r.ec != std::errc() || y != x || r.ptr == end || *r.ptr != '\n');
        p = r.ptr == end ? end : r.ptr + 1;
    }
    return bad + (p != end);
}

void measure(const char* name, const std::vector<double>& xs, int repeats) {
    const std::size_t n = xs.size();
    std::vector<char> buffer(n * 32);
    std::size_t bytes_std = 0, bytes_fmt = 0;

    // The text every method is checked against: to_chars' output, once.
    char* q = buffer.data();
    for (double x : xs) {
        q = std::to_chars(q, q + 32, x).ptr;
        *q++ = '\n';
    }
    const std::string text(buffer.data(), static_cast<std::size_t>(q - buffer.data()));
    std::vector<char> buffer2(n * 32);

    auto to_chars = [&] {
        char* p = buffer.data();
        for (double x : xs) {
            p = std::to_chars(p, p + 32, x).ptr;
            *p++ = '\n';
        }
        bytes_std = static_cast<std::size_t>(p - buffer.data());
    };
    auto fmt_runtime = [&] {
        char* p = buffer2.data();
        for (double x : xs) {
            p = fmt::format_to(p, "{}", x);
            *p++ = '\n';
        }
        bytes_fmt = static_cast<std::size_t>(p - buffer2.data());
    };

    // The format string compiled away: Dragonbox and fmt's digit writer alone.
    auto fmt_compiled = [&] {
        char* p = buffer.data();
        for (double x : xs) {
            p = fmt::format_to(p, FMT_COMPILE("{}"), x);
            *p++ = '\n';
        }
    };

    // Dragonbox's decimal digits and exponent alone (fmt's internal entry point,
    // exported by libfmt): what a writer of its own spelling would start from.
    std::uint64_t digits_sum = 0;
    auto dragonbox_digits = [&] {
        std::uint64_t sum = 0;
        for (double x : xs) {
            auto d = fmt::detail::dragonbox::to_decimal(x);
            sum += d.significand + static_cast<std::uint64_t>(d.exponent);
        }
        digits_sum = sum;
    };

    // The writer without std::string: straight into a large buffer.
    auto mlm_buffer = [&] {
        char* p = buffer.data();
        for (double x : xs) {
            p = mlm::io::write_number(p, x, 0);
            *p++ = '\n';
        }
    };

    std::string out;
    auto mlm_writer = [&] {
        out.clear();
        out.reserve(n * 24);
        for (double x : xs) {
            mlm::io::append_number(out, x, 0);
            out += '\n';
        }
    };

    std::size_t mismatches = 0;
    auto parse = [&] {
        const char* p = text.data();
        const char* end = p + text.size();
        mismatches = 0;
        for (double x : xs) {
            double y;
            auto r = fast_float::from_chars(p, end, y);
            mismatches += (y != x);
            p = r.ptr + 1;  // past the newline
        }
    };
    const auto t = best_ns_per_number(repeats, n, {to_chars, fmt_runtime, fmt_compiled, dragonbox_digits, mlm_writer, mlm_buffer, parse});
    const double t_std = t[0], t_fmt = t[1], t_fmtc = t[2], t_dbox = t[3], t_mlm = t[4], t_buf = t[5], t_parse = t[6];
    if (digits_sum == 0) std::fprintf(stderr, "number_format: no digits\n");
    // Every writer's text must read back to the same doubles (their spellings
    // differ: fmt prints 0.0007 where to_chars prints 7e-04, mlm 7e-4).
    mismatches += misread(text, xs) + misread(std::string_view(buffer2.data(), bytes_fmt), xs) + misread(out, xs);
    if (mismatches != 0) {
        std::fprintf(stderr, "number_format: %s: %zu numbers did not read back exactly\n", name, mismatches);
        std::exit(1);
    }

    std::printf("%-13s  %8.1f  %8.1f  %8.1f  %8.1f  %8.1f  %8.1f  %8.1f  %6.2f  %6.2f  %5.1f/%.1f\n", name, t_std,
                t_fmt, t_fmtc, t_dbox, t_mlm, t_buf, t_parse, t_std / t_parse, t_mlm / t_parse,
                static_cast<double>(bytes_std) / static_cast<double>(n),
                static_cast<double>(bytes_fmt) / static_cast<double>(n));
}

}  // namespace

int main(int argc, char** argv) {
    const std::size_t count = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 6000000;
    const int repeats = argc > 2 ? std::atoi(argv[2]) : 5;
    std::mt19937_64 rng(42);
    std::normal_distribution<double> normal(0.0, 3.0);
    std::uniform_int_distribution<int> micro(0, 9999999);
    std::vector<double> scores(count), six(count);
    for (auto& x : scores) x = normal(rng);
    for (auto& x : six) x = micro(rng) / 1e6;

    std::printf("%zu doubles, best of %d; CPU ns per number (buffer writes, a newline each)\n", count, repeats);
    std::printf("%-13s  %8s  %8s  %8s  %8s  %8s  %8s  %8s  %6s  %6s  %s\n", "doubles", "to_chars", "fmt {}",
                "fmt cmp", "dbox dig", "mlm", "mlm buf",
                "ff parse", "std/pa", "mlm/pa", "bytes std/fmt");
    measure("scores", scores, repeats);
    measure("six decimals", six, repeats);
    return 0;
}
