#!/usr/bin/env bash
# A coin's bias learned one flip at a time: a uniform Beta(1,1) prior, each
# head adds 1 to alpha and each tail 1 to beta; then the frequentist reading
# of the same ten flips beside the Bayesian one.
set -uo pipefail
cd "$(dirname "$0")"

echo "# the posterior after every flip"
mlm-bayes update --prior beta:1,1 --trace data/coin_flips.csv
echo "# both readings of the ten flips"
mlm-bayes update --prior beta:1,1 --compare data/coin_flips.csv
