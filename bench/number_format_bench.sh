#!/bin/bash
# The writer measurement (issue 16): shortest round-trip printing of 6M doubles
# by libstdc++'s std::to_chars, fmt's Dragonbox (fmt::format_to "{}", and with
# the format string compiled), Dragonbox's digits alone and mlm's writer (into a std::string and into a buffer),
# against parsing the same text with fast_float; CPU ns per number
# (bench/number_format.cpp). A measurement for choosing the writer, so no
# target: it prints the figures.
#
# Environment: NUMBERS (default 6000000), REPEATS (default 7).
source "$(dirname "$0")/lib.sh"
bench_init number_format
bench_need g++
REPO=$(cd "$BENCH_DIR/.." && pwd)
[ -f /usr/include/fmt/format.h ] || { echo "bench number_format: fmt not found (apt-get install libfmt-dev; make bench installs it)" >&2; exit 2; }

arch=-march=x86-64-v3  # as the tools are built, when the CPU has it
grep -qw avx2 /proc/cpuinfo && grep -qw fma /proc/cpuinfo && grep -qw bmi2 /proc/cpuinfo || arch=
# fmt header-only, as lib/io/number.cpp uses it.
g++ -std=c++20 -O2 $arch -DFMT_HEADER_ONLY -I"$REPO/lib" -o "$BENCH_TMP/number_format" \
    "$BENCH_DIR/number_format.cpp" "$REPO/lib/io/number.cpp"
echo "bench number_format ($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
"$BENCH_TMP/number_format" "${NUMBERS:-6000000}" "${REPEATS:-7}"
