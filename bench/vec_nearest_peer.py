#!/usr/bin/python3
"""The peer of `mlm-vec nearest --query LABEL -k K`: read the CSV with pandas
(its C reader; faster than numpy.loadtxt on this file, see
bench/vec_nearest_bench.sh), then the same exact search in numpy: cosine of
every row with the query row, the query left out, the K best by descending
similarity with ties in input order. Prints label,similarity like mlm-vec.
Usage: vec_nearest_peer.py FILE LABEL K [loadtxt]"""
import sys

import numpy as np


def read(path, how):
    if how == "loadtxt":
        with open(path) as f:
            d = f.readline().count(",")
        labels = np.loadtxt(path, delimiter=",", skiprows=1, usecols=0, dtype=str)
        return labels, np.loadtxt(path, delimiter=",", skiprows=1, usecols=range(1, d + 1))
    import pandas as pd
    frame = pd.read_csv(path, index_col=0)
    return frame.index.to_numpy(), frame.to_numpy(dtype=np.float64)


def main():
    path, label, k = sys.argv[1], sys.argv[2], int(sys.argv[3])
    labels, x = read(path, sys.argv[4] if len(sys.argv) > 4 else "pandas")
    at = int(np.flatnonzero(labels == label)[0])
    q = x[at] / np.linalg.norm(x[at])
    sims = (x @ q) / np.linalg.norm(x, axis=1)
    sims[labels == label] = -np.inf
    top = np.argpartition(-sims, k)[: k + 1]
    top = top[np.lexsort((top, -sims[top]))][:k]
    print("word,similarity")
    for i in top:
        print(f"{labels[i]},{sims[i]!r}")


main()
