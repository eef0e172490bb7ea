#!/usr/bin/env bash
# Bortkiewicz's count data (1898): deaths by horse kick in 10 Prussian army
# corps over 20 years, 200 corps-years. The classic Poisson fit: lambda is the
# mean, 0.61 deaths a year, and a chi-square test finds the counts just as a
# Poisson process would make them. fit auto compares the discrete families.
set -uo pipefail

echo "# the Poisson fit and its chi-square test"
mlm-dist fit poisson --test data/horse_kicks.csv --precision 6

echo
echo "# the discrete families ranked by AIC"
mlm-dist fit auto data/horse_kicks.csv --precision 6

echo
echo "# the chance of a year with 3 or more deaths in one corps under the fit"
mlm-dist sf poisson:0.61 --at 2 --precision 6
