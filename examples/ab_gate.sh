#!/usr/bin/env bash
# An A/B gate for CI: ship variant B only when P(B > A) >= 0.95. The result
# is printed either way; the exit status says whether the gate passed.
set -uo pipefail
cd "$(dirname "$0")"

echo "# 120/1000 against 150/1000: B wins"
mlm-bayes ab --a 120/1000 --b 150/1000 --fail-below 0.95 | head -2
mlm-bayes ab --a 120/1000 --b 150/1000 --fail-below 0.95 > /dev/null
echo "exit status $?"
echo "# 40/200 against 45/210: not enough evidence"
mlm-bayes ab --a 40/200 --b 45/210 --fail-below 0.95 2>/dev/null | head -2
mlm-bayes ab --a 40/200 --b 45/210 --fail-below 0.95 > /dev/null 2>&1
echo "exit status $?"
