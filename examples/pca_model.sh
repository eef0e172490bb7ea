#!/bin/sh
# A model fitted on one file and applied to another: PCA of the first 120 wines,
# keeping the components that explain more than 80% of their variance, then the
# remaining 58 wines projected with the same means, scales and directions
# (columns matched by name, so their order may differ).
set -e
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
head -121 data/wine.csv > "$tmp/train.csv"
{ head -1 data/wine.csv; tail -n +122 data/wine.csv; } > "$tmp/new.csv"

echo "# fit on $(($(wc -l < "$tmp/train.csv") - 1)) wines"
mlm-pca --variance 0.8 --standardize --keep class --emit summary --precision 6 \
    --save-model "$tmp/wine.json" "$tmp/train.csv"
echo "# apply to $(($(wc -l < "$tmp/new.csv") - 1)) others"
mlm-pca apply --model "$tmp/wine.json" --keep class --precision 6 "$tmp/new.csv" | head -6
