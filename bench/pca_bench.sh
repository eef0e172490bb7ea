#!/usr/bin/env bash
# mlm-pca as a whole command against pandas read_csv + scikit-learn PCA, and
# against bench/pca_ceiling.cpp (parse + blocked rank updates + eigensolve, the
# least a streaming fit can do), on the issue's workloads: (a) 2,000,000 x 10,
# k=3 and (b) 50,000 x 256, k=10; then peak memory of --method cov on 1M and 4M
# rows. Inputs are generated with a fixed seed into a temporary folder.
# Usage: bench/pca_bench.sh (mlm-pca from PATH, else build/bin); RUNS=5 by default.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
mlm_pca=$(command -v mlm-pca || echo "$root/build/bin/mlm-pca")
py=/usr/bin/python3
runs=${RUNS:-5}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

g++ -O2 -march=x86-64-v3 -std=c++20 -DNDEBUG -isystem /usr/include/eigen3 \
    "$here/pca_ceiling.cpp" -o "$tmp/ceiling"

cat > "$tmp/peer.py" <<'PY'
import sys
import pandas
from sklearn.decomposition import PCA
X = pandas.read_csv(sys.argv[1]).to_numpy()
print(PCA(n_components=int(sys.argv[2])).fit(X).explained_variance_)
PY

# Runs a command with stdout discarded; prints "seconds peak_kb".
measure() {
    /usr/bin/time -f "%e %M" -o "$tmp/time" "$@" > /dev/null
    cat "$tmp/time"
}

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# workload NAME ROWS COLS K: alternate the three commands $runs times after a warm-up.
workload() {
    local name=$1 rows=$2 cols=$3 k=$4 file="$tmp/$1.csv"
    "$py" "$here/pca_gen.py" "$rows" "$cols" "$file"
    local ours=("$mlm_pca" -k "$k" --emit summary "$file")
    local peer=("$py" "$tmp/peer.py" "$file" "$k")
    local ceil=("$tmp/ceiling" "$file" "$k")
    measure "${ours[@]}" > /dev/null; measure "${peer[@]}" > /dev/null; measure "${ceil[@]}" > /dev/null
    : > "$tmp/rows"
    for _ in $(seq "$runs"); do
        read -r to mo < <(measure "${ours[@]}")
        read -r tp mp < <(measure "${peer[@]}")
        read -r tc mc < <(measure "${ceil[@]}")
        echo "$to $mo $tp $mp $tc $mc" >> "$tmp/rows"
    done
    local col
    col() { awk -v c="$1" '{ print $c }' "$tmp/rows" | median; }
    printf '%-24s %9s %9s %9s   %8s %8s %8s   %8s %8s\n' "$name ($rows x $cols, k=$k)" \
        "$(col 1)" "$(col 3)" "$(col 5)" \
        "$(( $(col 2) / 1024 ))" "$(( $(col 4) / 1024 ))" "$(( $(col 6) / 1024 ))" \
        "$(awk '{ print $3 / $1 }' "$tmp/rows" | median | xargs printf '%.1fx')" \
        "$(awk '{ print $1 / $5 }' "$tmp/rows" | median | xargs printf '%.2fx')"
    rm -f "$file"
}

echo "mlm-pca: $mlm_pca; median of $runs runs, inputs in the page cache"
printf '%-24s %9s %9s %9s   %8s %8s %8s   %8s %8s\n' workload "mlm s" "pandas s" "ceil s" \
    "mlm MB" "pandas MB" "ceil MB" "pandas/mlm" "mlm/ceil"
workload a 2000000 10 3
workload b 50000 256 10

echo
echo "peak memory of mlm-pca --method cov -k 3 --emit summary (must not grow with rows):"
for rows in 1000000 4000000; do
    "$py" "$here/pca_gen.py" "$rows" 10 "$tmp/m.csv"
    read -r t m < <(measure "$mlm_pca" --method cov -k 3 --emit summary "$tmp/m.csv")
    echo "$rows $t $m" >> "$tmp/mem"
    printf '  %8d rows: %6.2f s  %6d KB\n' "$rows" "$t" "$m"
    rm -f "$tmp/m.csv"
done
awk 'NR == 1 { m1 = $3 } NR == 2 { printf "  4M / 1M peak RSS: %.2fx\n", $3 / m1 }' "$tmp/mem"
