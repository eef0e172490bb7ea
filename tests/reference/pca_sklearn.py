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
    }
    with open(HERE / "pca_sklearn.json", "w") as out:
        json.dump(doc, out)
        out.write("\n")


if __name__ == "__main__":
    main()
