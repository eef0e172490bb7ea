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

# Median wall and CPU (user + sys) time of $runs runs, alternating the two
# commands after a warm-up. On a shared machine the load average is printed
# too: wall times then measure the scheduler as much as the programs, and the
# CPU times are the steadier comparison (mlm-kl reads A and B on two threads,
# so its wall time is below its CPU time on an idle machine).
timed() { /usr/bin/time -f '%e %U %S' -o "$tmp/t" "$@" >/dev/null; awk '{ print $1, $2 + $3 }' "$tmp/t"; }
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
timed "$mlm_kl" samples "$tmp/a.csv" "$tmp/b.csv" --quantile-bins 20 >/dev/null
: >"$tmp/ours"; : >"$tmp/peer"
for _ in $(seq "$runs"); do
  timed "$mlm_kl" samples "$tmp/a.csv" "$tmp/b.csv" --quantile-bins 20 >>"$tmp/ours"
  timed "$py" "$tmp/peer.py" "$tmp/a.csv" "$tmp/b.csv" >>"$tmp/peer"
done
wall_ours=$(cut -d' ' -f1 "$tmp/ours" | median); cpu_ours=$(cut -d' ' -f2 "$tmp/ours" | median)
wall_peer=$(cut -d' ' -f1 "$tmp/peer" | median); cpu_peer=$(cut -d' ' -f2 "$tmp/peer" | median)
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
printf 'mlm-kl samples --quantile-bins 20, %s rows x 2: %.3f s wall, %.3f s cpu\n' "$rows" "$wall_ours" "$cpu_ours"
printf 'pandas + numpy + scipy, same files:           %.3f s wall, %.3f s cpu\n' "$wall_peer" "$cpu_peer"
awk -v wp="$wall_peer" -v wo="$wall_ours" -v cp="$cpu_peer" -v co="$cpu_ours" 'BEGIN {
  printf "ratio (numpy/scipy / mlm-kl): %.1fx wall, %.1fx cpu (target >= 5x)\n", wp / wo, cp / co }'
