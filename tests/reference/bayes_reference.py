#!/usr/bin/python3
"""Reference values for lib/bayes and mlm-bayes.

Naive Bayes: scikit-learn 1.2's GaussianNB, MultinomialNB and BernoulliNB on
iris and wine (examples/data/, the copies bundled with scikit-learn) and a
count data set (the first 300 of scikit-learn's 8x8 digits, pixel counts
0..16, written to tests/data/digits.csv): classes, parameters, joint
log-likelihoods, predictions and probabilities, with the data, for
tests/unit/bayes_naive_bayes_test.cpp.

Writes tests/reference/bayes_reference.json. Run with Debian's /usr/bin/python3.
"""
import json
import pathlib
from fractions import Fraction

import numpy as np
import sklearn
from sklearn.datasets import load_digits, load_iris, load_wine
from sklearn.naive_bayes import BernoulliNB, GaussianNB, MultinomialNB

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent


def read_csv(path, target):
    lines = path.read_text().splitlines()
    header = lines[0].split(",")
    t = header.index(target)
    rows = [line.split(",") for line in lines[1:] if line]
    X = np.array([[float(v) for j, v in enumerate(r) if j != t] for r in rows])
    y = np.array([r[t] for r in rows])
    features = [h for j, h in enumerate(header) if j != t]
    return features, X, y


def digits_csv():
    d = load_digits()
    X, y = d.data[:300], d.target[:300]
    path = ROOT / "tests" / "data" / "digits.csv"
    features = [f"p{i}" for i in range(X.shape[1])]
    with open(path, "w") as f:
        f.write(",".join(features + ["digit"]) + "\n")
        for row, label in zip(X, y):
            f.write(",".join(str(int(v)) for v in row) + f",{label}\n")
    return features, X, np.array([str(v) for v in y])


def nb_case(name, kind, data, **params):
    features, X, y = DATA[data]
    model = {"gaussian": GaussianNB, "multinomial": MultinomialNB, "bernoulli": BernoulliNB}[kind](**params)
    model.fit(X, y)
    case = {
        "name": name,
        "kind": kind,
        "params": params,
        "data": data,
        "classes": [str(c) for c in model.classes_],
        "class_count": model.class_count_.tolist(),
        "class_log_prior": (np.log(model.class_prior_) if kind == "gaussian" else model.class_log_prior_).tolist(),
        "jll": model.predict_joint_log_proba(X).tolist(),
        "predicted": [str(c) for c in model.predict(X)],
        "proba": model.predict_proba(X).tolist(),
    }
    if kind == "gaussian":
        case["theta"] = model.theta_.tolist()
        case["var"] = model.var_.tolist()
        case["epsilon"] = float(model.epsilon_)
    else:
        case["feature_log_prob"] = model.feature_log_prob_.tolist()
    return case


def naive_bayes_cases():
    return [
        nb_case("iris gaussian", "gaussian", "iris"),
        nb_case("iris gaussian var_smoothing 0.01", "gaussian", "iris", var_smoothing=0.01),
        nb_case("wine gaussian", "gaussian", "wine"),
        nb_case("digits multinomial", "multinomial", "digits"),
        nb_case("digits multinomial alpha 0.5", "multinomial", "digits", alpha=0.5),
        nb_case("wine multinomial", "multinomial", "wine"),
        nb_case("digits bernoulli", "bernoulli", "digits"),
        nb_case("digits bernoulli alpha 0.1", "bernoulli", "digits", alpha=0.1),
    ]


def theorem_cases():
    """Bayes' theorem in exact rational arithmetic, rounded once to a double."""
    out = []
    for prior, l, f in [("0.01", "0.95", "0.05"), ("0.001", "0.99", "0.02"), ("0.3", "0.7", "0.1"),
                        ("0.5", "1", "0"), ("1e-6", "0.999", "1e-4")]:
        p, l_, f_ = Fraction(prior), Fraction(l), Fraction(f)
        e = p * l_ + (1 - p) * f_
        ne = p * (1 - l_) + (1 - p) * (1 - f_)
        case = {"prior": float(p), "likelihood": float(l_), "false_positive": float(f_),
                "evidence": float(e), "posterior": float(p * l_ / e), "not_evidence": float(ne)}
        case["negative_posterior"] = float(p * (1 - l_) / ne) if ne else None
        out.append(case)
    return out


def table_case():
    rows = [("fair", "0.5", "0.5"), ("two-headed", "0.1", "1"), ("biased", "0.4", "0.8")]
    joint = [Fraction(p) * Fraction(l) for _, p, l in rows]
    e = sum(joint)
    return {"names": [r[0] for r in rows], "priors": [float(Fraction(r[1])) for r in rows],
            "likelihoods": [float(Fraction(r[2])) for r in rows], "evidence": float(e),
            "posteriors": [float(j / e) for j in joint]}


DATA = {}


def main():
    DATA["iris"] = read_csv(ROOT / "examples" / "data" / "iris.csv", "species")
    DATA["wine"] = read_csv(ROOT / "examples" / "data" / "wine.csv", "class")
    DATA["digits"] = digits_csv()
    # The CSV copies are the bundled data sets, value for value.
    assert np.array_equal(DATA["iris"][1], load_iris().data)
    assert np.array_equal(DATA["wine"][1], load_wine().data)
    doc = {
        "generator": f"scikit-learn {sklearn.__version__}, numpy {np.__version__}",
        "data": {k: {"features": f, "X": X.tolist(), "y": y.tolist()} for k, (f, X, y) in DATA.items()},
        "naive_bayes": naive_bayes_cases(),
        "theorem": theorem_cases(),
        "theorem_table": table_case(),
    }
    (HERE / "bayes_reference.json").write_text(json.dumps(doc) + "\n")


if __name__ == "__main__":
    main()
