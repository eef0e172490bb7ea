#!/usr/bin/env bash
# mlm-mat mul of two 2000 x 2000 CSV matrices against numpy (np.loadtxt, a @ b,
# np.savetxt) on the same files, whole commands (bench/lib.sh):
#   end to end:   ours at most 1/3 of numpy's time (at least 3x faster)
#   compute only: Eigen's product as mlm-mat runs it (bench/mat_mul_compute.cpp,
#                 the same expression and types, built with the build's
#                 -O2 -march=x86-64-v3) within 1.5x of numpy's a @ b on the
#                 loaded arrays (bench/mat_mul_peer.py --compute-only); medians
#                 of 3 products each after a warm-up.
# Debian's numpy uses the reference BLAS unless OpenBLAS is installed
# (libopenblas0); the figures say which BLAS numpy had.
# Environment: BENCH_ROUNDS (default 5), MAT_N (default 2000).
source "$(dirname "$0")/lib.sh"

bench_init mat_mul
bench_need mlm-mat hyperfine "$BENCH_PYTHON" g++
n=${MAT_N:-2000}
a="$BENCH_TMP/a.csv" b="$BENCH_TMP/b.csv"
"$BENCH_PYTHON" "$BENCH_DIR/mat_mul_gen.py" "$n" "$a" "$b"

bench_compare e2e "mlm-mat mul $a $b > /dev/null" "$BENCH_PYTHON $BENCH_DIR/mat_mul_peer.py $a $b > /dev/null"
bench_check "mul $n x $n, end to end" e2e 1 "<=" 0.3333 "ours/peer <= 1/3"

g++ -O2 -march=x86-64-v3 -std=c++20 -DNDEBUG -isystem /usr/include/eigen3 \
    "$BENCH_DIR/mat_mul_compute.cpp" -o "$BENCH_TMP/compute"
ours=$("$BENCH_TMP/compute" "$n" | cut -d' ' -f1)
peer=$("$BENCH_PYTHON" "$BENCH_DIR/mat_mul_peer.py" "$a" "$b" --compute-only)
ratio=$(awk -v a="$ours" -v b="$peer" 'BEGIN { printf "%.3f", a / b }')
blas=$("$BENCH_PYTHON" -c 'import numpy; c = numpy.__config__; print("openblas" if "openblas" in str(c.get_info("blas_opt")) else "reference BLAS")' 2>/dev/null || echo "?")
bench_row "mul $n x $n, compute only (numpy: $blas)" "$ours" "$peer" "$ratio" "ours/peer <= 1.5" \
    "$(bench_verdict "$ratio" "<=" 1.5)"
bench_report
