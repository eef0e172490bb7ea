#!/usr/bin/env bash
# mlm-kl samples A B --quantile-bins 20 on two 5,000,000-row numeric columns,
# against the same computation in Python: pandas reads the same CSVs, numpy
# takes the quantile edges from A and counts both samples in them, scipy's
# entropy gives KL(P||Q) in bits. Inputs are generated with a fixed seed into a
# temporary folder. Prints the median times and the ratio (target: >= 5x).
set -euo pipefail

rows=${ROWS:-5000000}
runs=${RUNS:-5}
py=/usr/bin/python3
mlm_kl=$(command -v mlm-kl || true)
[ -n "$mlm_kl" ] || { echo "kl_bench: mlm-kl is not on PATH (build first)" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$py" - "$tmp" "$rows" <<'PY'
import sys
import numpy as np
out, n = sys.argv[1], int(sys.argv[2])
rng = np.random.default_rng(42)
np.savetxt(f"{out}/a.csv", rng.normal(0.0, 1.0, n), fmt="%.17g", header="x", comments="")
np.savetxt(f"{out}/b.csv", rng.normal(0.1, 1.1, n), fmt="%.17g", header="x", comments="")
PY

cat > "$tmp/peer.py" <<'PY'
import sys
import numpy as np
import pandas as pd
from scipy.stats import entropy
a = pd.read_csv(sys.argv[1])["x"].to_numpy()
b = pd.read_csv(sys.argv[2])["x"].to_numpy()
edges = np.unique(np.quantile(a, np.linspace(0, 1, 21)))
p = np.histogram(a, edges)[0]
q = np.histogram(np.clip(b, edges[0], edges[-1]), edges)[0]
print(entropy(p, q, base=2))
PY

ours=$("$mlm_kl" samples "$tmp/a.csv" "$tmp/b.csv" --quantile-bins 20)
theirs=$("$py" "$tmp/peer.py" "$tmp/a.csv" "$tmp/b.csv")
echo "mlm-kl: $ours   numpy/scipy: $theirs"

# Median wall time of $runs runs, alternating the two commands after a warm-up.
time_of() { local s e; s=$(date +%s.%N); "$@" >/dev/null; e=$(date +%s.%N); awk -v s="$s" -v e="$e" 'BEGIN { print e - s }'; }
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
time_of "$mlm_kl" samples "$tmp/a.csv" "$tmp/b.csv" --quantile-bins 20 >/dev/null
: >"$tmp/ours"; : >"$tmp/peer"
for _ in $(seq "$runs"); do
  time_of "$mlm_kl" samples "$tmp/a.csv" "$tmp/b.csv" --quantile-bins 20 >>"$tmp/ours"
  time_of "$py" "$tmp/peer.py" "$tmp/a.csv" "$tmp/b.csv" >>"$tmp/peer"
done
t_ours=$(median <"$tmp/ours")
t_peer=$(median <"$tmp/peer")
printf 'mlm-kl samples --quantile-bins 20, %s rows x 2: %.3f s\n' "$rows" "$t_ours"
printf 'pandas + numpy + scipy, same files:           %.3f s\n' "$t_peer"
awk -v p="$t_peer" -v o="$t_ours" 'BEGIN { printf "ratio (numpy/scipy / mlm-kl): %.1fx (target >= 5x)\n", p / o }'
