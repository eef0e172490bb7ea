#!/usr/bin/python3
"""Expected text of `mlm-bayes nb fit --explain` and `nb predict --explain`.

Every number in the text is scikit-learn 1.2's: GaussianNB's class_count_,
class_prior_, theta_, var_ and epsilon_; MultinomialNB's and BernoulliNB's
feature_count_ and feature_log_prob_ (log(1 - p) as log1p(-p)); the per-feature
terms from those parameters by the formulas of sklearn's _joint_log_likelihood;
predict_joint_log_proba, scipy's logsumexp and predict_proba for the rest.
The words and the layout (6 significant digits, the column widths, the
80-column wrapping of --explain) are written out here as the tool prints them.

Writes tests/cli/mlm-bayes-nb-explain.cases. Run with Debian's /usr/bin/python3.
"""
import math
import pathlib
import re

import numpy as np
import sklearn
from scipy.special import logsumexp
from sklearn.naive_bayes import BernoulliNB, GaussianNB, MultinomialNB

from bayes_reference import read_csv

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
DATA = ROOT / "tests" / "data"


def num(x):
    s = "%.6g" % (x + 0.0)  # -0 prints as 0
    return re.sub(r"e([+-])0*(\d)", lambda m: "e" + ("-" if m.group(1) == "-" else "+") + m.group(2), s)


def count(x):
    return "%d" % x if float(x).is_integer() else repr(float(x))


def fitted(s, width):
    return s if len(s) <= width else s[: width - 3] + "..."


def padded(s, width):
    return s + " " * (width - len(s))


