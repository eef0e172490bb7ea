#!/usr/bin/python3
"""The data and expected output of examples/forward_pass.sh and
examples/eigen_svd.sh, from torch.nn.functional and numpy.linalg.

Run from the repository root: /usr/bin/python3 tests/reference/linalg_examples.py
Writes examples/data/net_*.csv, examples/data/ratings.csv and the two
examples/*.expected files (6 significant digits, as the scripts print).
"""
import os

import numpy as np
import torch
import torch.nn.functional as F

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EX = os.path.join(ROOT, "examples")


def save(name, rows, header=None):
    with open(os.path.join(EX, "data", name), "w") as f:
        if header:
            f.write(",".join(header) + "\n")
        for row in np.atleast_2d(rows):
            f.write(",".join(f"{x:g}" for x in row) + "\n")


def g(x):
    return f"{x:.6g}"


def table(header, rows):
    return [",".join(header)] + [",".join(g(x) for x in row) for row in np.atleast_2d(rows)]


# A hand-made two-layer net for iris: hidden units fire on long petals, wide
# petals, and short sepals; the output layer turns them into species scores.
w1 = np.array([[0, 0, 1, 0], [0, 0, 0, 1], [-1, 0, 0, 0]], float)   # 3 x 4, out x in
b1 = np.array([-2.5, -1.6, 6.0])
w2 = np.array([[-3, 0, 2], [1.5, -8, 0], [0.5, 8, 0]], float)        # 3 x 3
b2 = np.array([2.0, 0.5, -1.0])
save("net_w1.csv", w1)
save("net_b1.csv", b1.reshape(-1, 1))
save("net_w2.csv", w2)
save("net_b2.csv", b2.reshape(1, -1))

iris = np.genfromtxt(os.path.join(EX, "data", "iris.csv"), delimiter=",", skip_header=1, usecols=range(4))
rows = iris[[0, 1, 50, 51, 100, 101]]
x = torch.tensor(rows)
h = F.relu(F.linear(x, torch.tensor(w1), torch.tensor(b1)))
p = F.softmax(F.linear(h, torch.tensor(w2), torch.tensor(b2)), dim=1).numpy()
lines = ["# hidden layer: relu(W1 x + b1) for two flowers of each species"]
lines += table(["y1", "y2", "y3"], h.numpy())
lines += ["# output layer: softmax(W2 h + b2), one probability per species"]
lines += table(["y1", "y2", "y3"], p)
with open(os.path.join(EX, "forward_pass.expected"), "w") as f:
    f.write("\n".join(lines) + "\n")

# Ratings of 5 films by 6 people: two tastes (action, romance) and noise-free.
ratings = np.array([[5, 4, 1, 1, 3], [4, 5, 1, 2, 3], [1, 1, 5, 4, 3],
                    [2, 1, 4, 5, 3], [5, 5, 2, 1, 4], [1, 2, 5, 5, 3]], float)
save("ratings.csv", ratings, header=["alien", "heat", "amelie", "notebook", "up"])
gram = ratings.T @ ratings
u, s, vt = np.linalg.svd(ratings, full_matrices=False)
approx = (u[:, :2] * s[:2]) @ vt[:2]
w = np.linalg.eigvalsh(gram)[::-1]
lines = ["# singular values: two tastes carry almost everything"]
lines += ["singular_value"] + [g(v) for v in s]
lines += ["# the best rank-2 approximation of the ratings"]
lines += table(["alien", "heat", "amelie", "notebook", "up"], approx)
lines += ["# eigenvalues of R^T R are the squared singular values"]
lines += ["eigenvalue"] + [g(v) for v in w]
with open(os.path.join(EX, "eigen_svd.expected"), "w") as f:
    f.write("\n".join(lines) + "\n")
