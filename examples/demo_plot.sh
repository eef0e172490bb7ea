#!/usr/bin/env bash
# Part of `make demo`: mlm-plot draws gradient descent walking down the bowl
# f = x^2 + 3y^2 in the terminal, and writes the same picture to
# examples/descent.png (the one the README shows; the same bytes on every run).
set -euo pipefail
cd "$(dirname "$0")"
run() { printf '\n$ %s\n' "$*"; "$@"; }
f='x^2 + 3*y^2'
run mlm-gd minimize "$f" --start x=3,y=2 --lr 0.1 --trace -o descent_path.csv
run mlm-plot contour "$f" --x -4,4 --y -3,3 --levels 5 --path descent_path.csv --width 72 --height 20
run mlm-plot contour "$f" --x -4,4 --y -3,3 --path descent_path.csv \
  --title 'gradient descent on x^2 + 3y^2, lr 0.1' -o descent.png
rm -f descent_path.csv
