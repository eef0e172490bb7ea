#!/bin/bash
# Two cores (issue 16): each reading-bound form timed with MLM_THREADS=2 against
# the same command with MLM_THREADS=1, on the same files, alternated; target a
# 1.7x speed-up or more (ratio 2 threads / 1 thread <= 0.588). Before timing,
# every form's output at 1, 2 and 3 threads is compared byte for byte: the
# per-range partial results are combined in range order, so any difference is
# a failure. Inputs (about 270 MB): 2,000,000 x 10 non-negative numbers and
# 5,000,000 rows of 20 labels from bench/generate.py.
source "$(dirname "$0")/lib.sh"
bench_init threads
bench_need mlm-entropy mlm-kl mlm-pca mlm-dist mlm-bayes hyperfine cmp
T=$BENCH_TMP

echo "bench threads: generating inputs in $T" >&2
"$BENCH_PYTHON" "$BENCH_DIR/generate.py" numbers 2000000 10 7 "$T/numbers.csv"
"$BENCH_PYTHON" "$BENCH_DIR/generate.py" labels 5000000 42 "$T/labels.csv"

# form ID "DESCRIPTION" COMMAND...: the identity check, then the timing.
form() {
    local id=$1 description=$2
    shift 2
    local command="$*" n
    for n in 1 2 3; do MLM_THREADS=$n "$@" >"$T/$id.$n.out"; done
    if cmp -s "$T/$id.1.out" "$T/$id.2.out" && cmp -s "$T/$id.1.out" "$T/$id.3.out"; then
        bench_row "$description: output at 1, 2, 3 threads" "-" "-" "-" "identical" PASS
    else
        bench_row "$description: output at 1, 2, 3 threads" "-" "-" "-" "identical" FAIL
        echo "bench threads: $id: the output differs between thread counts: $command" >&2
    fi
    bench_compare "$id" "MLM_THREADS=2 $command" "MLM_THREADS=1 $command"
    bench_check "$description: 2 threads vs 1" "$id" 1 "<=" 0.588 "<= 0.588 (1.7x)"
}

form weights "entropy --normalize, 2M x 10" mlm-entropy --normalize "$T/numbers.csv"
form values "entropy values -c label, 5M" mlm-entropy values -c label "$T/labels.csv"
form kl "kl samples -c c1,c2, 2M" mlm-kl samples -c c1,c2 --quantile-bins 20 "$T/numbers.csv"
form pca "pca -k 3 --emit summary, 2M x 10" mlm-pca -k 3 --emit summary "$T/numbers.csv"
form dist "dist fit normal -c c1, 2M x 10" mlm-dist fit normal -c c1 "$T/numbers.csv"
form nb "bayes nb fit --target label, 5M" mlm-bayes nb fit --target label "$T/labels.csv"

bench_report
