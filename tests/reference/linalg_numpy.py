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

# ---------------------------------------------------------------------------
# End-to-end cases: the matrices as CSV under tests/data/linalg/, and the case
# tables tests/cli/mlm-mat-reference.cases and mlm-eig-reference.cases whose
# expected numbers are numpy's and torch's (relative tolerance 1e-10; the
# matrices are chosen with no result entry that is rounding noise near 0).
ROOT = os.path.dirname(os.path.dirname(HERE))
DATA = os.path.join(ROOT, "tests", "data", "linalg")
os.makedirs(DATA, exist_ok=True)


def save(name, m, header=None):
    m = np.atleast_2d(m)
    with open(os.path.join(DATA, name + ".csv"), "w") as f:
        if header:
            f.write(",".join(header) + "\n")
        for row in m:
            f.write(",".join(repr(float(x)) for x in row) + "\n")


def rows(m, header):
    return [",".join(header)] + [",".join(repr(float(x)) for x in row) for row in np.atleast_2d(m)]


def names(prefix, k):
    return [f"{prefix}{j}" for j in range(1, k + 1)]


def table(tool, title, cases_list):
    text = [f"# Generated by tests/reference/linalg_numpy.py from {title}: do not edit."]
    for name, command, expected in cases_list:
        text.append("\n".join([f"### {name}", f"$ {command}"] + [f"> {e}" for e in expected] + ["~ 1e-10"]))
    with open(os.path.join(ROOT, "tests", "cli", f"{tool}-reference.cases"), "w") as f:
        f.write("\n\n".join(text) + "\n")


for name in ["spd", "sym_indefinite", "rotation", "nonsym", "hilbert4", "singular", "tall", "wide"]:
    save(name, matrices[name])
pa, pb = np.array(out["product"]["a"]), np.array(out["product"]["b"])
save("product_a", pa)
save("product_b", pb, header=["p", "q", "r", "s", "t"])
b3 = np.array(out["spd"]["b"])
save("spd_b", b3)
save("tall_b", np.array(out["tall"]["b"]))
L = out["layer"]
save("layer_x", np.array(L["x"]), header=names("x", 4))
save("layer_w", np.array(L["w"]))
save("layer_b", np.array(L["b"]).reshape(-1, 1))
save("layer_x_large", np.array(L["x_large"]))
# A second layer on top of the relu one: a two-layer forward pass.
w2 = rng.normal(size=(2, 3))
b2 = rng.normal(size=2)
save("layer2_w", w2)
save("layer2_b", b2.reshape(1, -1))
h = F.relu(F.linear(xt, wt, bt))
y2 = F.softmax(F.linear(h, torch.tensor(w2), torch.tensor(b2)), dim=1).numpy()

