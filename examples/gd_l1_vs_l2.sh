#!/usr/bin/env bash
# L1 versus L2, the interview question made visible on the diabetes data: along
# the lasso path the weights reach exactly zero one after another; along the
# ridge path they shrink together and none vanishes.
set -euo pipefail
cd "$(dirname "$0")"

echo "# L1 path: exact zeros per penalty (strongest first)"
mlm-gd path --target progression --standardize --penalty l1 --alphas 6 data/diabetes.csv |
  awk -F, 'NR > 1 { z = 0; for (j = 3; j <= NF; j++) z += ($j == 0); printf "alpha %.4g: %d of %d weights zero\n", $1, z, NF - 2 }'

echo
echo "# L2 path: the same grid, no weight ever zero"
mlm-gd path --target progression --standardize --penalty l2 --alphas 6 data/diabetes.csv |
  awk -F, 'NR > 1 { z = 0; for (j = 3; j <= NF; j++) z += ($j == 0); printf "alpha %.4g: %d of %d weights zero\n", $1, z, NF - 2 }'

echo
echo "# which weight leaves first, and where"
mlm-gd path --target progression --standardize --penalty l1 --alphas 6 --explain data/diabetes.csv
