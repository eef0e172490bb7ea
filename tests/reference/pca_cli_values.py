#!/usr/bin/python3
"""Expected values of the mlm-pca.cases added with the wide-data and overflow
work, from numpy and scikit-learn. Output: tests/reference/pca_cli_values.txt.

- overflow: finite values whose squares overflow; numpy's own var overflows
  too, so the standardized case is computed on the column divided by 2^996
  (exact, and standardizing does not depend on the scale).
- wine, iris: the scale note and scores of the examples/data files.
- wide: 6 x 3000, x_ij = ((7919 i + 104729 j) % 1009 + (i * j) % 17) / 8,
  the same integers the case builds with awk.
"""
import numpy as np
from sklearn.decomposition import PCA
from sklearn.preprocessing import StandardScaler

np.set_printoptions(precision=17)


def show(name, values):
    print(name, " ".join(repr(float(v)) for v in np.ravel(values)))


show("one column 1, 1e300: x - mean", np.array([1.0, 1e300]) - np.array([1.0, 1e300]).mean())
show("one column -1e300, 1: x - mean", np.array([-1e300, 1.0]) - np.array([-1e300, 1.0]).mean())
show("one column 1e308, -1e308: x - mean", np.array([1e308, -1e308]) - 0.0)
x = np.array([[1, 1e300], [2, -1e300], [4, 3]])
x[:, 1] /= 2.0 ** 996
z = PCA(svd_solver="full").fit(StandardScaler().fit_transform(x))
show("standardized [1 1e300; 2 -1e300; 4 3] eigenvalues", z.explained_variance_)
show("standardized [1 1e300; 2 -1e300; 4 3] ratios", z.explained_variance_ratio_)

n, d = 6, 3000
w = np.array([[((7919 * i + 104729 * j) % 1009 + (i * j) % 17) / 8 for j in range(d)] for i in range(n)])
p = PCA(n_components=2, svd_solver="full").fit(w)
show("wide 6 x 3000 -k 2 eigenvalues", p.explained_variance_)
show("wide 6 x 3000 -k 2 ratios", p.explained_variance_ratio_)
# mlm's sign convention: each component's largest-magnitude loading is positive.
flip = np.sign(p.components_[np.arange(2), np.abs(p.components_).argmax(axis=1)])
show("wide 6 x 3000 -k 2 scores row 1 (mlm's signs)", p.transform(w)[0] * flip)

wine = np.loadtxt("examples/data/wine.csv", delimiter=",", skiprows=1, usecols=range(13))
var = wine.var(axis=0, ddof=1)
show("wine raw: proline's share of the variance, largest / smallest variance",
     [var.max() / var.sum(), var.max() / var.min()])

from sklearn.datasets import load_iris  # noqa: E402
iris = load_iris().data
zp = PCA(n_components=2, svd_solver="full").fit(StandardScaler().fit_transform(iris))
flip = np.sign(zp.components_[np.arange(2), np.abs(zp.components_).argmax(axis=1)])
show("iris standardized -k 2 scores rows 1, 149, 150 (mlm's signs)",
     zp.transform(StandardScaler().fit_transform(iris))[[0, 148, 149]] * flip)
