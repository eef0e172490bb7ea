#!/bin/bash
# Compressed input (issue 14): reading FILE.gz / FILE.zst directly against
# `zcat FILE.gz | mlm-entropy` / `zstdcat FILE.zst | mlm-entropy`, on the
# 2,000,000 x 10 numbers of the entropy reader bench. Directly, one thread
# decompresses and parses; through the pipe, zcat decompresses on another
# core. Target: no slower than the pipe (ratio <= 1.1 on a busy machine).
source "$(dirname "$0")/lib.sh"
bench_init compressed
bench_need mlm-entropy hyperfine gzip zcat zstd zstdcat "$BENCH_PYTHON"
T=$BENCH_TMP

echo "bench compressed: generating inputs in $T" >&2
"$BENCH_PYTHON" "$BENCH_DIR/generate.py" numbers 2000000 10 7 "$T/numbers.csv"
gzip -6 -c "$T/numbers.csv" >"$T/numbers.csv.gz"
zstd -q -3 -c "$T/numbers.csv" >"$T/numbers.csv.zst"

# The same answer both ways, or the timing means nothing.
a=$(mlm-entropy --normalize "$T/numbers.csv.gz" | md5sum)
b=$(zcat "$T/numbers.csv.gz" | mlm-entropy --normalize | md5sum)
c=$(mlm-entropy --normalize "$T/numbers.csv.zst" | md5sum)
[ "$a" = "$b" ] && [ "$a" = "$c" ] || { echo "bench compressed: answers differ" >&2; exit 1; }

bench_compare gzip "mlm-entropy --normalize $T/numbers.csv.gz" "zcat $T/numbers.csv.gz | mlm-entropy --normalize"
bench_check "gzip: FILE.gz vs zcat FILE.gz |" gzip 1 "<=" 1.1 "<= 1.1 (no slower)"
bench_compare zstd "mlm-entropy --normalize $T/numbers.csv.zst" "zstdcat $T/numbers.csv.zst | mlm-entropy --normalize"
bench_check "zstd: FILE.zst vs zstdcat FILE.zst |" zstd 1 "<=" 1.1 "<= 1.1 (no slower)"
bench_report
