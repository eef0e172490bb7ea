#!/bin/sh
# One PCA over shards processed in parallel: each shard prints its partial
# statistics (n, mean, co-moments) with --partial, GNU parallel runs them on
# every core, and merge combines them by Chan's formula into the same fit as a
# single pass over the whole file.
set -e
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. ./shard.sh
shard data/wine.csv 4 "$tmp/shard_"

parallel --will-cite mlm-pca --partial --keep class {} '>' {.}.json ::: "$tmp"/shard_*.csv
mlm-pca merge --standardize -k 3 --emit summary --precision 6 "$tmp"/shard_*.json > "$tmp/merged.csv"
mlm-pca --standardize -k 3 --emit summary --precision 6 --keep class data/wine.csv > "$tmp/single.csv"

echo "# merged from $(ls "$tmp"/shard_*.json | wc -l) shards"
head -4 "$tmp/merged.csv"
cmp -s "$tmp/merged.csv" "$tmp/single.csv" && echo "# equal to a single pass over all rows"
