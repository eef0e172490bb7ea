#!/usr/bin/env bash
# Label entropy of a data set: how mixed are the iris species, and which
# measurement would a decision tree split on first?
set -euo pipefail
cd "$(dirname "$0")"

echo "# entropy of the species column, in bits (3 equal classes: log2 3)"
mlm-entropy values -c species data/iris.csv

echo "# the same as JSON, for jq"
mlm-entropy values -c species --to json data/iris.csv | grep -E '"(entropy|distinct|normalized)"'

echo "# information gain of each measurement for predicting the species"
mlm-entropy gain --target species data/iris.csv