mat = [
    ("mul: A B matches numpy's a @ b, B's header names the columns",
     "mlm-mat mul linalg/product_a.csv linalg/product_b.csv", rows(pa @ pb, ["p", "q", "r", "s", "t"])),
    ("inverse: numpy.linalg.inv of a symmetric positive definite matrix",
     "mlm-mat inverse linalg/spd.csv", rows(np.linalg.inv(matrices["spd"]), names("c", 3))),
    ("inverse: ill-conditioned Hilbert 4 x 4 (cond 1.6e4)",
     "mlm-mat inverse linalg/hilbert4.csv", rows(np.linalg.inv(matrices["hilbert4"]), names("c", 4))),
    ("det: numpy.linalg.det of a non-symmetric 5 x 5",
     "mlm-mat det linalg/nonsym.csv", [repr(float(np.linalg.det(matrices["nonsym"])))]),
    ("det: Hilbert 4 x 4", "mlm-mat det linalg/hilbert4.csv", [repr(float(np.linalg.det(matrices["hilbert4"])))]),
    ("det --log: numpy's slogdet",
     "mlm-mat det --log linalg/sym_indefinite.csv", [repr(float(np.linalg.slogdet(matrices["sym_indefinite"])[1]))]),
    ("solve: numpy.linalg.solve with two right-hand sides",
     "mlm-mat solve linalg/spd.csv linalg/spd_b.csv", rows(np.linalg.solve(matrices["spd"], b3), names("c", 2))),
    ("solve --lstsq: numpy.linalg.lstsq on a tall system",
     "mlm-mat solve --lstsq linalg/tall.csv linalg/tall_b.csv",
     rows(np.linalg.lstsq(matrices["tall"], np.array(out["tall"]["b"]), rcond=None)[0], ["c1"])),
    ("inverse --lstsq: numpy.linalg.pinv of a wide matrix",
     "mlm-mat inverse --lstsq linalg/wide.csv", rows(np.array(out["wide"]["pinv"]), names("c", 3))),
    ("rank: numpy.linalg.matrix_rank of a singular 3 x 3",
     "mlm-mat rank linalg/singular.csv", [str(np.linalg.matrix_rank(matrices["singular"]))]),
    ("norm: Frobenius by default", "mlm-mat norm linalg/nonsym.csv",
     [repr(float(np.linalg.norm(matrices["nonsym"])))]),
    ("norm --kind spectral", "mlm-mat norm --kind spectral linalg/nonsym.csv",
     [repr(float(np.linalg.norm(matrices["nonsym"], 2)))]),
    ("norm --kind nuclear", "mlm-mat norm --kind nuclear linalg/wide.csv",
     [repr(float(np.linalg.norm(matrices["wide"], "nuc")))]),
    ("transpose", "mlm-mat transpose linalg/tall.csv", rows(matrices["tall"].T, names("c", 6))),
    ("linear: torch.nn.functional.linear, W out x in", "mlm-mat linear -w linalg/layer_w.csv -b linalg/layer_b.csv linalg/layer_x.csv",
     rows(np.array(L["y"]["identity"]), names("y", 3))),
    ("linear --activation relu", "mlm-mat linear -w linalg/layer_w.csv -b linalg/layer_b.csv --activation relu linalg/layer_x.csv",
     rows(np.array(L["y"]["relu"]), names("y", 3))),
    ("linear --activation tanh", "mlm-mat linear -w linalg/layer_w.csv -b linalg/layer_b.csv --activation tanh linalg/layer_x.csv",
     rows(np.array(L["y"]["tanh"]), names("y", 3))),
    ("linear --activation sigmoid", "mlm-mat linear -w linalg/layer_w.csv -b linalg/layer_b.csv --activation sigmoid linalg/layer_x.csv",
     rows(np.array(L["y"]["sigmoid"]), names("y", 3))),
    ("linear --activation softmax on logits in the thousands (log-sum-exp shift)",
     "mlm-mat linear -w linalg/layer_w.csv -b linalg/layer_b.csv --activation softmax linalg/layer_x_large.csv",
     rows(np.array(L["y"]["softmax_large"]), names("y", 3))),
    ("linear | linear: a two-layer forward pass equals torch's",
     "mlm-mat linear -w linalg/layer_w.csv -b linalg/layer_b.csv --activation relu linalg/layer_x.csv | "
     "mlm-mat linear -w linalg/layer2_w.csv -b linalg/layer2_b.csv --activation softmax",
     rows(y2, names("y", 2))),
]
table("mlm-mat", "numpy.linalg and torch.nn.functional", mat)


def general_order(w):
    # Descending |lambda|, then larger real part, then +im first (mlm-eig's order).
    return sorted(w, key=lambda z: (-round(abs(z), 12), -round(z.real, 12), -z.imag))


eig = [
    ("symmetric: numpy.linalg.eigh, descending", "mlm-eig linalg/spd.csv",
     ["eigenvalue"] + [repr(float(x)) for x in np.linalg.eigvalsh(matrices["spd"])[::-1]]),
    ("symmetric indefinite", "mlm-eig linalg/sym_indefinite.csv",
     ["eigenvalue"] + [repr(float(x)) for x in np.linalg.eigvalsh(matrices["sym_indefinite"])[::-1]]),
    ("non-symmetric: numpy.linalg.eig, complex pairs +im first", "mlm-eig linalg/nonsym.csv",
     ["re,im"] + [f"{repr(float(z.real))},{repr(float(z.imag))}" for z in general_order(np.linalg.eigvals(matrices["nonsym"]))]),
    ("svd: numpy.linalg.svd singular values of a wide matrix", "mlm-eig svd linalg/wide.csv",
     ["singular_value"] + [repr(float(x)) for x in np.linalg.svd(matrices["wide"], compute_uv=False)]),
    ("svd: a tall matrix", "mlm-eig svd linalg/tall.csv",
     ["singular_value"] + [repr(float(x)) for x in np.linalg.svd(matrices["tall"], compute_uv=False)]),
    ("svd --rank-k 2: U_2 S_2 V_2^T from numpy", "mlm-eig svd --rank-k 2 linalg/tall.csv",
     rows((lambda u, s, vt: (u[:, :2] * s[:2]) @ vt[:2])(*np.linalg.svd(matrices["tall"], full_matrices=False)), names("c", 3))),
    ("power: the dominant eigenvalue of spd", "mlm-eig power linalg/spd.csv | cut -d, -f1",
     ["eigenvalue", repr(out["spd"]["dominant_value"])]),
]
table("mlm-eig", "numpy.linalg", eig)
