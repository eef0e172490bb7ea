#!/bin/bash
# Reading ahead (issue 16): standard input and compressed input are cut into
# chunks on a thread of their own (lib/io/read_ahead.hpp), so that reading a
# pipe or decoding gzip overlaps parsing. `mlm-entropy --normalize` on
# 2,000,000 x 10 numbers from stdin (`< FILE`, `zcat FILE.gz |`) and from
# FILE.gz, each against the plain FILE, at --threads 1 and 2.
# Targets: stdin no slower than the file (ratio <= 1.1 on a busy machine);
# gzip is bounded by decoding (about 0.8 s of one core), reported only.
source "$(dirname "$0")/lib.sh"
bench_init read_ahead
bench_need mlm-entropy hyperfine gzip zcat "$BENCH_PYTHON"
T=$BENCH_TMP
echo "bench read_ahead: generating inputs in $T" >&2
"$BENCH_PYTHON" "$BENCH_DIR/generate.py" numbers 2000000 10 7 "$T/numbers.csv"
gzip -6 -c "$T/numbers.csv" >"$T/numbers.csv.gz"
a=$(mlm-entropy --normalize "$T/numbers.csv" | md5sum)
b=$(mlm-entropy --normalize --threads 2 "$T/numbers.csv.gz" | md5sum)
c=$(zcat "$T/numbers.csv.gz" | mlm-entropy --normalize --threads 1 | md5sum)
[ "$a" = "$b" ] && [ "$a" = "$c" ] || { echo "bench read_ahead: answers differ" >&2; exit 1; }

for t in 1 2; do
    e="mlm-entropy --normalize --threads $t"
    bench_compare "t$t" "$e < $T/numbers.csv" "$e $T/numbers.csv" \
        "zcat $T/numbers.csv.gz | $e" "$e $T/numbers.csv.gz"
    bench_check "--threads $t: < FILE vs FILE" "t$t" 1 "<=" 1.1 "<= 1.1 (no slower)"
    bench_row "--threads $t: zcat FILE.gz | vs FILE" \
        "$(bench_cell "$(bench_time "t$t" 2)" "$(bench_cpu "t$t" 2)")" \
        "$(bench_cell "$(bench_time "t$t" 1)" "$(bench_cpu "t$t" 1)")" \
        "$(awk -v a="$(bench_time "t$t" 2)" -v b="$(bench_time "t$t" 1)" 'BEGIN { printf "%.2f", a / b }')" "-" info
    bench_row "--threads $t: FILE.gz vs FILE" \
        "$(bench_cell "$(bench_time "t$t" 3)" "$(bench_cpu "t$t" 3)")" \
        "$(bench_cell "$(bench_time "t$t" 1)" "$(bench_cpu "t$t" 1)")" \
        "$(awk -v a="$(bench_time "t$t" 3)" -v b="$(bench_time "t$t" 1)" 'BEGIN { printf "%.2f", a / b }')" "-" info
done
bench_report
