#!/usr/bin/python3
"""Writes a wide numeric CSV for bench/pca_wide_bench.sh, the same bytes for the
same arguments: ROWS COLUMNS PATH. Shaped like gene expression: 20 latent
factors with decaying strength mixed into every column, per-column scales and
offsets, plus noise; 6 significant digits. Memory O(rows x columns), never a
columns x columns matrix."""
import sys

import numpy as np


def main():
    n, d, path = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    rng = np.random.default_rng(20261201)
    r = min(20, n, d)
    factors = rng.normal(size=(n, r)) * np.geomspace(10, 1, r)
    loadings = rng.normal(size=(r, d)) / np.sqrt(r)
    scales = np.exp(rng.uniform(-1, 2, size=d))
    offsets = rng.uniform(0, 50, size=d)
    x = (factors @ loadings + rng.normal(size=(n, d))) * scales + offsets
    with open(path, "w") as out:
        out.write(",".join(f"g{j + 1}" for j in range(d)) + "\n")
        np.savetxt(out, x, fmt="%.6g", delimiter=",")


if __name__ == "__main__":
    main()
