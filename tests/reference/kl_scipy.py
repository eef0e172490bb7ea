#!/usr/bin/python3
"""Reference values for lib/info divergence, histogram and gaussian_kl.

Discrete divergences come from scipy (stats.entropy, special.rel_entr,
spatial.distance.jensenshannon); Gaussian closed forms from their textbook
formulas in numpy; bins from numpy.histogram_bin_edges / numpy.quantile.
Run with /usr/bin/python3; writes kl_scipy.json beside this script.
Infinite values are written as the string "inf" (JSON has no infinity).
"""
import json
import math
import os

import numpy as np
from scipy.spatial.distance import jensenshannon
from scipy.special import rel_entr
from scipy.stats import entropy
from json_numbers import num

rng = np.random.default_rng(20261124)


def nums(xs):
    return [num(x) for x in xs]


def discrete(name, p, q):
    p = np.asarray(p, dtype=float)
    q = np.asarray(q, dtype=float)
    pn, qn = p / p.sum(), q / q.sum()
    kl_e = entropy(p, q)
    with np.errstate(divide="ignore", invalid="ignore"):
        psi_terms = np.where((pn == 0) & (qn == 0), 0.0, (pn - qn) * np.log(pn / qn))
    psi = np.sum(psi_terms) if np.all(np.isfinite(psi_terms)) else math.inf
    return {
        "name": name,
        "p": nums(p),
        "q": nums(q),
        "p_normalized": nums(pn),
        "q_normalized": nums(qn),
        "kl_e": num(kl_e),
        "kl_2": num(entropy(p, q, base=2)),
        "reverse_kl_2": num(entropy(q, p, base=2)),
        "rel_entr": nums(rel_entr(pn, qn)),
        "xent_e": num(entropy(p) + kl_e),  # H(P,Q) = H(P) + KL(P||Q)
        "js_distance_e": num(jensenshannon(p, q)),
        "js_distance_2": num(jensenshannon(p, q, base=2)),
        "psi": num(psi),
    }


discrete_cases = [
    discrete("uniform q", [0.1, 0.2, 0.3, 0.4], [0.25, 0.25, 0.25, 0.25]),
    discrete("zero in p", [0.0, 0.5, 0.5], [0.2, 0.3, 0.5]),
    discrete("zero in q", [0.2, 0.3, 0.5], [0.5, 0.5, 0.0]),
    discrete("unnormalized counts", [10, 20, 30, 40, 7], [3, 7, 11, 13, 17]),
    discrete("biased coin", [0.99, 0.01], [0.5, 0.5]),
    discrete("dirichlet 50", rng.dirichlet(np.ones(50)), rng.dirichlet(np.ones(50) * 0.5)),
    discrete("tiny weights", [1e-300, 1.0, 1e-200], [1e-250, 1.0, 1e-300]),
]


def univariate(mp, sp, mq, sq):
    kl = np.log(sq / sp) + (sp**2 + (mp - mq) ** 2) / (2 * sq**2) - 0.5
    return {"p_mean": mp, "p_sd": sp, "q_mean": mq, "q_sd": sq, "kl": num(kl)}


def random_spd(k):
    a = rng.normal(size=(k, k))
    return a @ a.T + 0.5 * np.eye(k)


def multivariate(mp, cp, mq, cq):
    k = len(mp)
    cq_inv = np.linalg.inv(cq)
    d = mq - mp
    kl = 0.5 * (np.trace(cq_inv @ cp) + d @ cq_inv @ d - k
                + np.log(np.linalg.det(cq) / np.linalg.det(cp)))
    return {"p": {"mean": nums(mp), "cov": [nums(r) for r in cp]},
            "q": {"mean": nums(mq), "cov": [nums(r) for r in cq]},
            "kl": num(kl)}


def vae(mu, logvar):
    mu, logvar = np.asarray(mu), np.asarray(logvar)
    kl = -0.5 * np.sum(1 + logvar - mu**2 - np.exp(logvar))
    return {"mu": nums(mu), "logvar": nums(logvar), "kl": num(kl)}


