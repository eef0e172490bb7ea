#!/usr/bin/env bash
# A loss curve: gradient descent on the bowl f = x^2 + 3y^2 from (3, 2), its
# --trace piped into mlm-plot. On a log scale the fall is a straight line:
# each step multiplies the error by the same factor (linear convergence).
set -euo pipefail
cd "$(dirname "$0")"
mlm-gd minimize 'x^2 + 3*y^2' --start x=3,y=2 --lr 0.1 --trace |
  mlm-plot line -x step -y f --log-y --title 'f by step, lr 0.1' --width 72 --height 18
