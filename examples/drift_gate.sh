#!/usr/bin/env bash
# A drift gate for CI: compare the scores a model gives this week with the
# scores at training time, and fail the job when the population has shifted.
# PSI on 10 bins at the deciles of the training scores (the usual convention);
# by the rule of thumb, PSI above 0.25 is a major shift. --smooth 0.5 adds half
# an observation to every bin, so that an empty bin does not make PSI infinite.
set -uo pipefail
cd "$(dirname "$0")"

gate() {
  mlm-kl samples data/scores_train.csv "$1" --quantile-bins 10 --smooth 0.5 \
      --metric psi --fail-above 0.25 --precision 4 -q
  echo "exit status $?"
}

echo "# this week: the scores moved a little"
gate data/scores_live.csv

echo "# after a broken release: the scores moved a lot, the gate fails"
gate data/scores_broken.csv

echo "# the same check with JS (symmetric, at most 1 bit) and the bins it used"
mlm-kl samples data/scores_train.csv data/scores_broken.csv --quantile-bins 4 \
    --metric js --precision 4 -t json | grep -E '"(js|js_max|unit|method|count)"'
