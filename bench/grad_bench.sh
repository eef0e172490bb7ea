#!/usr/bin/env bash
# mlm-grad over 1,000,000 points of a 10-variable expression, value and
# gradient, against the same computation in numpy with hand-written
# derivatives (pandas.read_csv to read, the fastest reader Python offers;
# to_csv to write, shortest round-trip numbers like ours). Whole commands on the
# same CSV, made with a fixed seed in a temporary folder, alternated rounds
# (bench/lib.sh). Target (issue 5): at least 10x faster. CPU time (user +
# system, every thread) is reported too: on a loaded machine it is the steadier figure.
source "$(dirname "$0")/lib.sh"
bench_init grad
bench_need mlm-grad hyperfine /usr/bin/time "$BENCH_PYTHON"

rows=${ROWS:-1000000}
T=$BENCH_TMP
expr='sigmoid(x1*x2 + x3)*exp(-x4^2) + sin(x5)*cos(x6) + sqrt(x7^2 + x8^2 + 1) + tanh(x9 - x10) + log(1 + x1^2)*x10'

"$BENCH_PYTHON" - "$T/points.csv" "$rows" <<'PY'
import sys
import numpy as np
rng = np.random.default_rng(20240605)
x = rng.normal(size=(int(sys.argv[2]), 10))
np.savetxt(sys.argv[1], x, fmt="%.6g", delimiter=",",
           header=",".join(f"x{i}" for i in range(1, 11)), comments="")
PY

cat > "$T/peer.py" <<'PY'
import sys
import numpy as np
import pandas as pd

x = pd.read_csv(sys.argv[1], engine="c").to_numpy()
x1, x2, x3, x4, x5, x6, x7, x8, x9, x10 = x.T
s = 1 / (1 + np.exp(-(x1 * x2 + x3)))
e = np.exp(-x4 ** 2)
r = np.sqrt(x7 ** 2 + x8 ** 2 + 1)
t = np.tanh(x9 - x10)
L = np.log(1 + x1 ** 2)
ds = s * (1 - s)
out = pd.DataFrame({
    "f": s * e + np.sin(x5) * np.cos(x6) + r + t + L * x10,
    "d_x1": ds * x2 * e + 2 * x1 / (1 + x1 ** 2) * x10,
    "d_x2": ds * x1 * e,
    "d_x3": ds * e,
    "d_x4": -2 * x4 * s * e,
    "d_x5": np.cos(x5) * np.cos(x6),
    "d_x6": -np.sin(x5) * np.sin(x6),
    "d_x7": x7 / r,
    "d_x8": x8 / r,
    "d_x9": 1 - t ** 2,
    "d_x10": -(1 - t ** 2) + L,
})
out.to_csv(sys.stdout, index=False)
PY

# Both print the same numbers (to 1e-9 relative) on the first thousand rows.
head -1001 "$T/points.csv" > "$T/small.csv"
mlm-grad "$expr" "$T/small.csv" > "$T/ours.csv"
"$BENCH_PYTHON" "$T/peer.py" "$T/small.csv" > "$T/theirs.csv"
"$BENCH_PYTHON" - "$T/ours.csv" "$T/theirs.csv" <<'PY'
import sys
import numpy as np
import pandas as pd
a, b = pd.read_csv(sys.argv[1]), pd.read_csv(sys.argv[2])
assert list(a.columns) == list(b.columns), (list(a.columns), list(b.columns))
assert np.allclose(a.to_numpy(), b.to_numpy(), rtol=1e-9, atol=1e-12), "outputs differ"
PY

ours="mlm-grad '$expr' $T/points.csv"
peer="$BENCH_PYTHON $T/peer.py $T/points.csv"
bench_compare values "$ours" "$peer"
bench_check "value+gradient: $rows x 10 vs numpy" values 1 "<=" 0.1 "<= 0.1 (10x faster)"

cpu() {  # user + system seconds of one run
    /usr/bin/time -f '%U %S' -o "$T/cpu" sh -c "$1" > /dev/null
    awk '{ printf "%.3f", $1 + $2 }' "$T/cpu"
}
cpu_ours=$(cpu "$ours")
cpu_peer=$(cpu "$peer")
bench_row "value+gradient: CPU seconds, one run" "$cpu_ours" "$cpu_peer" \
    "$(awk -v a="$cpu_ours" -v b="$cpu_peer" 'BEGIN { printf "%.4f", a / b }')" "-" "info"
bench_report
