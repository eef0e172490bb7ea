#!/bin/sh
# A drift check over sharded data: training and live scores are each cut into
# three shards, GNU parallel counts every pair on fixed bins (--bins, --range:
# the same edges on every shard) with --partial, and merge adds the histograms
# into PSI and JS over all rows (man mlm-scale).
set -e
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. ./shard.sh
shard data/scores_train.csv 3 "$tmp/train_"
shard data/scores_live.csv 3 "$tmp/live_"

bins="--bins 10 --range 0,1"
parallel --will-cite --link mlm-kl samples {1} {2} $bins --partial '>' "$tmp"/part_{#}.json \
    ::: "$tmp"/train_*.csv ::: "$tmp"/live_*.csv
for metric in psi js; do
  mlm-kl merge --metric $metric --smooth 0.5 "$tmp"/part_*.json > "$tmp/merged"
  mlm-kl samples data/scores_train.csv data/scores_live.csv $bins --metric $metric \
      --smooth 0.5 > "$tmp/single"
  echo "# $metric, merged from $(ls "$tmp"/part_*.json | wc -l) shard pairs"
  cat "$tmp/merged"
  cmp -s "$tmp/merged" "$tmp/single" && echo "# equal to a single pass over all rows"
done
