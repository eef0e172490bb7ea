#!/usr/bin/env bash
# The disease test: 1% of people are ill; the test finds 95% of the ill and
# wrongly flags 5% of the healthy. A positive result still leaves the
# illness unlikely, and --explain says why in natural frequencies.
set -uo pipefail
cd "$(dirname "$0")"

echo "# P(ill | positive)"
mlm-bayes theorem --prior 0.01 --likelihood 0.95 --false-positive 0.05
echo "# P(ill | negative)"
mlm-bayes theorem --prior 0.01 --likelihood 0.95 --false-positive 0.05 --negative
echo "# a second positive test: yesterday's posterior is today's prior"
p=$(mlm-bayes theorem --prior 0.01 --likelihood 0.95 --false-positive 0.05)
mlm-bayes theorem --prior "$p" --likelihood 0.95 --false-positive 0.05
echo "# why"
mlm-bayes theorem --prior 0.01 --likelihood 0.95 --false-positive 0.05 --explain
