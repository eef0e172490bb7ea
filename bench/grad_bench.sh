#!/usr/bin/env bash
# mlm-grad over 1,000,000 points of a 10-variable expression, value and
# gradient, against the same computation in numpy with hand-written
# derivatives (pandas.read_csv to read, the fastest reader Python offers; to_csv
# to write, shortest round-trip numbers like ours). Whole commands on the same
# CSV, alternated, median of the runs. Inputs are made with a fixed seed in a
# temporary folder. Target (issue 5): mlm-grad at least 10x faster.
set -euo pipefail

ROWS=${ROWS:-1000000}
RUNS=${RUNS:-3}
PY=${PYTHON:-/usr/bin/python3}
MLM_GRAD=${MLM_GRAD:-mlm-grad}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

EXPR='sigmoid(x1*x2 + x3)*exp(-x4^2) + sin(x5)*cos(x6) + sqrt(x7^2 + x8^2 + 1) + tanh(x9 - x10) + log(1 + x1^2)*x10'

"$PY" - "$tmp/points.csv" "$ROWS" <<'PYEOF'
import sys
import numpy as np
rng = np.random.default_rng(20240605)
x = rng.normal(size=(int(sys.argv[2]), 10))
np.savetxt(sys.argv[1], x, fmt="%.6g", delimiter=",",
           header=",".join(f"x{i}" for i in range(1, 11)), comments="")
PYEOF

cat > "$tmp/peer.py" <<'PYEOF'
import sys
import numpy as np
import pandas as pd

x = pd.read_csv(sys.argv[1], engine="c").to_numpy()
x1, x2, x3, x4, x5, x6, x7, x8, x9, x10 = x.T
z = x1 * x2 + x3
s = 1 / (1 + np.exp(-z))
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
PYEOF

# "WALL CPU" seconds of a command (CPU: user + system, every thread), output to /dev/null.
seconds() {
    /usr/bin/time -f '%e %U %S' -o "$tmp/time" "$@" > /dev/null
    awk '{ printf "%.3f %.3f\n", $1, $2 + $3 }' "$tmp/time"
}

median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

# Same numbers from both, to 1e-9 relative, on the first thousand rows.
head -1001 "$tmp/points.csv" > "$tmp/small.csv"
"$MLM_GRAD" "$EXPR" "$tmp/small.csv" > "$tmp/ours.csv"
"$PY" "$tmp/peer.py" "$tmp/small.csv" > "$tmp/theirs.csv"
"$PY" - "$tmp/ours.csv" "$tmp/theirs.csv" <<'PYEOF'
import sys
import numpy as np
import pandas as pd
a, b = pd.read_csv(sys.argv[1]), pd.read_csv(sys.argv[2])
assert list(a.columns) == list(b.columns), (list(a.columns), list(b.columns))
assert np.allclose(a.to_numpy(), b.to_numpy(), rtol=1e-9, atol=1e-12), "outputs differ"
PYEOF

seconds "$MLM_GRAD" "$EXPR" "$tmp/points.csv" > /dev/null  # warm-up
: > "$tmp/ours.t"; : > "$tmp/theirs.t"
for _ in $(seq "$RUNS"); do
    seconds "$MLM_GRAD" "$EXPR" "$tmp/points.csv" >> "$tmp/ours.t"
    seconds "$PY" "$tmp/peer.py" "$tmp/points.csv" >> "$tmp/theirs.t"
done
# Ratios of the paired runs, wall and CPU.
paste "$tmp/ours.t" "$tmp/theirs.t" | awk '{ print $3 / $1 > "'"$tmp"'/wall.r"; print $4 / $2 > "'"$tmp"'/cpu.r" }'
col() { awk -v c="$1" '{ print $c }' "$2" | median; }
size=$(du -m "$tmp/points.csv" | cut -f1)
printf 'grad_bench: %d points x 10 variables (%d MB CSV), value + gradient, median of %d runs\n' "$ROWS" "$size" "$RUNS"
printf '                               wall       CPU\n'
printf '  mlm-grad                     %6.3f s  %6.3f s\n' "$(col 1 "$tmp/ours.t")" "$(col 2 "$tmp/ours.t")"
printf '  numpy (pandas read/write)    %6.3f s  %6.3f s\n' "$(col 1 "$tmp/theirs.t")" "$(col 2 "$tmp/theirs.t")"
printf '  ratio                        %6.1fx    %6.1fx   (target: >= 10x)\n' "$(median < "$tmp/wall.r")" "$(median < "$tmp/cpu.r")"