def wrap_line(line, width=80, hanging=2):
    """lib/cli/explain_text.cpp's wrap: break at the last space before the
    limit, continuations indented `hanging` more than the line."""
    indent = len(line) - len(line.lstrip(" "))
    out, prefix, first = [], "", True
    while len(prefix) + len(line) > width:
        room = width - len(prefix)
        cut = line.rfind(" ", 0, room + 1)
        if cut == -1 or cut <= (indent if first else 0):
            cut = line.find(" ", room)
            if cut == -1:
                break
        out.append(prefix + line[:cut].rstrip(" "))
        line = line[cut:].lstrip(" ")
        if first:
            prefix = " " * min(indent + hanging, width // 2)
        first = False
    out.append(prefix + line)
    return out


def wrapped(text):
    lines = []
    for line in text.rstrip("\n").split("\n"):
        lines.extend(wrap_line(line))
    return lines


def read_rows(path):
    lines = path.read_text().splitlines()
    return np.array([[float(v) for v in line.split(",")] for line in lines[1:] if line])


TITLE = {"gaussian": "Gaussian", "multinomial": "Multinomial", "bernoulli": "Bernoulli"}
TERM = {
    "gaussian": "  log P(x_j|c) = -1/2 log(2 pi s2_cj) - (x_j - m_cj)^2 / (2 s2_cj)\n",
    "multinomial": "  log P(x_j|c) = x_j log p_cj,  p_cj = (N_cj + alpha) / (N_c + alpha d)\n",
    "bernoulli": "  log P(x_j|c) = log p_cj if x_j > 0, else log(1 - p_cj),\n"
    "  p_cj = (n_cj + alpha) / (n_c + 2 alpha)\n",
}
MEANING = {
    "gaussian": "Each class is a bell curve per feature, centred on the class's mean: a row goes to the class whose "
    "prior times the heights of its curves at the row's values is the largest.",
    "multinomial": "Each class is a loaded die with a face per feature, p_cj the chance that one count lands on "
    "feature j: a row goes to the class most likely to have rolled its counts, weighed by its prior.",
    "bernoulli": "Each class is a set of coins, one per feature, p_cj the chance that feature j is present: a row "
    "goes to the class most likely to have thrown its pattern of presences and absences, weighed by its prior.",
}
FORMULAS = (
    "  log P(c|x) = log P(c) + sum_j log P(x_j|c) - log P(x)\n"
    "  log P(x)   = log sum_c exp(log P(c) + sum_j log P(x_j|c))\n"
)


def fit_row(cls, name, numbers):
    row = "  " + padded(fitted(cls, 10), 12) + padded(fitted(name, 12), 14)
    return row + "".join(padded(n, 13) for n in numbers[:-1]) + numbers[-1] + "\n"


def model(kind, params, features, X, y):
    m = {"gaussian": GaussianNB, "multinomial": MultinomialNB, "bernoulli": BernoulliNB}[kind](**params)
    m.fit(X, y)
    return m


def fit_text(kind, params, features, m, saved):
    classes = [str(c) for c in m.classes_]
    k, d = len(classes), len(features)
    log_prior = np.log(m.class_prior_) if kind == "gaussian" else m.class_log_prior_
    t = (f"{TITLE[kind]} naive Bayes, fitted to {count(m.class_count_.sum())} rows of {d} "
         f"{'feature' if d == 1 else 'features'} in {k} {'class' if k == 1 else 'classes'}:\n\n")
    t += FORMULAS + TERM[kind]
    t += "The naive part: the features are taken as independent given the class, so their log likelihoods add.\n"
    t += "\nClass priors, P(c) = n_c / n:\n" + fit_row("class", "rows n_c", ["P(c)", "log P(c)"])
    for c in range(k):
        t += fit_row(classes[c], count(m.class_count_[c]), [num(math.exp(log_prior[c])), num(log_prior[c])])
    if kind == "gaussian":
        vs = params.get("var_smoothing", 1e-9)
        t += ("\nPer class and feature, the mean m_cj and the variance s2_cj: the class's population variance plus "
              f"epsilon = var_smoothing x the largest variance of a feature = {num(vs)} x {num(m.epsilon_ / vs)} = "
              f"{num(m.epsilon_)}:\n")
        t += fit_row("class", "feature", ["mean m_cj", "variance s2_cj"])
        cells = lambda c, j: [num(m.theta_[c, j]), num(m.var_[c, j])]
    elif kind == "multinomial":
        t += ("\nPer class and feature, N_cj is the sum of feature j over the class's rows and N_c = sum_j N_cj; "
              f"alpha = {num(params.get('alpha', 1))}, d = {d}:\n")
        t += fit_row("class", "feature", ["N_cj", "N_c", "p_cj", "log p_cj"])
        fc, flp = m.feature_count_, m.feature_log_prob_
        cells = lambda c, j: [num(fc[c, j]), num(fc[c].sum()), num(math.exp(flp[c, j])), num(flp[c, j])]
    else:
        t += f"\nPer class and feature, n_cj counts the class's rows with x_j > 0; alpha = {num(params.get('alpha', 1))}:\n"
        t += fit_row("class", "feature", ["n_cj", "p_cj", "log p_cj", "log(1 - p_cj)"])
        fc, flp = m.feature_count_, m.feature_log_prob_
        cells = lambda c, j: [num(fc[c, j]), num(math.exp(flp[c, j])), num(flp[c, j]),
                              num(math.log1p(-math.exp(flp[c, j])))]
    shown_features = min(d, max(1, 24 // k))
    shown_classes = min(k, max(1, 24 // shown_features))
    for c in range(shown_classes):
        for j in range(shown_features):
            t += fit_row(classes[c], features[j], cells(c, j))
    if shown_features < d or shown_classes < k:
        t += f"  ... left out: {d - shown_features} of the {d} features"
        if shown_classes < k:
            t += f" and {k - shown_classes} of the {k} classes"
        t += "; --save-model FILE writes them all\n" if not saved else f"; {saved} has them all\n"
    t += "\n" + MEANING[kind] + "\n"
    if saved:
        t += f"The model is saved in {saved}.\n"
    return t


def term_row(label, cells):
    row = "  " + padded(fitted(label, 16), 18)
    return row + "".join(padded(n, 13) for n in cells[:-1]) + cells[-1] + "\n"


def terms(kind, m, x):
    """Each feature's term, classes x features, from sklearn's parameters."""
    if kind == "gaussian":
        return -0.5 * np.log(2 * np.pi * m.var_) - (x - m.theta_) ** 2 / (2 * m.var_)
    if kind == "multinomial":
        return x * m.feature_log_prob_
    neg = np.log1p(-np.exp(m.feature_log_prob_))
    return np.where(x > 0, m.feature_log_prob_, neg)


def predict_text(kind, features, m, X, more):
    classes = [str(c) for c in m.classes_]
    k, d = len(classes), len(features)
    log_prior = np.log(m.class_prior_) if kind == "gaussian" else m.class_log_prior_
    jll = m.predict_joint_log_proba(X)
    proba = m.predict_proba(X)
    t = (f"{TITLE[kind]} naive Bayes with {k} classes and {d} features: each class's log prior plus each feature's "
         "log likelihood is the row's joint log-likelihood; the log-sum-exp of the joints is log P(x), and "
         "subtracting it gives log P(c|x):\n\n")
    t += FORMULAS + TERM[kind]
    for r in range(X.shape[0]):
        shown = sorted(range(k), key=lambda c: -jll[r, c])[:4]
        tm = terms(kind, m, X[r])
        row = lambda f: [num(f(c)) for c in shown]
        t += f"\nRow {r + 1}"
        if k > len(shown):
            t += f" (the {len(shown)} most probable of {k} classes)"
        t += ":\n" + term_row("", [fitted(classes[c], 12) for c in shown])
        t += term_row("log P(c)", row(lambda c: log_prior[c]))
        listed = 7 if d > 8 else d
        for j in range(listed):
            t += term_row(f"{features[j]} = {num(X[r, j])}", row(lambda c: tm[c, j]))
        if listed < d:
            t += term_row(f"({d - listed} more)", row(lambda c: tm[c, listed:].sum()))
        lse, top = logsumexp(jll[r]), jll[r].max()
        t += term_row("= joint", row(lambda c: jll[r, c]))
        t += "  log P(x) = M + log sum_c exp(joint_c - M), M the largest joint,\n"
        t += f"           = {num(top)} + log({num(math.exp(lse - top))}) = {num(lse)}\n"
        t += term_row("joint - log P(x)", row(lambda c: jll[r, c] - lse))
        t += term_row("P(c|x)", row(lambda c: proba[r, c]))
        best = int(np.argmax(jll[r]))
        t += f"  predicted: {classes[best]}, P(c|x) = {num(proba[r, best])}\n"
    if more:
        t += (f"\nThe rows after these {X.shape[0]} are predicted the same way; run without --explain for them "
              "all.\n")
    t += ("\nThe prior starts each class's tally and every feature adds its evidence as a log likelihood; the "
          "largest tally wins, and subtracting log P(x) turns the tallies into probabilities that sum to 1.\n")
    return t


def case(name, commands, text, note=None):
    out = [f"### {name}"] + [f"$ {c}" for c in commands]
    out += [("> " + line).rstrip(" ") if line else ">" for line in wrapped(text)]
    out.append("~ 1e-5")
    return "\n".join(out) + "\n"


def main():
    cases = []
    people = read_csv(DATA / "nb_people.csv", "sex")
    g = model("gaussian", {}, *people)
    cases.append(case(
        "nb fit --explain: gaussian, the priors and every class's mean and variance (GaussianNB)",
        ["mlm-bayes nb fit --target sex --explain --save-model $TMP/m.json nb_people.csv | sed 's|[^ ]*/m.json|m.json|'"],
        fit_text("gaussian", {}, people[0], g, "m.json")))
    new = read_rows(DATA / "nb_people_new.csv")
    cases.append(case(
        "nb predict --explain: gaussian, each row term by term (GaussianNB)",
        ["mlm-bayes nb fit --target sex --save-model $TMP/m.json nb_people.csv > /dev/null",
         "mlm-bayes nb predict --model $TMP/m.json --explain --proba nb_people_new.csv"],
        predict_text("gaussian", people[0], g, new, False)))
    words = read_csv(DATA / "nb_words.csv", "topic")
    mn = model("multinomial", {}, *words)
    cases.append(case(
        "nb fit --explain: multinomial, the smoothed word probabilities (MultinomialNB)",
        ["mlm-bayes nb fit --target topic --kind multinomial --explain nb_words.csv"],
        fit_text("multinomial", {}, words[0], mn, "")))
    bn = model("bernoulli", {"alpha": 0.5}, *words)
    cases.append(case(
        "nb fit --explain: bernoulli with alpha 0.5 (BernoulliNB)",
        ["mlm-bayes nb fit --target topic --kind bernoulli --alpha 0.5 --explain nb_words.csv"],
        fit_text("bernoulli", {"alpha": 0.5}, words[0], bn, "")))
    cases.append(case(
        "nb predict --explain: bernoulli, a present feature adds log p, an absent one log(1 - p)",
        ["mlm-bayes nb fit --target topic --kind bernoulli --alpha 0.5 --save-model $TMP/b.json nb_words.csv > /dev/null",
         "mlm-bayes nb predict --model $TMP/b.json --explain nb_words.csv"],
        predict_text("bernoulli", words[0], bn, words[1][:3], True)))
    digits = read_csv(DATA / "digits.csv", "digit")
    dm = model("multinomial", {}, *digits)
    cases.append(case(
        "nb fit --explain: 64 features in 10 classes are cut to the first rows, saying what is left out",
        ["mlm-bayes nb fit --target digit --kind multinomial --explain digits.csv"],
        fit_text("multinomial", {}, digits[0], dm, "")))
    cases.append(case(
        "nb predict --explain: the 4 most probable classes, 7 features and the sum of the rest",
        ["mlm-bayes nb fit --target digit --kind multinomial --save-model $TMP/d.json digits.csv > /dev/null",
         "head -2 digits.csv | mlm-bayes nb predict --model $TMP/d.json --explain"],
        predict_text("multinomial", digits[0], dm, digits[1][:1], False)))
    head = ("# mlm-bayes nb fit --explain and nb predict --explain, whole texts. Written by\n"
            "# tests/reference/nb_explain_reference.py from scikit-learn " + sklearn.__version__ + "'s fitted\n"
            "# parameters (theta_, var_, epsilon_, feature_count_, feature_log_prob_) and\n"
            "# predictions (predict_joint_log_proba, predict_proba); the text shows 6 digits.\n\n")
    (ROOT / "tests" / "cli" / "mlm-bayes-nb-explain.cases").write_text(head + "\n".join(cases))


main()
