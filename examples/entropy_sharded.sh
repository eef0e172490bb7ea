#!/bin/sh
# The entropy of a label column over shards processed in parallel: each shard
# prints its counts with --partial, GNU parallel runs them on every core, and
# merge adds the counts into the entropy of the whole file (man mlm-scale).
set -e
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. ./shard.sh
shard data/wine.csv 4 "$tmp/shard_"

parallel --will-cite mlm-entropy values -c class --partial {} '>' {.}.json ::: "$tmp"/shard_*.csv
mlm-entropy merge "$tmp"/shard_*.json > "$tmp/merged"
mlm-entropy values -c class data/wine.csv > "$tmp/single"

echo "# entropy of the wine class in bits, merged from $(ls "$tmp"/shard_*.json | wc -l) shards"
cat "$tmp/merged"
cmp -s "$tmp/merged" "$tmp/single" && echo "# equal to a single pass over all rows"
