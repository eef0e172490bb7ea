#!/usr/bin/env bash
# mlm-kl on the shipped example data (run by demo.sh).
set -euo pipefail
cd "$(dirname "$0")"
run() { printf '\n$ %s\n' "$*"; "$@"; }

run mlm-kl --rows --normalize --metric both --nats data/teacher.csv data/student.csv
run mlm-kl samples --quantile-bins 10 --smooth 0.5 --metric psi data/scores_train.csv data/scores_live.csv
run mlm-kl samples --quantile-bins 10 --smooth 0.5 --metric psi data/scores_train.csv data/scores_broken.csv
run mlm-kl gauss --p-mean 0 --p-sd 1 --q-mean 1 --q-sd 2 --metric both --explain
