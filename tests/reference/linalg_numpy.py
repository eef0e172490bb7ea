#!/usr/bin/python3
"""Expected values for lib/linalg's matrix modules (mlm-mat, mlm-eig), from
numpy.linalg (eig, eigh, svd, inv, det, slogdet, solve, lstsq, pinv, norm,
matrix_rank) and torch.nn.functional (linear and its activations).

Writes tests/reference/linalg_numpy.json, read by tests/unit/linalg_*_test.cpp.
Run from the repository root: /usr/bin/python3 tests/reference/linalg_numpy.py
"""
import json
import os

import numpy as np
import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(13)


def hilbert(n):
    return np.array([[1.0 / (i + j + 1) for j in range(n)] for i in range(n)])


matrices = {
    # symmetric positive definite, and symmetric indefinite
    "spd": np.array([[4.0, 1, 0.5], [1, 3, 0.25], [0.5, 0.25, 2]]),
    "sym_indefinite": np.array([[2.0, -1, 0, 3], [-1, -2, 1, 0.5], [0, 1, 0.5, -1], [3, 0.5, -1, 1]]),
    # a rotation-like block: complex eigenvalues; and a 5 x 5 non-symmetric
    "rotation": np.array([[0.0, -2, 0], [2, 0, 0], [0, 0, 1]]),
    "nonsym": rng.normal(size=(5, 5)),
    "upper": np.array([[3.0, 1, 2], [0, -5, 4], [0, 0, 1]]),
    # ill-conditioned (cond ~ 1.6e4) and singular (rank 2)
    "hilbert4": hilbert(4),
    "singular": np.array([[1.0, 2, 3], [4, 5, 6], [7, 8, 9]]),
    # rectangular: tall and wide
    "tall": rng.normal(size=(6, 3)),
    "wide": rng.normal(size=(3, 7)),
}

out = {}
for name, a in matrices.items():
    r = {"a": a.tolist()}
    s = np.linalg.svd(a, compute_uv=False)
    r["singular_values"] = s.tolist()
    r["rank"] = int(np.linalg.matrix_rank(a))
    r["norm_fro"] = float(np.linalg.norm(a, "fro"))
    r["norm_spectral"] = float(np.linalg.norm(a, 2))
    r["norm_nuclear"] = float(np.linalg.norm(a, "nuc"))
    u, sv, vt = np.linalg.svd(a, full_matrices=False)
    r["svd_u"] = u.T.tolist()   # one singular vector per row
    r["svd_v"] = vt.tolist()
    r["rank1"] = (sv[0] * np.outer(u[:, 0], vt[0])).tolist()
    r["pinv"] = np.linalg.pinv(a, rcond=max(a.shape) * np.finfo(float).eps).tolist()
    if a.shape[0] == a.shape[1]:
        sign, logabs = np.linalg.slogdet(a)
        r["det"] = float(np.linalg.det(a))
        r["det_sign"] = float(sign)
        r["log_abs_det"] = float(logabs)
        r["cond"] = float(np.linalg.cond(a))
        if r["rank"] == a.shape[0]:
            r["inv"] = np.linalg.inv(a).tolist()
            b = np.arange(1.0, 2 * a.shape[0] + 1).reshape(a.shape[0], 2)
            r["b"] = b.tolist()
            r["solve"] = np.linalg.solve(a, b).tolist()
        if np.array_equal(a, a.T):
            w, v = np.linalg.eigh(a)
            r["eigh_values"] = w[::-1].tolist()                  # descending
            r["eigh_vectors"] = v[:, ::-1].T.tolist()           # one per row
        else:
            w, v = np.linalg.eig(a)
            r["eig_re"] = w.real.tolist()
            r["eig_im"] = w.imag.tolist()
            r["eig_vectors_re"] = v.T.real.tolist()             # one per row, numpy's order
            r["eig_vectors_im"] = v.T.imag.tolist()
    else:
        b = np.arange(1.0, a.shape[0] + 1).reshape(a.shape[0], 1)
        r["b"] = b.tolist()
        r["lstsq"] = np.linalg.lstsq(a, b, rcond=None)[0].tolist()
    out[name] = r

# Singular least squares: numpy's minimum-norm solution.
a = matrices["singular"]
b = np.array([[1.0], [2], [3]])
out["singular"]["b"] = b.tolist()
out["singular"]["lstsq"] = np.linalg.lstsq(a, b, rcond=None)[0].tolist()

# A product, for mul.
a = rng.normal(size=(4, 3))
b = rng.normal(size=(3, 5))
out["product"] = {"a": a.tolist(), "b": b.tolist(), "c": (a @ b).tolist()}

# A determinant beyond a double: 200 x 200, 1e3 on the diagonal, ones above it
# (triangular: det = 1e600, log|det| = 600 ln 10).
big = np.diag(np.full(200, 1e3)) + np.triu(np.ones((200, 200)), 1)
sign, logabs = np.linalg.slogdet(big)
out["huge_det"] = {"det_sign": float(sign), "log_abs_det": float(logabs), "det": "inf" if np.isinf(np.linalg.det(big)) else float(np.linalg.det(big))}

# One dense layer per activation, through torch.nn.functional.
x = rng.normal(size=(5, 4))
w = rng.normal(size=(3, 4))
bias = rng.normal(size=3)
layers = {}
xt, wt, bt = (torch.tensor(v, dtype=torch.float64) for v in (x, w, bias))
z = F.linear(xt, wt, bt)
layers["identity"] = z.tolist()
layers["relu"] = F.relu(z).tolist()
layers["tanh"] = torch.tanh(z).tolist()
layers["sigmoid"] = torch.sigmoid(z).tolist()
layers["softmax"] = F.softmax(z, dim=1).tolist()
big_z = F.linear(xt * 1000, wt, bt)
layers["softmax_large"] = F.softmax(big_z, dim=1).tolist()
out["layer"] = {"x": x.tolist(), "w": w.tolist(), "b": bias.tolist(), "y": layers,
                "x_large": (x * 1000).tolist()}

# Power iteration's answer: the dominant eigenpair of spd.
w, v = np.linalg.eigh(matrices["spd"])
out["spd"]["dominant_value"] = float(w[-1])
out["spd"]["dominant_vector"] = (v[:, -1] * np.sign(v[np.argmax(abs(v[:, -1])), -1])).tolist()

with open(os.path.join(HERE, "linalg_numpy.json"), "w") as f:
    json.dump(out, f, indent=1)
    f.write("\n")
