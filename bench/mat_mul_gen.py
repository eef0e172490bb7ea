#!/usr/bin/python3
"""Two N x N matrices of uniform [-1, 1) numbers with 10 significant digits,
as CSV without a header (fixed seed): bench/mat_mul_bench.sh's inputs.
Usage: mat_mul_gen.py N A.csv B.csv"""
import sys

import numpy as np

n = int(sys.argv[1])
rng = np.random.default_rng(2026)
for path in sys.argv[2:4]:
    np.savetxt(path, rng.uniform(-1, 1, size=(n, n)), fmt="%.10g", delimiter=",")
