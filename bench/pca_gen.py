#!/usr/bin/python3
"""Writes a correlated numeric CSV for bench/pca_bench.sh, the same bytes for the
same arguments: ROWS COLUMNS PATH. Columns x1..xd mix d Gaussians through a fixed
random matrix, with scales from e^-2 to e^3 and offsets up to 50, 6 significant
digits, as measured data looks."""
import sys

import numpy as np


def main():
    n, d, path = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    rng = np.random.default_rng(20261124)
    mix = rng.normal(size=(d, d)) / np.sqrt(d)
    scales = np.exp(rng.uniform(-2, 3, size=d))
    offsets = rng.uniform(-50, 50, size=d)
    with open(path, "w") as out:
        out.write(",".join(f"x{j + 1}" for j in range(d)) + "\n")
        for start in range(0, n, 100000):
            m = min(100000, n - start)
            x = (rng.normal(size=(m, d)) @ mix) * scales + offsets
            np.savetxt(out, x, fmt="%.6g", delimiter=",")


if __name__ == "__main__":
    main()
