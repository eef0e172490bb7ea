#!/usr/bin/python3
"""Writes scikit-learn's bundled data sets as CSV with a header, for mlm-gd fit
tests: tests/data/gd/{breast_cancer,iris,wine,diabetes}.csv. Full precision (repr)."""
import os
from sklearn import datasets

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "gd")
os.makedirs(out, exist_ok=True)


def write(name, x, y, features, target):
    with open(os.path.join(out, name + ".csv"), "w") as f:
        f.write(",".join(features + [target]) + "\n")
        for row, t in zip(x, y):
            f.write(",".join(repr(float(v)) for v in row) + "," + str(t) + "\n")


def names(ds):
    return [n.replace(" ", "_").replace("(", "").replace(")", "").replace("/", "_") for n in ds.feature_names]


bc = datasets.load_breast_cancer()
write("breast_cancer", bc.data, bc.target, names(bc), "malignant_is_0")
iris = datasets.load_iris()
write("iris", iris.data, [iris.target_names[t] for t in iris.target], names(iris), "species")
wine = datasets.load_wine()
write("wine", wine.data, wine.target, names(wine), "cultivar")
db = datasets.load_diabetes(scaled=False)
write("diabetes", db.data, [repr(float(v)) for v in db.target], names(db), "progression")
