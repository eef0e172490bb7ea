#!/bin/bash
# Peak memory of a stream (issue 16): 100,000,000 generated rows piped into
# `mlm-entropy values` and `mlm-pca --emit summary` (a generator, never a file),
# against the same commands on 1,000,000 rows. Counting and co-moments keep
# constant state, so the peak resident set should not grow with the rows:
# target, the long stream's peak within 10% of the short one's.
#
# Environment: STREAM_ROWS (default 100000000), STREAM_SHORT (default 1000000),
# STREAM_COLS, the numeric columns for mlm-pca (default 4).
source "$(dirname "$0")/lib.sh"
bench_init stream_memory
bench_need mlm-entropy mlm-pca g++ /usr/bin/time
LONG=${STREAM_ROWS:-100000000}
SHORT=${STREAM_SHORT:-1000000}
COLS=${STREAM_COLS:-4}
T=$BENCH_TMP
g++ -std=c++20 -O2 -o "$T/stream_gen" "$BENCH_DIR/stream_gen.cpp"

# Runs `stream_gen ARGS | TOOL...`, measuring the tool alone; prints
# "peak_kb seconds answer" (the answer: the tool's last output line).
measure() {
    local gen_args=$1
    shift
    "$T/stream_gen" $gen_args | /usr/bin/time -v -o "$T/time.txt" "$@" >"$T/out.txt" 2>/dev/null
    local kb secs
    kb=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$T/time.txt")
    secs=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$T/time.txt")
    echo "$kb $secs $(tail -1 "$T/out.txt")"
}

row() {  # row NAME GEN_SHORT GEN_LONG CMD...
    local name=$1 gen_short=$2 gen_long=$3
    shift 3
    echo "bench stream_memory: $name, $SHORT then $LONG rows" >&2
    local s l
    s=$(measure "$gen_short" "$@")
    l=$(measure "$gen_long" "$@")
    echo "bench stream_memory: $name: short [$s] long [$l]" >&2
    local skb=${s%% *} lkb=${l%% *}
    local ratio
    ratio=$(awk -v a="$lkb" -v b="$skb" 'BEGIN { printf "%.3f", a / b }')
    bench_row "$name peak RSS, $LONG vs $SHORT rows" "$(awk -v k="$lkb" 'BEGIN { printf "%.1f MB", k / 1024 }')" \
        "$(awk -v k="$skb" 'BEGIN { printf "%.1f MB", k / 1024 }')" "$ratio" "<= 1.10" "$(bench_verdict "$ratio" "<=" 1.10)"
    local ls
    ls=$(echo "$l" | cut -d' ' -f2)
    bench_row "$name, $LONG rows through a pipe" "$ls s" "" "" "" ""
}

row "mlm-entropy values -c label" "labels $SHORT" "labels $LONG" mlm-entropy values -c label
row "mlm-pca -k 2 --emit summary ($COLS columns)" "numbers $SHORT $COLS" "numbers $LONG $COLS" \
    mlm-pca -k 2 --emit summary
bench_report
