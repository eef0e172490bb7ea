#!/usr/bin/env bash
# mlm-dist against numpy/scipy, output included (both write CSV to a file):
#   sample: 10,000,000 draws of normal:0,1 (numpy's default_rng().normal,
#           written with np.savetxt)
#   cdf:    the normal cdf of 10,000,000 points read from a CSV (pandas reads,
#           scipy.stats.norm.cdf computes, np.savetxt writes x,cdf)
# Target: ours at least as fast (ratio ours/peer <= 1).
source "$(dirname "$0")/lib.sh"
bench_init dist
bench_need mlm-dist hyperfine
n=${ROWS:-10000000}

"$BENCH_PYTHON" - "$BENCH_TMP" "$n" <<'PY'
import sys
import numpy as np
out, n = sys.argv[1], int(sys.argv[2])
np.savetxt(f"{out}/x.csv", np.random.default_rng(1).normal(0, 1, n), fmt="%.17g", header="x", comments="")
PY

cat > "$BENCH_TMP/sample.py" <<'PY'
import sys
import numpy as np
x = np.random.default_rng(42).normal(0, 1, int(sys.argv[1]))
np.savetxt(sys.argv[2], x, fmt="%.17g", header="x", comments="")
PY
cat > "$BENCH_TMP/cdf.py" <<'PY'
import sys
import numpy as np
import pandas as pd
from scipy.stats import norm
x = pd.read_csv(sys.argv[1])["x"].to_numpy()
np.savetxt(sys.argv[2], np.column_stack([x, norm.cdf(x)]), fmt="%.17g", delimiter=",",
           header="x,cdf", comments="")
PY

bench_compare sample "mlm-dist sample normal:0,1 -n $n -o $BENCH_TMP/ours.csv" \
    "$BENCH_PYTHON $BENCH_TMP/sample.py $n $BENCH_TMP/peer.csv"
bench_check "sample normal, $n rows" sample 1 "<=" 1 "<= 1"
bench_compare cdf "mlm-dist cdf normal:0,1 $BENCH_TMP/x.csv -o $BENCH_TMP/ours.csv" \
    "$BENCH_PYTHON $BENCH_TMP/cdf.py $BENCH_TMP/x.csv $BENCH_TMP/peer.csv"
bench_check "cdf normal, $n points" cdf 1 "<=" 1 "<= 1"
bench_report
