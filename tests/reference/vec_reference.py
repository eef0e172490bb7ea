#!/usr/bin/python3
"""Expected values for mlm-vec, computed with numpy and scipy.spatial.distance.

Writes the fixtures under tests/data/vec/, the case table
tests/cli/mlm-vec-reference.cases, and tests/reference/vec_unit.json for the
unit tests of lib/linalg/vector_ops and cosine_scores. Run from the repository root:
    /usr/bin/python3 tests/reference/vec_reference.py
Nearest rows: cosine similarity by numpy, sorted by descending similarity with
ties in input order (a stable sort of -similarity). Vectors whose norm numpy
cannot take (1e200 squared overflows) use math.hypot and math.fsum.
"""
import json
import math
import os

import numpy as np
from scipy.spatial import distance

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.path.join(ROOT, "tests", "data", "vec")
os.makedirs(DATA, exist_ok=True)
rng = np.random.default_rng(13)
cases = []


def case(name, command, expected, tol="1e-10", stdin=None):
    lines = [f"### {name}", f"$ {command}"]
    lines += [f"< {i}" for i in stdin or []]
    lines += [f"> {e}" for e in expected]
    lines.append(f"~ {tol}")
    cases.append("\n".join(lines))


def num(x):
    x = float(x)
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    return repr(x)


def write_table(path, header, labels, rows):
    with open(os.path.join(DATA, path), "w") as f:
        f.write(",".join(header) + "\n")
        for i, row in enumerate(rows):
            cells = ([labels[i]] if labels is not None else []) + [repr(float(v)) for v in row]
            f.write(",".join(cells) + "\n")


# An embedding table: 12 words in 5 dimensions, two of them identical (a tie).
words = ["king", "queen", "man", "woman", "apple", "pear", "paris", "france",
         "rome", "italy", "twin_a", "twin_b"]
W = np.round(rng.normal(size=(len(words), 5)), 6)
W[words.index("twin_b")] = W[words.index("twin_a")]
dims = [f"d{i}" for i in range(1, 6)]
write_table("words.csv", ["word"] + dims, words, W)

# Two inputs of the same shape, no labels.
A = np.round(rng.normal(size=(6, 4)) * 10, 5)
B = np.round(rng.normal(size=(6, 4)) * 10, 5)
xs = [f"x{i}" for i in range(1, 5)]
write_table("a.csv", xs, None, A)
write_table("b.csv", xs, None, B)


def label_rows(values, labels=words, name="word"):
    return [f"{labels[i]},{num(v)}" for i, v in enumerate(values)]


for p, flag in [(2, ""), (1, " --p 1"), (np.inf, " --p inf"), (3, " --p 3")]:
    vals = [np.linalg.norm(w, ord=p) for w in W]
    case(f"vec: norm{flag or ' (p=2)'} matches numpy.linalg.norm", f"mlm-vec norm{flag} vec/words.csv",
         ["word,norm"] + label_rows(vals))

N = W / np.linalg.norm(W, axis=1, keepdims=True)
case("vec: normalize divides each row by its norm", "mlm-vec normalize vec/words.csv",
     ["word," + ",".join(dims)] + [words[i] + "," + ",".join(num(v) for v in N[i]) for i in range(len(words))])

q = np.array([0.5, -1.25, 2.0, 0.0, 3.5])
qs = ",".join(repr(v) for v in q)
case("vec: dot --with matches numpy.dot", f"mlm-vec dot --with {qs} vec/words.csv",
     ["word,dot"] + label_rows([np.dot(w, q) for w in W]))
king = W[0]
case("vec: cosine --with-row king is 1 - scipy's cosine distance", "mlm-vec cosine --with-row king vec/words.csv",
     ["word,cosine"] + label_rows([1 - distance.cosine(w, king) for w in W]))
for metric, f in [("euclidean", distance.euclidean), ("manhattan", distance.cityblock),
                  ("cosine", distance.cosine)]:
    case(f"vec: distance --metric {metric} matches scipy.spatial.distance",
         f"mlm-vec distance --metric {metric} --with {qs} vec/words.csv",
         ["word,distance"] + label_rows([f(w, q) for w in W]))

case("vec: dot of two inputs row by row", "mlm-vec dot vec/a.csv vec/b.csv",
     ["dot"] + [num(np.dot(a, b)) for a, b in zip(A, B)])
case("vec: euclidean distance of two inputs row by row", "mlm-vec distance vec/a.csv vec/b.csv",
     ["distance"] + [num(distance.euclidean(a, b)) for a, b in zip(A, B)])
