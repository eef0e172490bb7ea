#!/bin/sh
# Gaussian naive Bayes fitted over shards in parallel: each shard prints its
# class counts, means and co-moments with nb fit --partial, merge combines them
# into the model of one pass (man mlm-scale); predicting is a second parallel
# pass over the same shards with the merged model (-k keeps the shard order).
set -e
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. ./shard.sh
shard data/wine.csv 4 "$tmp/shard_"

parallel --will-cite mlm-bayes nb fit --target class --partial {} '>' {.}.json ::: "$tmp"/shard_*.csv
mlm-bayes nb merge --save-model "$tmp/merged.json" "$tmp"/shard_*.json > "$tmp/merged.csv"
mlm-bayes nb fit --target class --save-model "$tmp/single.json" data/wine.csv > "$tmp/single.csv"
parallel --will-cite -k mlm-bayes nb predict --model "$tmp/merged.json" {} '|' tail -n +2 \
    ::: "$tmp"/shard_*.csv > "$tmp/merged.pred"
mlm-bayes nb predict --model "$tmp/single.json" data/wine.csv | tail -n +2 > "$tmp/single.pred"

echo "# classes, merged from $(ls "$tmp"/shard_*.json | wc -l) shards"
cat "$tmp/merged.csv"
echo "# accuracy on the training rows"
tail -n +2 data/wine.csv | awk -F, '{ print $NF }' | paste -d, - "$tmp/merged.pred" |
  awk -F, '{ n++; ok += ($1 == $2) } END { print ok / n }'
cmp -s "$tmp/merged.csv" "$tmp/single.csv" && cmp -s "$tmp/merged.pred" "$tmp/single.pred" &&
  echo "# the same classes and predictions as a single pass over all rows"
