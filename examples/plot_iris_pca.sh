#!/usr/bin/env bash
# The iris flowers in the plane of their first two principal components,
# coloured by species: setosa stands apart, versicolor and virginica touch.
set -euo pipefail
cd "$(dirname "$0")"
mlm-pca -k 2 --standardize --keep species data/iris.csv |
  mlm-plot scatter -x PC1 -y PC2 --color species --width 72 --height 20
