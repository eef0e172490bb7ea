#!/usr/bin/python3
"""Reference values for mlm-pca from scikit-learn's PCA (svd_solver="full").

Writes tests/reference/pca_sklearn.json (the data and sklearn's results per
case) and the example data examples/data/iris.csv and examples/data/wine.csv.
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
ROOT = HERE.parent.parent


def number(x):
    """Shortest round-trip text, without a trailing ".0" on whole numbers."""
    text = repr(float(x))
    return text[:-2] if text.endswith(".0") else text


def write_csv(path, header, features, labels):
    with open(path, "w") as out:
        out.write(",".join(header) + "\n")
        for row, label in zip(features, labels):
            out.write(",".join(number(x) for x in row) + "," + label + "\n")


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
    iris_header = ["sepal_length", "sepal_width", "petal_length", "petal_width", "species"]
    write_csv(ROOT / "examples/data/iris.csv", iris_header, iris.data,
              [iris.target_names[t] for t in iris.target])
    wine_header = list(wine.feature_names) + ["class"]
    write_csv(ROOT / "examples/data/wine.csv", wine_header, wine.data,
              [wine.target_names[t] for t in wine.target])
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
