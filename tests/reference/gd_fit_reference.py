#!/usr/bin/python3
"""Expected values for mlm-gd fit, path and merge from scikit-learn, written as
tests/cli/mlm-gd-reference.cases (run gd_fit_datasets.py first for the CSVs).

Conventions matched: --l2 1/(C n) is LogisticRegression(C); --l2 A/n is
Ridge(alpha=A); --l1 A is Lasso(alpha=A); --standardize is StandardScaler
(population sd). scikit-learn runs (newton-cg for the classifiers) with tol=1e-12 and max_iter large so that
its optimum is tight; multinomial intercepts are centered (the softmax is
unchanged by adding one constant to every class, and mlm-gd's start at zero
keeps their sum at zero)."""
import os
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression, Ridge, Lasso, lasso_path
from sklearn.preprocessing import StandardScaler

here = os.path.dirname(os.path.abspath(__file__))
data = os.path.join(here, "..", "data", "gd")
out = []


def case(name, command, lines, tol):
    out.append(f"### {name}\n$ {command}\n" + "".join(f"> {l}\n" for l in lines) + f"~ {tol}\n")


def table(intercept, weights, features, header):
    lines = [",".join(header)]
    lines.append(",".join(["intercept"] + [repr(float(v)) for v in np.atleast_1d(intercept)]))
    for j, f in enumerate(features):
        lines.append(",".join([f] + [repr(float(v)) for v in np.atleast_1d(weights[j])]))
    return lines


def load(name, target):
    df = pd.read_csv(os.path.join(data, name + ".csv"))
    return df, df.drop(columns=[target]).to_numpy(float), df[target]


def log_loss(z, y, k):
    if k == 2:
        return np.mean(np.logaddexp(0, z[:, 0]) - y * z[:, 0])
    top = z.max(axis=1, keepdims=True)
    lse = (top + np.log(np.exp(z - top).sum(axis=1, keepdims=True)))[:, 0]
    return np.mean(lse - z[np.arange(len(y)), y])


def classifier(name, target, model):
    df, x, labels = load(name, target)
    classes = np.unique(labels)
    y = np.searchsorted(classes, labels)
    xs = StandardScaler().fit_transform(x)
    n = len(y)
    # newton-cg: lbfgs stops on its relative-decrease test (ftol) before a tol of 1e-12 is met.
    clf = LogisticRegression(C=1.0, solver="newton-cg", tol=1e-14, max_iter=100000,
                             multi_class="multinomial" if model == "softmax" else "auto")
    clf.fit(xs, y)
    w = clf.coef_.T  # d x k
    b = clf.intercept_.copy()
    if model == "softmax":
        b -= b.mean()
    z = xs @ w + b
    loss = log_loss(z, y, len(classes))
    objective = loss + 0.5 / n * np.sum(w ** 2)
    features = list(df.columns.drop(target))
    cmd = f"mlm-gd fit --model {model} --target {target} --standardize --l2 {1 / n!r} gd/{name}.csv"
    header = ["feature"] + ([str(c) for c in classes] if model == "softmax" else ["weight"])
    case(f"{model} on {name}: scikit-learn's LogisticRegression(C=1) weights", cmd, table(b, w, features, header), "1e-4")
    case(f"{model} on {name}: scikit-learn's optimum objective and loss",
         cmd + " -t json | grep -E '\"(objective|loss)\"'",
         [f'  "loss": {loss!r},', f'  "objective": {objective!r},'], "1e-6")


classifier("breast_cancer", "malignant_is_0", "logistic")
classifier("iris", "species", "softmax")
classifier("wine", "cultivar", "softmax")

df, x, y = load("diabetes", "progression")
y = y.to_numpy(float)
features = list(df.columns.drop("progression"))
n = len(y)
ridge = Ridge(alpha=10.0, tol=1e-12, solver="cholesky").fit(x, y)
case("ridge on diabetes: Ridge(alpha=10) is --l2 10/n",
     f"mlm-gd fit --target progression --l2 {10 / n!r} gd/diabetes.csv",
     table(ridge.intercept_, ridge.coef_, features, ["feature", "weight"]), "1e-9")
shards = " && ".join(f"sed -n '1p;{2 + i * 111},{min(1 + (i + 1) * 111, n + 1)}p' gd/diabetes.csv > $TMP/s{i}.csv"
                     for i in range(4))
partials = " && ".join(f"mlm-gd fit --partial --target progression $TMP/s{i}.csv > $TMP/p{i}.json" for i in range(4))
case("ridge on diabetes from 4 shards: fit --partial then merge equals Ridge(alpha=10) on all rows",
     f"{shards} && {partials} && mlm-gd merge --l2 {10 / n!r} $TMP/p0.json $TMP/p1.json $TMP/p2.json $TMP/p3.json",
     table(ridge.intercept_, ridge.coef_, features, ["feature", "weight"]), "1e-8")
lasso = Lasso(alpha=0.5, tol=1e-14, max_iter=10 ** 7).fit(x, y)
case("lasso on diabetes: Lasso(alpha=0.5) is --l1 0.5, with exact zeros",
     "mlm-gd fit --target progression --l1 0.5 --epochs 100000 gd/diabetes.csv",
     table(lasso.intercept_, lasso.coef_, features, ["feature", "weight"]), "1e-6")

xs = StandardScaler().fit_transform(x)
xc = xs - xs.mean(axis=0)
yc = y - y.mean()
alphas, coefs, _ = lasso_path(xc, yc, n_alphas=10, eps=1e-3, tol=1e-14, max_iter=10 ** 7)
lines = [",".join(["alpha", "intercept"] + features)]
for k, a in enumerate(alphas):
    lines.append(",".join([repr(float(a)), repr(float(y.mean()))] + [repr(float(v)) for v in coefs[:, k]]))
case("lasso path on standardized diabetes: scikit-learn's lasso_path, 10 penalties",
     "mlm-gd path --target progression --standardize --alphas 10 gd/diabetes.csv", lines, "1e-6")

with open(os.path.join(here, "..", "cli", "mlm-gd-reference.cases"), "w") as f:
    f.write("# Generated by tests/reference/gd_fit_reference.py from scikit-learn: do not edit.\n\n")
    f.write("\n".join(out))
