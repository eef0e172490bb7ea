#!/usr/bin/env bash
# mlm-plot scatter of 1,000,000 points (two correlated normal columns), to a
# 640x480 PNG and to an 80x24 terminal drawing, against gnuplot 5 on the same
# CSV: its pngcairo terminal (640x480, `with dots`, its fastest point style)
# and its dumb terminal (80x24). Whole commands, alternated rounds
# (bench/lib.sh). Target (issue 15): at least as fast as gnuplot, and under a
# second for the million points.
source "$(dirname "$0")/lib.sh"
bench_init plot
bench_need mlm-plot gnuplot hyperfine "$BENCH_PYTHON"

rows=${ROWS:-1000000}
T=$BENCH_TMP
"$BENCH_PYTHON" - "$T/points.csv" "$rows" <<'PY'
import sys
import numpy as np
rng = np.random.default_rng(15)
n = int(sys.argv[2])
x = rng.normal(size=n)
y = 0.5 * x + rng.normal(size=n)
np.savetxt(sys.argv[1], np.c_[x, y], fmt="%.6g", delimiter=",", header="x,y", comments="")
PY

gp="set datafile separator ','; unset key"
ours_png="mlm-plot scatter -x x -y y $T/points.csv -o $T/ours.png"
peer_png="gnuplot -e \"set terminal pngcairo size 640,480; set output '$T/peer.png'; $gp; plot '$T/points.csv' using 1:2 skip 1 with dots\""
ours_txt="mlm-plot scatter -x x -y y $T/points.csv --width 80 --height 24 > $T/ours.txt"
peer_txt="gnuplot -e \"set terminal dumb size 80,24; $gp; plot '$T/points.csv' using 1:2 skip 1 with dots\" > $T/peer.txt"

# Both draw the file: a PNG of the asked size each.
sh -c "$ours_png" && sh -c "$peer_png"
for f in ours peer; do
    file "$T/$f.png" | grep -q '640 x 480' || { echo "bench plot: $f.png is not 640x480" >&2; exit 1; }
done

bench_compare png "$ours_png" "$peer_png"
bench_check "scatter, $rows points, 640x480 PNG vs gnuplot pngcairo" png 1 "<=" 1 "<= 1 (as fast)"
bench_compare terminal "$ours_txt" "$peer_txt"
bench_check "scatter, $rows points, 80x24 text vs gnuplot dumb" terminal 1 "<=" 1 "<= 1 (as fast)"
bench_row "scatter, $rows points to PNG: under a second" "$(bench_time png 0)" "-" "-" "< 1 s" \
    "$(bench_verdict "$(bench_time png 0)" "<" 1)"
bench_report
