#!/usr/bin/env bash
# mlm-bayes nb fit + predict (Gaussian naive Bayes) on 1,000,000 rows x 20
# features and 3 classes, against pandas read_csv + scikit-learn GaussianNB
# fit + predict on the same CSV, each side reading the file twice (fit, then
# predict) as a pipeline that saves the model would. Inputs are generated with
# a fixed seed into a temporary folder. Prints the median times, the ratio and
# whether the predictions agree (target: >= 5x).
# Usage: bench/bayes_nb_bench.sh (mlm-bayes from PATH); ROWS, RUNS to change.
source "$(dirname "$0")/lib.sh"

rows=${ROWS:-1000000}
bench_init bayes_nb
bench_need mlm-bayes hyperfine
"$BENCH_PYTHON" - "$BENCH_TMP/data.csv" "$rows" <<'PY'
import sys
import numpy as np
path, n = sys.argv[1], int(sys.argv[2])
rng = np.random.default_rng(42)
y = rng.integers(0, 3, n)
X = rng.normal(0.0, 1.0, (n, 20)) + y[:, None] * np.linspace(0.1, 0.5, 20)
with open(path, "w") as f:
    f.write(",".join([f"x{j}" for j in range(20)] + ["y"]) + "\n")
    np.savetxt(f, np.column_stack([X, y]), fmt=["%.6f"] * 20 + ["%d"], delimiter=",")
PY

cat > "$BENCH_TMP/peer.py" <<'PY'
import sys
import pandas as pd
from sklearn.naive_bayes import GaussianNB
train = pd.read_csv(sys.argv[1])
model = GaussianNB().fit(train.drop(columns="y").to_numpy(), train["y"].to_numpy())
test = pd.read_csv(sys.argv[1])
pd.DataFrame({"predicted": model.predict(test.drop(columns="y").to_numpy())}).to_csv(sys.argv[2], index=False)
PY
cat > "$BENCH_TMP/ours.sh" <<SH
mlm-bayes nb fit --target y --save-model $BENCH_TMP/m.json $BENCH_TMP/data.csv > /dev/null
mlm-bayes nb predict --model $BENCH_TMP/m.json $BENCH_TMP/data.csv > $BENCH_TMP/ours.csv
SH

bash "$BENCH_TMP/ours.sh"
"$BENCH_PYTHON" "$BENCH_TMP/peer.py" "$BENCH_TMP/data.csv" "$BENCH_TMP/peer.csv"
if cmp -s "$BENCH_TMP/ours.csv" "$BENCH_TMP/peer.csv"; then
    echo "bench bayes_nb: the $rows predictions agree with scikit-learn's" >&2
else
    echo "bench bayes_nb: predictions differ from scikit-learn's on $(diff "$BENCH_TMP/ours.csv" "$BENCH_TMP/peer.csv" | grep -c '^<') rows" >&2
    BENCH_FAILED=1
fi

bench_compare nb "bash $BENCH_TMP/ours.sh" "$BENCH_PYTHON $BENCH_TMP/peer.py $BENCH_TMP/data.csv $BENCH_TMP/peer.csv"
bench_check "GaussianNB fit+predict $rows x 20" nb 1 "<=" 0.2 ">= 5x faster"
bench_report