def sym(c):
    return (c + c.T) / 2


gaussian = {
    "univariate": [
        univariate(0.0, 1.0, 1.0, 2.0),
        univariate(-3.5, 0.25, 2.0, 4.0),
        univariate(10.0, 5.0, 10.5, 1.0),
    ],
    "multivariate": [
        multivariate(rng.normal(size=3), sym(random_spd(3)), rng.normal(size=3), sym(random_spd(3))),
        multivariate(np.array([0.0, 0.0]), np.array([[1.0, 0.3], [0.3, 2.0]]),
                     np.array([1.0, -1.0]), np.array([[2.0, -0.4], [-0.4, 1.0]])),
    ],
    "vae": [
        vae([0.0, 0.0], [0.0, 0.0]),
        vae([0.5, -1.2, 2.0], [-0.3, 0.7, -2.5]),
        vae(rng.normal(size=8), rng.normal(size=8)),
    ],
}

a = rng.normal(0.0, 1.0, size=1000)
b = rng.normal(0.3, 1.2, size=800)
ties = rng.integers(0, 5, size=300).astype(float)
fd_edges = np.histogram_bin_edges(np.concatenate([a, b]), bins="fd")
q_edges = np.unique(np.quantile(a, np.linspace(0, 1, 11)))
tie_edges = np.unique(np.quantile(ties, np.linspace(0, 1, 11)))
histograms = {
    "a": nums(a),
    "b": nums(b),
    "ties": nums(ties),
    "fd_edges": nums(fd_edges),
    "fd_counts_b": [int(c) for c in np.histogram(b, fd_edges)[0]],
    "equal_width": {
        "range": [-2.0, 2.5],
        "bins": 7,
        "edges": nums(np.histogram_bin_edges(b, bins=7, range=(-2.0, 2.5))),
        "counts_b": [int(c) for c in np.histogram(b, bins=7, range=(-2.0, 2.5))[0]],
        "below_b": int(np.sum(b < -2.0)),
        "above_b": int(np.sum(b > 2.5)),
    },
    # Quantile bins from A with open outer edges: values of B outside A's
    # range are counted in the end bins, as clipping them to the range does.
    "quantile_10_edges": nums(q_edges),
    "quantile_10_counts_b": [int(c) for c in np.histogram(np.clip(b, q_edges[0], q_edges[-1]), q_edges)[0]],
    "ties_quantile_10_edges": nums(tie_edges),
}

# Large samples (past the size where quantiles switch to bucket selection),
# made by integer formulas that C++ reproduces exactly.
i = np.arange(200000, dtype=np.int64)
spread = ((i * 7919) % 100003) / 100003.0 + (i % 7)
skewed = np.where(i % 1000 == 0, i * 1e6, (i % 3) / 7.0)
histograms["large"] = {
    "n": 200000,
    "spread_formula": "((i * 7919) % 100003) / 100003.0 + (i % 7)",
    "skewed_formula": "i % 1000 == 0 ? i * 1e6 : (i % 3) / 7.0",
    "spread_quantile_20_edges": nums(np.unique(np.quantile(spread, np.linspace(0, 1, 21)))),
    "skewed_quantile_20_edges": nums(np.unique(np.quantile(skewed, np.linspace(0, 1, 21)))),
    "spread_fd_edges_count": int(len(np.histogram_bin_edges(np.concatenate([spread, spread[:5000]]), "fd"))),
    "spread_fd_first_edges": nums(np.histogram_bin_edges(np.concatenate([spread, spread[:5000]]), "fd")[:3]),
}

out = {
    "generated_by": "tests/reference/kl_scipy.py",
    "numpy": np.__version__,
    "scipy": __import__("scipy").__version__,
    "discrete": discrete_cases,
    "gaussian": gaussian,
    "histogram": histograms,
}
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "kl_scipy.json")
with open(path, "w") as f:
    json.dump(out, f, indent=1, allow_nan=False)
    f.write("\n")