# Longer than a block (the reader's first block is 64 rows): pairs across blocks.
LA = np.round(rng.normal(size=(300, 3)), 4)
LB = np.round(rng.normal(size=(300, 3)), 4)
write_table("long_a.csv", ["x1", "x2", "x3"], None, LA)
write_table("long_b.csv", ["name", "x1", "x2", "x3"], [f"r{i}" for i in range(300)], LB)
case("vec: cosine of two 300-row inputs pairs rows across blocks (labels from the first)",
     "mlm-vec cosine vec/long_b.csv vec/long_a.csv",
     ["name,cosine"] + [f"r{i},{num(1 - distance.cosine(b, a))}" for i, (a, b) in enumerate(zip(LA, LB))])
case("vec: add two inputs", "mlm-vec add vec/a.csv vec/b.csv",
     [",".join(xs)] + [",".join(num(v) for v in r) for r in A + B])
case("vec: sub two inputs", "mlm-vec sub vec/a.csv vec/b.csv",
     [",".join(xs)] + [",".join(num(v) for v in r) for r in A - B])
case("vec: scale 2.5", "mlm-vec scale 2.5 vec/a.csv",
     [",".join(xs)] + [",".join(num(v) for v in r) for r in 2.5 * A])
case("vec: one row prints one number", "mlm-vec cosine --with 1,0,0 --no-header",
     [num(1 - distance.cosine([3, 4, 0], [1, 0, 0]))], stdin=["3,4,0"])
case("vec: norm of one unlabelled row", "mlm-vec norm --no-header", [num(np.linalg.norm([3, 4, 12]))],
     stdin=["3,4,12"])


def nearest(target, exclude, k):
    sims = N @ (target / np.linalg.norm(target))
    order = np.argsort(-sims, kind="stable")
    out = [i for i in order if words[i] not in exclude][:k]
    return ["word,similarity"] + [f"{words[i]},{num(sims[i])}" for i in out]


case("vec: nearest --query LABEL leaves the query's row out", "mlm-vec nearest --query king -k 4 vec/words.csv",
     nearest(W[0], {"king"}, 4))
case("vec: nearest --query VECTOR over all rows", f"mlm-vec nearest --query {qs} -k 5 vec/words.csv",
     nearest(q, set(), 5))
case("vec: nearest ties keep input order (twin_a before twin_b)",
     f"mlm-vec nearest --query {','.join(repr(v) for v in W[10])} -k 3 vec/words.csv", nearest(W[10], set(), 3))
case("vec: nearest -k larger than the rows prints them all", "mlm-vec nearest --query pear -k 50 vec/words.csv",
     nearest(W[5], {"pear"}, 50))
target = W[words.index("paris")] - W[words.index("france")] + W[words.index("italy")]
case("vec: analogy paris france italy is nearest paris - france + italy",
     "mlm-vec analogy paris france italy -k 3 vec/words.csv", nearest(target, {"paris", "france", "italy"}, 3))

with open(os.path.join(ROOT, "tests", "cli", "mlm-vec-reference.cases"), "w") as f:
    f.write("# Generated by tests/reference/vec_reference.py from numpy and scipy: do not edit.\n\n")
    f.write("\n\n".join(cases) + "\n")

# Unit values: norms and dot products where a naive formula loses digits.
long_x = rng.normal(size=2000) * np.exp(rng.normal(size=2000) * 5)
long_y = rng.normal(size=2000)
unit = {
    "huge": {"x": [1e200, 1e200, -3e200], "norm2": math.hypot(1e200, 1e200, -3e200)},
    "tiny": {"x": [1e-200, 2e-200, 2e-200], "norm2": math.hypot(1e-200, 2e-200, 2e-200)},
    "long": {
        "x": long_x.tolist(), "y": long_y.tolist(),
        "norm1": math.fsum(abs(v) for v in long_x),
        "norm2": math.hypot(*long_x),
        "norm3": float(np.linalg.norm(long_x, 3)),
        "norminf": float(np.max(np.abs(long_x))),
        "dot": math.fsum(float(a) * float(b) for a, b in zip(long_x, long_y)),
        "cosine": 1 - distance.cosine(long_x, long_y),
        "euclidean": distance.euclidean(long_x, long_y),
        "manhattan": distance.cityblock(long_x, long_y),
    },
    "block": {"rows": W.tolist(), "query": q.tolist(),
              "cosine": [1 - distance.cosine(w, q) for w in W]},
}
with open(os.path.join(ROOT, "tests", "reference", "vec_unit.json"), "w") as f:
    json.dump(unit, f)
