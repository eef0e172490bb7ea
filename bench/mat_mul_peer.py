#!/usr/bin/python3
"""The peer of mlm-mat mul: numpy reads both CSVs, multiplies, and writes the
product as CSV (shortest round-trip digits, as mlm prints) to stdout.
Usage: mat_mul_peer.py A.csv B.csv [--compute-only]
With --compute-only it prints the median seconds of 3 timed a @ b products
on the loaded arrays (after one warm-up) instead."""
import sys
import time

import numpy as np

a = np.loadtxt(sys.argv[1], delimiter=",")
b = np.loadtxt(sys.argv[2], delimiter=",")
if "--compute-only" in sys.argv:
    a @ b
    times = []
    for _ in range(3):
        start = time.perf_counter()
        a @ b
        times.append(time.perf_counter() - start)
    print(sorted(times)[1])
else:
    np.savetxt(sys.stdout.buffer, a @ b, fmt="%r", delimiter=",")
