#!/usr/bin/env bash
# A CI check: fail the build when a label column collapses, i.e. when its
# entropy drops below a bound. mlm-entropy prints the number either way and
# exits 1 when --fail-below is crossed.
set -uo pipefail
cd "$(dirname "$0")"

echo "# a healthy batch: all three species"
mlm-entropy values -c species --fail-below 1 data/iris.csv
echo "exit status $?"

echo "# a collapsed batch: the first 60 rows are almost all setosa"
head -61 data/iris.csv | mlm-entropy values -c species --fail-below 1
echo "exit status $?"
