#!/usr/bin/env bash
# The Central Limit Theorem, made visible: each row is the sum of 12 uniform
# draws on [0, 1), whose mean is 12 * 1/2 = 6 and variance 12 * 1/12 = 1. The
# sums are fitted as a normal (mu near 6, sd near 1) and a Kolmogorov-Smirnov
# test against that fit finds nothing to object to; a single uniform draw
# fitted the same way is rejected outright.
set -uo pipefail

echo "# 2000 sums of 12 uniforms, fitted and tested as a normal"
mlm-dist sample uniform:0,1 -n 2000 --sum 12 --seed 1 | mlm-dist fit normal --test --precision 6

echo
echo "# the same test on single uniforms: the p-value is tiny"
mlm-dist sample uniform:0,1 -n 2000 --seed 1 | mlm-dist fit normal --test --precision 3 | tail -1
