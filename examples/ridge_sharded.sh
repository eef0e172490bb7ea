#!/bin/sh
# A ridge regression fitted over shards in parallel: each shard prints its
# count, means and co-moments with fit --partial, and merge solves the normal
# equations of one fit over all rows (man mlm-scale). Alcohol of the wines from
# the other twelve measurements; --l2 1 is scikit-learn's Ridge(alpha=n).
set -e
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. ./shard.sh
shard data/wine.csv 4 "$tmp/shard_"

parallel --will-cite mlm-gd fit --target alcohol -c 2-13 --partial {} '>' {.}.json ::: "$tmp"/shard_*.csv
mlm-gd merge --l2 1 --precision 8 "$tmp"/shard_*.json > "$tmp/merged.csv"
mlm-gd fit --target alcohol -c 2-13 --l2 1 --precision 8 data/wine.csv > "$tmp/single.csv"

echo "# ridge weights, merged from $(ls "$tmp"/shard_*.json | wc -l) shards"
cat "$tmp/merged.csv"
cmp -s "$tmp/merged.csv" "$tmp/single.csv" && echo "# equal to a single pass over all rows"
