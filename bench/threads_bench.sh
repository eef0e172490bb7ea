#!/bin/bash
# Two cores (issue 16): each reading-bound form timed with MLM_THREADS=2 against
# the same command with MLM_THREADS=1, on the same files, alternated; target a
# 1.7x speed-up or more (ratio 2 threads / 1 thread <= 0.588). Before timing,
# every form's output at 1, 2 and 3 threads is compared byte for byte: the
# per-range partial results are combined in range order, so any difference is
# a failure. Inputs (about 270 MB): 2,000,000 x 10 non-negative numbers and
# 5,000,000 rows of 20 labels from bench/generate.py; and two other shapes, so
# that a change that helps the tall one and loses on them shows (lesson 8 of
# PERFORMANCE.md): wide, 20,000 x 500 numbers (90 MB), and many groups,
# 2,000,000 rows over 10,000 labels grouped by them with -g.
#
# And writing at the speed of reading: mlm-pca -k 3's scores cost its fit
# (--emit summary) plus writing 2M x 3 numbers; the target is that writing
# them costs no more than parsing them, timed as the fast_float ceiling
# (bench/ceiling/parse_sum.cpp) reading the scores' own CSV.
source "$(dirname "$0")/lib.sh"
bench_init threads
bench_need mlm-entropy mlm-kl mlm-pca mlm-dist mlm-bayes hyperfine cmp g++
T=$BENCH_TMP

arch=-march=x86-64-v3  # as the tools are built, when the CPU has it
grep -qw avx2 /proc/cpuinfo && grep -qw fma /proc/cpuinfo && grep -qw bmi2 /proc/cpuinfo || arch=
g++ -std=c++20 -O2 $arch -o "$T/parse_sum" "$BENCH_DIR/ceiling/parse_sum.cpp"

echo "bench threads: generating inputs in $T" >&2
"$BENCH_PYTHON" "$BENCH_DIR/generate.py" numbers 2000000 10 7 "$T/numbers.csv"
"$BENCH_PYTHON" "$BENCH_DIR/generate.py" labels 5000000 42 "$T/labels.csv"
"$BENCH_PYTHON" "$BENCH_DIR/generate.py" numbers 20000 500 11 "$T/wide.csv"
"$BENCH_PYTHON" "$BENCH_DIR/generate.py" many-labels 2000000 10000 13 "$T/groups.csv"

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
form wide_pca "pca -k 3 --emit summary, 20k x 500" mlm-pca -k 3 --emit summary "$T/wide.csv"
form wide_weights "entropy --normalize, 20k x 500" mlm-entropy --normalize "$T/wide.csv"
form groups_values "entropy values -c score -g label, 10k groups" \
    mlm-entropy values -c score -g label "$T/groups.csv"
form groups_kl "kl samples -c id,score -g label, 10k groups" \
    mlm-kl samples -c id,score --bins 10 -g label "$T/groups.csv"
form groups_weights "entropy --normalize -c score -g label, 10k groups" \
    mlm-entropy --normalize -c score -g label "$T/groups.csv"
form groups_kl_weights "kl -c id,score --normalize -g label, 10k groups" \
    mlm-kl -c id,score --normalize -g label "$T/groups.csv"

mlm-pca -k 3 "$T/numbers.csv" >"$T/scores.csv"
bench_compare scores "mlm-pca -k 3 $T/numbers.csv" "mlm-pca -k 3 --emit summary $T/numbers.csv" \
    "$T/parse_sum $T/scores.csv"
read -r write parse ratio < <(awk -v s="$(bench_time scores 0)" -v f="$(bench_time scores 1)" \
    -v p="$(bench_time scores 2)" 'BEGIN { printf "%.4f %.4f %.4f\n", s - f, p, (s - f) / p }')
bench_row "pca -k 3 scores, 2M x 3: writing (scores - fit) vs parsing them" "$write" "$parse" "$ratio" \
    "<= 1" "$(bench_verdict "$ratio" "<=" 1)"

bench_report
