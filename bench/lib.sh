# Helpers for bench/*_bench.sh (sourced). A bench times whole commands, ours and
# its peers on the same input files, alternated: each round runs every command
# once (hyperfine --runs 1), after one warm-up round; times are medians over
# rounds, ratios the median of the per-round ratios ours/peer (PERFORMANCE.md).
#
#   bench_init NAME                  temp dir in $BENCH_TMP, removed at exit
#   bench_need CMD...                fail clearly when a command is missing
#   bench_compare ID CMD_OURS CMD_PEER...   time them; results kept under ID
#   bench_time ID K / bench_ratio ID K      median time of command K / ours/K
#   bench_cpu ID K                   median CPU time (user + system) of command K
#   bench_check WORKLOAD ID K OP LIMIT TARGET   one table row, PASS/FAIL of
#                                    (ratio ours/peer OP LIMIT), OP one of < <=
#   bench_net_check WORKLOAD ID K S OP LIMIT TARGET   the same, the peer's time
#                                    less that of its start-up, command S
#   bench_row WORKLOAD OURS PEER RATIO TARGET VERDICT   a free-form row
#   bench_report                     prints the table; status 1 if a row failed
#
# Environment: BENCH_ROUNDS (default 5), BENCH_PYTHON (default /usr/bin/python3).
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
BENCH_ROUNDS=${BENCH_ROUNDS:-5}
BENCH_PYTHON=${BENCH_PYTHON:-/usr/bin/python3}
BENCH_ROWS=()
BENCH_FAILED=0

bench_init() {
    BENCH_NAME=$1
    BENCH_TMP=$(mktemp -d "${TMPDIR:-/tmp}/mlm-bench-$BENCH_NAME.XXXXXX")
    trap 'rm -rf "$BENCH_TMP"' EXIT
    trap 'exit 130' INT TERM
}

bench_need() {
    local c
    for c in "$@"; do
        if ! command -v "$c" >/dev/null 2>&1; then
            echo "bench $BENCH_NAME: '$c' not found in PATH (build it: cmake -S . -B build && cmake --build build; make bench puts build/bin first; peers: make deps)" >&2
            exit 2
        fi
    done
}

bench_compare() {
    local id=$1
    shift
    local r args=()
    local c
    for c in "$@"; do args+=("$c"); done
    echo "bench $BENCH_NAME: $id: warm-up and $BENCH_ROUNDS alternated rounds of ${#args[@]} commands" >&2
    hyperfine --style none --runs 1 --export-json "$BENCH_TMP/$id.warmup.json" "${args[@]}" >/dev/null
    for ((r = 1; r <= BENCH_ROUNDS; r++)); do
        hyperfine --style none --runs 1 --export-json "$BENCH_TMP/$id.$r.json" "${args[@]}" >/dev/null
    done
    "$BENCH_PYTHON" "$BENCH_DIR/medians.py" "$BENCH_TMP/$id".[0-9]*.json >"$BENCH_TMP/$id.medians"
}

bench_time() { awk -v k="$2" '$1 == k { print $2 }' "$BENCH_TMP/$1.medians"; }
bench_ratio() { awk -v k="$2" '$1 == k { print $3 }' "$BENCH_TMP/$1.medians"; }
bench_cpu() { awk -v k="$2" '$1 == k { print $4 }' "$BENCH_TMP/$1.medians"; }
# A table cell: wall time, and CPU time (steadier on a shared machine).
bench_cell() { echo "$1 ($2 cpu)"; }

# A verdict for `value OP limit`.
bench_verdict() {
    if awk -v v="$1" -v l="$3" -v op="$2" 'BEGIN { exit !((op == "<" && v < l) || (op == "<=" && v <= l)) }'; then
        echo PASS
    else
        echo FAIL
    fi
}

bench_row() {
    BENCH_ROWS+=("$1"$'\t'"$2"$'\t'"$3"$'\t'"$4"$'\t'"$5"$'\t'"$6")
    [ "$6" != FAIL ] || BENCH_FAILED=1
}

bench_check() {
    local workload=$1 id=$2 k=$3 op=$4 limit=$5 target=$6
    local ratio
    ratio=$(bench_ratio "$id" "$k")
    bench_row "$workload" "$(bench_cell "$(bench_time "$id" 0)" "$(bench_cpu "$id" 0)")" \
        "$(bench_cell "$(bench_time "$id" "$k")" "$(bench_cpu "$id" "$k")")" "$ratio" "$target" \
        "$(bench_verdict "$ratio" "$op" "$limit")"
}

bench_net_check() {
    local workload=$1 id=$2 k=$3 s=$4 op=$5 limit=$6 target=$7
    local time ratio cpu
    read -r time ratio cpu < <("$BENCH_PYTHON" "$BENCH_DIR/medians.py" --net "$k" "$s" "$BENCH_TMP/$id".[0-9]*.json)
    if [ -z "$ratio" ]; then  # medians.py said why
        bench_row "$workload" "$(bench_time "$id" 0)" "-" "-" "$target" FAIL
        return
    fi
    bench_row "$workload" "$(bench_cell "$(bench_time "$id" 0)" "$(bench_cpu "$id" 0)")" \
        "$(bench_cell "$time" "$cpu") net of $(bench_time "$id" "$s") start-up" "$ratio" "$target" \
        "$(bench_verdict "$ratio" "$op" "$limit")"
}

bench_report() {
    local row
    echo
    echo "bench $BENCH_NAME ($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $BENCH_ROUNDS rounds; ratio = ours/peer time, median of rounds)"
    {
        printf 'workload\tours (s)\tpeer (s)\tratio\ttarget\tverdict\n'
        for row in "${BENCH_ROWS[@]}"; do echo "$row"; done
    } | column -t -s $'\t'
    return "$BENCH_FAILED"
}
