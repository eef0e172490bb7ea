#!/usr/bin/env bash
# The central limit theorem: 1000 sums of 12 uniforms on [0, 1) (made by
# numpy.random.default_rng(12).uniform(size=(1000, 12)).sum(axis=1)) against
# the normal with their mean 12/2 = 6 and variance 12/12 = 1.
set -euo pipefail
cd "$(dirname "$0")"
mlm-plot hist -c sum --density --overlay normal:6,1 data/uniform_sums.csv --width 72 --height 18
