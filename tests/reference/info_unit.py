#!/usr/bin/python3
"""Expected values for the lib/info unit tests, from scipy and scikit-learn.

Writes tests/reference/info_unit.json. Run from the repository root:
    /usr/bin/python3 tests/reference/info_unit.py
"""
import json
import math
import os

import numpy as np
from scipy.stats import entropy
from sklearn.metrics import log_loss, mutual_info_score, normalized_mutual_info_score

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
rng = np.random.default_rng(7)
out = {"entropy": [], "labels": [], "log_loss": []}

vectors = [
    [0.5, 0.5],
    [0.25, 0.25, 0.25, 0.25],
    [1, 0, 0],
    [10, 3, 7, 0],
    [1e-300, 1.0],
    [5e-324, 1.0, 1.0],
    list(rng.random(50) * 100),
    [1e6, 1],
]
for v in vectors:
    for base in [2, math.e, 10]:
        out["entropy"].append({"weights": [float(x) for x in v], "base": base, "h": float(entropy(v, base=base))})

for k, n in [(3, 30), (5, 500), (2, 7)]:
    a = [f"a{x}" for x in rng.integers(0, k, size=n)]
    b = [f"b{x}" for x in rng.integers(0, k + 1, size=n)]
    _, ca = np.unique(a, return_counts=True)
    _, cb = np.unique(b, return_counts=True)
    _, cab = np.unique([x + "|" + y for x, y in zip(a, b)], return_counts=True)
    out["labels"].append({
        "a": a, "b": b,
        "mi_nats": float(mutual_info_score(a, b)),
        "nmi": float(normalized_mutual_info_score(a, b)),
        "h_a_bits": float(entropy(ca, base=2)),
        "h_ab_bits": float(entropy(cab, base=2)),
        "h_a_given_b_bits": float(entropy(cab, base=2) - entropy(cb, base=2)),
    })

y = rng.integers(0, 2, size=40)
p = rng.random(40)
out["log_loss"].append({"kind": "binary", "y": y.tolist(), "p": p.tolist(), "eps": 1e-15,
                        "loss": float(log_loss(y, p, eps=1e-15))})
yk = rng.integers(0, 3, size=40)
pk = rng.random((40, 3))  # rows that do not sum to 1: scikit-learn renormalizes after clipping
out["log_loss"].append({"kind": "multiclass", "y": yk.tolist(), "p": pk.tolist(), "eps": 1e-15,
                        "loss": float(log_loss(yk, pk, eps=1e-15))})

with open(os.path.join(ROOT, "tests", "reference", "info_unit.json"), "w") as f:
    json.dump(out, f, indent=1)
