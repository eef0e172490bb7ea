#!/usr/bin/python3
"""Reference values for mlm-pca from scikit-learn's PCA (svd_solver="full").

Writes tests/reference/pca_sklearn.json: per case the data (scikit-learn's
bundled iris and wine, the same as examples/data/) and sklearn's results.
Run with Debian's /usr/bin/python3 (numpy 1.24, scikit-learn 1.2).
"""
import json
import pathlib

import numpy as np
import sklearn
from sklearn.datasets import load_iris, load_wine
from sklearn.decomposition import PCA
from sklearn.preprocessing import StandardScaler

HERE = pathlib.Path(__file__).resolve().parent


def case(name, X, standardize):
    Z = StandardScaler().fit_transform(X) if standardize else X
    full = PCA(svd_solver="full").fit(Z)
    k95 = PCA(n_components=0.95, svd_solver="full").fit(Z).n_components_
    two = PCA(n_components=2, svd_solver="full").fit(Z)
    white = PCA(n_components=2, svd_solver="full", whiten=True).fit(Z)
    return {
        "name": name,
        "standardize": standardize,
        "X": X.tolist(),
        "mean": X.mean(axis=0).tolist(),
        "scale": (X.std(axis=0) if standardize else np.ones(X.shape[1])).tolist(),
        "explained_variance": full.explained_variance_.tolist(),
        "explained_variance_ratio": full.explained_variance_ratio_.tolist(),
        "components": full.components_.tolist(),
        "scores": full.transform(Z).tolist(),
        "k_for_variance_0.95": int(k95),
        "reconstruction_k2": (two.inverse_transform(two.transform(Z)) if not standardize else
                              StandardScaler().fit(X).inverse_transform(two.inverse_transform(two.transform(Z)))).tolist(),
        "whitened_scores_k2": white.transform(Z).tolist(),
    }


def lcg_wide(n, d, seed=20261201):
    """The wide matrix tests/unit/linalg_pca_test.cpp builds too, bit for bit:
    integers from a 64-bit LCG (state * 6364136223846793005 + 1442695040888963407
    mod 2^64, top 31 bits), three rank-one factors plus noise, divided by 256,
    so every value is exact in any language's doubles."""
    state = seed
    mask = (1 << 64) - 1

    def draw():
        nonlocal state
        state = (state * 6364136223846793005 + 1442695040888963407) & mask
        return state >> 33

    f = [[draw() % 201 - 100 for _ in range(n)] for _ in range(3)]
    g = [[draw() % 201 - 100 for _ in range(d)] for _ in range(3)]
    x = np.empty((n, d))
    for i in range(n):
        for j in range(d):
            x[i, j] = (3 * f[0][i] * g[0][j] + 2 * f[1][i] * g[1][j] + f[2][i] * g[2][j] +
                       draw() % 20001 - 10000) / 256
    return x


def wide_case(name, X, k, keep_data, component_columns=None):
    """Wide data (more columns than rows): the exact thin SVD. Eigenvalues
    past rank n-1 are rounding and left out."""
    full = PCA(svd_solver="full").fit(X)
    top = PCA(n_components=k, svd_solver="full").fit(X)
    n = X.shape[0]
    comps = top.components_ if component_columns is None else top.components_[:, :component_columns]
    out = {
        "name": name,
        "shape": list(X.shape),
        "k": k,
        "explained_variance": full.explained_variance_[: n - 1].tolist(),
        "explained_variance_ratio": full.explained_variance_ratio_[: n - 1].tolist(),
        "components_k": comps.tolist(),
        "scores_k": top.transform(X).tolist(),
    }
    if keep_data:
        out["X"] = X.tolist()
    return out


def overflow_cases():
    """Finite data near 1e308, whose squares overflow. numpy's var overflows
    too, so the references are computed on the data divided by 2^k (exact)
    and scaled back where the result is in range: scores of raw data are
    differences from the mean (no squares), standardized results do not
    depend on the scale at all."""
    rng = np.random.default_rng(7)
    base = rng.normal(size=(20, 3)) @ np.array([[1, 0.5, 0], [0, 1, 0.3], [0, 0, 1]])
    unit = 2.0 ** 996  # 6.7e299
    big = base * unit
    z = PCA(svd_solver="full").fit(StandardScaler().fit_transform(base))
    raw = PCA(svd_solver="full").fit(base)
    return {
        "X": big.tolist(),
        "standardized_explained_variance": z.explained_variance_.tolist(),
        "standardized_explained_variance_ratio": z.explained_variance_ratio_.tolist(),
        "raw_explained_variance_ratio": raw.explained_variance_ratio_.tolist(),
        "raw_scores": (raw.transform(base) * unit).tolist(),
        "standardized_scores": z.transform(StandardScaler().fit_transform(base)).tolist(),
        "one_column_scores": (np.array([1.0, 1e300]) - np.array([1.0, 1e300]).mean()).tolist(),
    }


def main():
    iris = load_iris()
    wine = load_wine()
    doc = {
        "generator": "tests/reference/pca_sklearn.py, scikit-learn " + sklearn.__version__ +
                     ", numpy " + np.__version__,
        "cases": [
            case("iris raw", iris.data, False),
            case("iris standardized", iris.data, True),
            case("wine standardized", wine.data, True),
        ],
        "wide": [
            wide_case("gaussian 30 x 500", np.random.default_rng(30500).normal(size=(30, 500)) *
                      np.exp(np.random.default_rng(5).uniform(-1, 1, size=500)), 5, True),
            wide_case("lcg 60 x 8000", lcg_wide(60, 8000), 5, False, 100),
        ],
        "overflow": overflow_cases(),
    }
    with open(HERE / "pca_sklearn.json", "w") as out:
        json.dump(doc, out)
        out.write("\n")


if __name__ == "__main__":
    main()
