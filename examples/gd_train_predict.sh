#!/usr/bin/env bash
# Train a softmax classifier on 4 of every 5 iris rows, save it, and predict the
# held-out fifth: the train/predict pipeline of mlm-gd. --standardize fits on
# z-scores; the saved model holds the weights on the input's scale, so predict
# reads raw rows.
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
awk 'NR == 1 || (NR - 1) % 5 != 0' data/iris.csv > "$tmp/train.csv"
awk 'NR == 1 || (NR - 1) % 5 == 0' data/iris.csv > "$tmp/test.csv"

echo "# fit: one weight column per class, on the standardized scale"
mlm-gd fit --model softmax --target species --standardize --l2 0.01 \
  --save-model "$tmp/model.json" --precision 4 "$tmp/train.csv"

echo
echo "# predict the held-out rows; how many are right"
mlm-gd predict --model "$tmp/model.json" "$tmp/test.csv" > "$tmp/predicted.csv"
paste -d, <(cut -d, -f5 "$tmp/test.csv") "$tmp/predicted.csv" |
  awk -F, 'NR > 1 { n++; right += ($1 == $2) } END { printf "%d of %d held-out rows right\n", right, n }'

echo
echo "# class probabilities of the first three held-out rows"
mlm-gd predict --model "$tmp/model.json" --proba --precision 3 "$tmp/test.csv" | head -4
