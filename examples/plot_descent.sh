#!/usr/bin/env bash
# Walking downhill: the level curves of the bowl f = x^2 + 3y^2 with the steps
# of gradient descent drawn over them. At lr 0.1 the path curves into the
# valley floor and slides to the minimum; at lr 0.34, just above 2/L = 1/3
# (L = 6, the steeper curvature), every step overshoots the valley in y
# further than the last: the zigzag out of the bowl.
set -euo pipefail
cd "$(dirname "$0")"
path=$(mktemp)
trap 'rm -f "$path"' EXIT
f='x^2 + 3*y^2'
mlm-gd minimize "$f" --start x=3,y=2 --lr 0.1 --trace > "$path"
mlm-plot contour "$f" --x -4,4 --y -3,3 --levels 5 --path "$path" --title 'lr 0.1' --width 72 --height 20
# The diverging run ends with status 4; its trace up to there is what we draw.
mlm-gd minimize "$f" --start x=3,y=2 --lr 0.34 --max-steps 12 --trace > "$path" 2>/dev/null || true
mlm-plot contour "$f" --x -4,4 --y -3,3 --levels 5 --path "$path" --title 'lr 0.34 > 2/L' --width 72 --height 20
