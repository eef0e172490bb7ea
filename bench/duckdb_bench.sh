#!/bin/bash
# mlm against DuckDB (issue 16), whole commands on the same CSV files, both on
# 2 threads (MLM_THREADS=2; DuckDB configured with threads=2 by bench/duckdb/
# query.cjs, @duckdb/node-api installed by bench/duckdb/install.sh). DuckDB's
# time is given net of its start-up: node loading DuckDB and running SELECT 1,
# timed in the same rounds and subtracted round by round. The answers are
# checked equal (1e-9 relative, bench/duckdb/agree.py) before timing.
#  entropy of a column:  mlm-entropy values -c label  vs  entropy(label) (base 2
#                        in DuckDB, as ours): 5M rows of 20 labels (tall) and of
#                        100,000 labels (many groups);
#  sums of columns:      mlm-entropy --normalize --to json, whose weight_sum is
#                        each column's sum (it computes the entropy as well)  vs
#                        sum(c1), ...: 2M x 10 (tall) and 500 x 1,000 (wide);
#  a covariance matrix:  mlm-pca --partial, the co-moment matrix M2 = (n-1) S
#                        vs covar_samp(i, j) for every i <= j: 2M x 10 (tall)
#                        and 150 x 200 (wide: 20,100 pairs).
# Wider still DuckDB's cost grows with the columns, not the cells (2,000 x
# 5,000 sums: 54 s against mlm's 0.8 s on this machine), too slow to alternate.
# Target: mlm ahead (ratio < 1). Without node and npm the bench says so and
# skips (status 0).
source "$(dirname "$0")/lib.sh"
bench_init duckdb
bench_need mlm-entropy mlm-pca hyperfine "$BENCH_PYTHON"
T=$BENCH_TMP

if ! duck_dir=$(bash "$BENCH_DIR/duckdb/install.sh"); then
    echo "bench duckdb: skipped: @duckdb/node-api could not be installed (see above)" >&2
    exit 0
fi
# Quoted once for the shell that hyperfine runs each command in.
duck="node $(printf '%q' "$BENCH_DIR/duckdb/query.cjs") $(printf '%q' "$duck_dir")"
startup="$duck - 'SELECT 1'"
export DUCKDB_THREADS=2 MLM_THREADS=2

echo "bench duckdb: generating inputs in $T" >&2
"$BENCH_PYTHON" "$BENCH_DIR/generate.py" labels 5000000 42 "$T/labels.csv"
"$BENCH_PYTHON" "$BENCH_DIR/generate.py" many-labels 5000000 100000 43 "$T/many.csv"
"$BENCH_PYTHON" "$BENCH_DIR/generate.py" numbers 2000000 10 7 "$T/tall.csv"
"$BENCH_PYTHON" "$BENCH_DIR/generate.py" numbers 500 1000 8 "$T/wide.csv"
"$BENCH_PYTHON" "$BENCH_DIR/pca_gen.py" 2000000 10 "$T/cov_tall.csv"
"$BENCH_PYTHON" "$BENCH_DIR/pca_wide_gen.py" 150 200 "$T/cov_wide.csv"

# The SQL of `sums PREFIX D` and `covariances PREFIX D` over columns PREFIX1..D.
sums() { echo "SELECT $(seq 1 "$2" | sed "s/.*/sum($1&)/" | paste -sd,) FROM t"; }
covariances() {
    local i j pairs=()
    for ((i = 1; i <= $2; i++)); do
        for ((j = i; j <= $2; j++)); do pairs+=("covar_samp($1$i, $1$j)"); done
    done
    local IFS=,
    echo "SELECT ${pairs[*]} FROM t"
}

# workload ID KIND "DESCRIPTION" "OURS" FILE SQL: check, time, add a row.
workload() {
    local id=$1 kind=$2 description=$3 ours=$4 file=$5
    echo "$6" >"$T/$id.sql"
    local theirs="$duck $file @$T/$id.sql"
    eval "$ours" >"$T/$id.ours"
    eval "$theirs" >"$T/$id.theirs"
    "$BENCH_PYTHON" "$BENCH_DIR/duckdb/agree.py" "$kind" "$T/$id.ours" "$T/$id.theirs"
    bench_compare "$id" "$ours" "$theirs" "$startup"
    bench_net_check "$description" "$id" 1 2 "<" 1 "< 1 (ahead)"
}

workload entropy entropy "entropy of a column, 5M x 20 labels" \
    "mlm-entropy values -c label $T/labels.csv" "$T/labels.csv" "SELECT entropy(label) FROM t"
workload entropy_many entropy "entropy of a column, 5M x 100,000 labels" \
    "mlm-entropy values -c label $T/many.csv" "$T/many.csv" "SELECT entropy(label) FROM t"
workload sums_tall sums "sums of columns, 2M x 10" \
    "mlm-entropy --normalize --to json $T/tall.csv" "$T/tall.csv" "$(sums c 10)"
workload sums_wide sums "sums of columns, 500 x 1,000" \
    "mlm-entropy --normalize --to json $T/wide.csv" "$T/wide.csv" "$(sums c 1000)"
workload cov_tall cov "covariance matrix, 2M x 10" \
    "mlm-pca --partial $T/cov_tall.csv" "$T/cov_tall.csv" "$(covariances x 10)"
workload cov_wide cov "covariance matrix, 150 x 200" \
    "mlm-pca --partial $T/cov_wide.csv" "$T/cov_wide.csv" "$(covariances g 200)"

bench_report
