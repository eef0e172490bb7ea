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


# --explain of the same path: where each weight becomes exactly zero, from lasso_path's coefficients.
import textwrap


def g3(v):
    return "%.3g" % v


def wrap(text):
    lines = []
    for line in text.split("\n"):
        lead = len(line) - len(line.lstrip(" "))
        lines += textwrap.wrap(line, 80, subsequent_indent=" " * (lead + 2), break_on_hyphens=False,
                               break_long_words=False) or [""]
    return lines


left = []
for j, f in enumerate(features):
    for k in range(len(alphas) - 1, -1, -1):
        if coefs[j, k] == 0:
            left.append((alphas[k], f))
            break
left.sort()
text = ("The l1 path of a linear model: the objective is the mean loss + alpha*|w|_1, fitted for "
        f"{len(alphas)} penalties from alpha = {g3(alphas[0])} down to {g3(alphas[-1])}, each fit starting "
        "from the previous one.\n\nAs the penalty grows, the weights reach exactly zero one after another:\n")
for a, f in left:
    text += f"  {f} is zero from alpha = {g3(a)}\n"
kept = len(features) - len(left)
text += f'\n"{left[0][1]}" left first, at alpha = {g3(left[0][0])}' + (
    f"; at alpha = {g3(alphas[0])} every weight is zero.\n" if kept == 0
    else f"; {kept} of {len(features)} weights are never zero on this grid.\n")
text += ("\nThis is L1's corner: the diamond |w|_1 <= c touches the loss's contours at a corner, where "
         "some weights are exactly zero; L2's ball has no corners, so its weights only shrink.")
case("lasso path --explain: which weight leaves first, at what penalty (lasso_path's zeros)",
     "mlm-gd path --target progression --standardize --alphas 10 --explain gd/diabetes.csv", wrap(text), "1e-9")

# predict: a logistic model fitted on standardized features, saved on the
# input's scale, gives predict_proba of the same fit for raw rows.
df, x, labels = load("breast_cancer", "malignant_is_0")
n = len(labels)
scaler = StandardScaler().fit(x)
clf = LogisticRegression(C=1.0, solver="newton-cg", tol=1e-14, max_iter=100000).fit(scaler.transform(x), labels)
proba = clf.predict_proba(scaler.transform(x[:5]))
case("predict --proba: a saved logistic model (fitted standardized, saved raw) gives predict_proba",
     f"mlm-gd fit --model logistic --target malignant_is_0 --standardize --l2 {1 / n!r} --save-model $TMP/m.json "
     "gd/breast_cancer.csv > /dev/null && head -6 gd/breast_cancer.csv | mlm-gd predict --model $TMP/m.json --proba",
     ["0,1"] + [f"{p[0]!r},{p[1]!r}" for p in proba], "1e-5")
df, x, labels = load("iris", "species")
xs = StandardScaler().fit_transform(x)
clf = LogisticRegression(C=1.0, solver="newton-cg", tol=1e-14, max_iter=100000, multi_class="multinomial").fit(xs, labels)
rows = [0, 60, 70, 83, 120, 133]
pred = clf.predict(xs)
case("predict: a softmax model saved after --standardize predicts the raw rows as scikit-learn does",
     f"mlm-gd fit --model softmax --target species --standardize --l2 {1 / len(labels)!r} --save-model $TMP/m.json "
     "gd/iris.csv > /dev/null && mlm-gd predict --model $TMP/m.json gd/iris.csv | sed -n '" +
     ";".join(f"{r + 2}p" for r in rows) + "'",
     [str(pred[r]) for r in rows], "1e-9")

# L1 makes weights exactly zero, L2 of the same strength does not (standardized diabetes).
df, x, y = load("diabetes", "progression")
xs = StandardScaler().fit_transform(x)
zeros = int(np.sum(Lasso(alpha=5.0, tol=1e-14, max_iter=10 ** 7).fit(xs, y).coef_ == 0))
ridge_zeros = int(np.sum(Ridge(alpha=5.0 * len(y)).fit(xs, y).coef_ == 0))
case("--l1 5 makes weights exactly zero (Lasso(alpha=5)); --l2 5 (Ridge(alpha=5n)) makes none",
     "mlm-gd fit --target progression --standardize --l1 5 gd/diabetes.csv -t json | grep zero_weights\n"
     "$ mlm-gd fit --target progression --standardize --l2 5 gd/diabetes.csv -t json | grep zero_weights",
     [f'  "zero_weights": {zeros}', f'  "zero_weights": {ridge_zeros}'], "1e-9")

# --trace's first row: the objective and gradient norm at w = 0, b = 0.
df, x, labels = load("breast_cancer", "malignant_is_0")
xs = StandardScaler().fit_transform(x)
yb = labels.to_numpy(float)
r = 0.5 - yb
g = np.concatenate([xs.T @ r / len(yb), [r.mean()]])
case("--trace starts at w = 0: loss log 2 and the gradient's norm there",
     "mlm-gd fit --model logistic --target malignant_is_0 --standardize --l2 0.01 --trace gd/breast_cancer.csv | head -2",
     ["epoch,loss,grad_norm,lr", f"0,{np.log(2)!r},{np.linalg.norm(g)!r},0"], "1e-9")

with open(os.path.join(here, "..", "cli", "mlm-gd-reference.cases"), "w") as f:
    f.write("# Generated by tests/reference/gd_fit_reference.py from scikit-learn: do not edit.\n\n")
    f.write("\n".join(out))
