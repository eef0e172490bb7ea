#!/usr/bin/env bash
# mlm-pca on wide data (more columns than rows) against pandas read_csv +
# scikit-learn PCA on the same CSV, whole commands (bench/lib.sh):
#   gene expression  200 x 20,000, -k 10: at least 3x faster, and peak memory
#                    at most 2x the data as doubles (/usr/bin/time)
#   5 x 10,000 -k 3 and 60 x 8,000 -k 5: timed (they took 18-31 s and 3-4 GB
#                    when a d x d matrix was formed)
# Inputs come from bench/pca_wide_gen.py (fixed seed) in a temporary folder.
# Environment: BENCH_ROUNDS (default 5).
source "$(dirname "$0")/lib.sh"

bench_init pca_wide
bench_need mlm-pca hyperfine "$BENCH_PYTHON"


# peak_mb CMD...: peak resident memory of a command, in MB.
peak_mb() {
    /usr/bin/time -f "%M" -o "$BENCH_TMP/peak" "$@" > /dev/null
    awk '{ printf "%.1f", $1 / 1024 }' "$BENCH_TMP/peak"
}

# workload ID ROWS COLS K TARGET_RATIO: time ours and the peer; ours must take
# at most TARGET_RATIO of the peer's time ("-" for no target).
workload() {
    local id=$1 rows=$2 cols=$3 k=$4 limit=$5 file="$BENCH_TMP/$1.csv"
    "$BENCH_PYTHON" "$BENCH_DIR/pca_wide_gen.py" "$rows" "$cols" "$file"
    bench_compare "$id" "mlm-pca -k $k --emit summary $file" "$BENCH_PYTHON $BENCH_DIR/pca_peer.py $file $k"
    local name="$rows x $cols -k $k"
    if [ "$limit" = - ]; then
        bench_row "$name" "$(bench_time "$id" 0)" "$(bench_time "$id" 1)" "$(bench_ratio "$id" 1)" "timed" "-"
    else
        bench_check "$name" "$id" 1 "<=" "$limit" "ours/peer <= $limit"
    fi
    local ours peer data
    ours=$(peak_mb mlm-pca -k "$k" --emit summary "$file")
    peer=$(peak_mb "$BENCH_PYTHON" "$BENCH_DIR/pca_peer.py" "$file" "$k")
    data=$(awk -v r="$rows" -v c="$cols" 'BEGIN { printf "%.1f", r * c * 8 / 1048576 }')
    local limit_mb verdict=-
    limit_mb=$(awk -v d="$data" 'BEGIN { printf "%.1f", 2 * d }')
    [ "$id" != gene ] || verdict=$(bench_verdict "$ours" "<=" "$limit_mb")
    bench_row "$name peak MB (data $data)" "$ours" "$peer" \
        "$(awk -v a="$ours" -v b="$peer" 'BEGIN { printf "%.3f", a / b }')" "ours <= $limit_mb" "$verdict"
    rm -f "$file"
}

workload gene 200 20000 10 0.3333
workload tiny 5 10000 3 -
workload mid 60 8000 5 -
bench_report
