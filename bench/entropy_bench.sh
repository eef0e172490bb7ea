#!/bin/bash
# mlm-entropy against its peers (issue 2), whole commands on the same files:
#  (a) values -c label on 5,000,000 rows (20 short labels, Zipf-skewed) against
#      pandas value_counts + scipy.stats.entropy, awk, and a minimal C++
#      hash-count (the ceiling); peak memory of ours;
#  (b) the reader: 2,000,000 x 10 non-negative numbers, every column a
#      distribution, against datamash sum, a minimal fast_float loop (the
#      ceiling), and through `cat file |`; the same ceiling on a wide file
#      (20,000 x 500); and fast-cpp-csv-parser's
#      io::LineReader against our LineSource on the same bytes.
#  Issue 16's targets are on one thread (MLM_THREADS=1), as the ceilings run:
#  within 1.25x of the fast_float loop, no slower than the hash-count; the
#  two-thread figures are bench/threads_bench.sh's and bench/duckdb_bench.sh's.
source "$(dirname "$0")/lib.sh"
bench_init entropy
export MLM_THREADS=1
bench_need mlm-entropy hyperfine datamash mawk g++ /usr/bin/time "$BENCH_PYTHON"
REPO=$(cd "$BENCH_DIR/.." && pwd)
T=$BENCH_TMP

# The ceilings, built as the tools are: x86-64-v3 when the CPU has it.
arch=-march=x86-64-v3
grep -qw avx2 /proc/cpuinfo && grep -qw fma /proc/cpuinfo && grep -qw bmi2 /proc/cpuinfo || arch=
CXXFLAGS="-std=c++20 -O2 $arch"
g++ $CXXFLAGS -o "$T/hash_count" "$BENCH_DIR/ceiling/hash_count.cpp"
g++ $CXXFLAGS -o "$T/parse_sum" "$BENCH_DIR/ceiling/parse_sum.cpp"
g++ $CXXFLAGS -pthread -I"$REPO/lib" -o "$T/line_readers" "$BENCH_DIR/ceiling/line_readers.cpp" \
    "$REPO/lib/io/line_source.cpp" "$REPO/lib/io/byte_stream.cpp" -lz -lzstd

echo "bench entropy: generating inputs in $T" >&2
A=$T/labels.csv
B=$T/numbers.csv
"$BENCH_PYTHON" "$BENCH_DIR/generate.py" labels 5000000 42 "$A"
"$BENCH_PYTHON" "$BENCH_DIR/generate.py" numbers 2000000 10 7 "$B"
W=$T/wide.csv
"$BENCH_PYTHON" "$BENCH_DIR/generate.py" numbers 20000 500 8 "$W"

cat >"$T/entropy.awk" <<'AWK'
NR > 1 { c[$2]++; n++ }
END { for (k in c) { p = c[k] / n; h -= p * log(p) } printf "%.17g\n", h / log(2) }
AWK
cat >"$T/pandas_entropy.py" <<'PY'
import sys, pandas as pd, scipy.stats as st
print(repr(st.entropy(pd.read_csv(sys.argv[1], usecols=["label"])["label"].value_counts(), base=2)))
PY

ours_values="mlm-entropy values -c label $A"
pandas="$BENCH_PYTHON $T/pandas_entropy.py $A"
awk_values="mawk -F, -f $T/entropy.awk $A"
ceiling_values="$T/hash_count $A label"

# A benchmark of different answers would mean nothing: the four must agree.
answers=$($ours_values; $pandas; $awk_values; $ceiling_values)
echo "$answers" | awk 'NR == 1 { h = $1 } { d = $1 - h; if (d < 0) d = -d; if (d > 1e-9 * h) bad = 1 }
    END { if (bad) { print "bench entropy: the label entropies differ:"; exit 1 } }' >&2 ||
    { echo "$answers" >&2; exit 1; }

peak_mb() {  # the largest peak resident set of three runs, in MB
    local i kb max=0
    for i in 1 2 3; do
        kb=$(/usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F': ' '/Maximum resident set size/ { print $2 }')
        [ "$kb" -gt "$max" ] && max=$kb
    done
    awk -v kb="$max" 'BEGIN { printf "%.1f", kb / 1024 }'
}

# (a) label counting
peers=("$ours_values" "$pandas" "$awk_values" "$ceiling_values")
if command -v gawk >/dev/null; then peers+=("gawk -F, -f $T/entropy.awk $A"); fi
bench_compare values "${peers[@]}"
bench_check "values: 5M labels vs pandas+scipy" values 1 "<=" 0.2 "<= 0.2 (5x faster)"
bench_check "values: 5M labels vs mawk" values 2 "<" 1 "< 1 (faster)"
if [ ${#peers[@]} -gt 4 ]; then bench_check "values: 5M labels vs gawk" values 4 "<" 1 "< 1 (faster)"; fi
bench_check "values: 5M labels vs C++ hash-count" values 3 "<=" 1 "<= 1 (ceiling)"
mb=$(peak_mb $ours_values)
bench_row "values: peak memory (MB)" "$mb" "-" "-" "<= 64 MB" "$(bench_verdict "$mb" "<=" 64)"

# (b) the reader
sums=$(seq 1 10 | sed 's/^/sum /' | tr '\n' ' ')
# --normalize: the columns are random weights, not probabilities that sum to 1.
ours_file="mlm-entropy --normalize $B"
bench_compare reader "$ours_file" "datamash -t, --header-in $sums < $B" "$T/parse_sum $B" "cat $B | mlm-entropy --normalize"
bench_check "reader: 20M numbers vs datamash sum" reader 1 "<" 1 "< 1 (faster)"
bench_check "reader: 20M numbers vs fast_float loop" reader 2 "<=" 1.25 "<= 1.25 (ceiling)"
# The pipe is ours here and the file the peer: pipe/file = 1 / (file/pipe).
pipe_ratio=$(awk -v r="$(bench_ratio reader 3)" 'BEGIN { printf "%.4f", 1 / r }')
bench_row "reader: cat FILE | vs FILE" "$(bench_time reader 3)" "$(bench_time reader 0)" "$pipe_ratio" \
    "<= 1.3" "$(bench_verdict "$pipe_ratio" "<=" 1.3)"
bench_row "reader: peak memory (MB)" "$(peak_mb $ours_file)" "-" "-" "-" "info"
bench_compare reader_wide "mlm-entropy --normalize $W" "$T/parse_sum $W"
bench_check "reader: 20k x 500 (wide) vs fast_float loop" reader_wide 1 "<=" 1.25 "<= 1.25 (ceiling)"

# Why lib/io does not use io::LineReader: same split + fast_float per line.
bench_compare lines "$T/line_readers mlm $B" "$T/line_readers fccp $B"
bench_check "lines: LineSource vs fccp LineReader" lines 1 "<" 1 "< 1 (info)"
bench_row "lines: peak memory LineSource/LineReader (MB)" "$(peak_mb "$T/line_readers" mlm "$B")" \
    "$(peak_mb "$T/line_readers" fccp "$B")" "-" "-" "info"

bench_report
