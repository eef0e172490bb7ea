#!/usr/bin/python3
"""Reference values for lib/bayes and mlm-bayes.

Naive Bayes: scikit-learn 1.2's GaussianNB, MultinomialNB and BernoulliNB on
iris and wine (examples/data/, the copies bundled with scikit-learn) and a
count data set (the first 300 of scikit-learn's 8x8 digits, pixel counts
0..16, written to tests/data/digits.csv): classes, parameters, joint
log-likelihoods, predictions and probabilities, with the data, for
tests/unit/bayes_naive_bayes_test.cpp.

Conjugate updates: scipy.stats.beta / gamma / norm (median, ppf: the
equal-tailed intervals), the HDI as the root of f(F^-1(p + level)) =
f(F^-1(p)) by brentq at xtol 1e-15 on scipy's functions, and the Wilson
interval by its formula with scipy's norm.ppf (statsmodels is not installed).

A/B tests: P(B > A) in high precision with mpmath (50 digits): the exact
finite sum of Evan Miller's formula when B's alpha is a whole number, else
mpmath.quad of f_A(x) I_x(a_B, b_B); the expected losses from those through
E[p 1{p > q}] = E[p] P(p+ > q) (p+ ~ Beta(a + 1, b)); the
lift interval by scipy.integrate.quad (epsabs 1e-14) and brentq.

Writes tests/reference/bayes_reference.json. Run with Debian's /usr/bin/python3.
"""
import json
import pathlib
from fractions import Fraction

import mpmath
import numpy as np
import scipy
import sklearn
from scipy import integrate, optimize, stats
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


def hdi(dist, level):
    g = lambda p: dist.pdf(dist.ppf(p + level)) - dist.pdf(dist.ppf(p))
    p = optimize.brentq(g, 0.0, 1 - level, xtol=1e-15, rtol=8.9e-16, maxiter=500)
    return [float(dist.ppf(p)), float(dist.ppf(p + level))]


def summary(dist, level):
    return {"mean": float(dist.mean()), "variance": float(dist.var()), "median": float(dist.median()),
            "interval": [float(dist.ppf((1 - level) / 2)), float(dist.ppf((1 + level) / 2))]}


def beta_cases():
    out = []
    for a, b, s_, n, level in [(1, 1, 7, 10, 0.95), (2, 2, 30, 100, 0.9), (0.5, 0.5, 3, 4, 0.95),
                               (1, 1, 0, 12, 0.95), (1, 1, 4870, 10000, 0.99), (3.5, 1.25, 1, 1, 0.8)]:
        post = stats.beta(a + s_, b + n - s_)
        c = {"prior": [a, b], "successes": s_, "trials": n, "level": level,
             "alpha": a + s_, "beta": b + n - s_, **summary(post, level)}
        pa, pb = a + s_, b + n - s_
        if pa > 1 and pb > 1:
            c["mode"] = (pa - 1) / (pa + pb - 2)
            c["hdi"] = hdi(post, level)
        elif pa <= 1 < pb:
            c["hdi"] = [0.0, float(post.ppf(level))]
        z = stats.norm.ppf((1 + level) / 2)
        phat, z2n = s_ / n, z * z / n
        center, half = (phat + z2n / 2) / (1 + z2n), z / (1 + z2n) * np.sqrt(phat * (1 - phat) / n + z2n / (4 * n))
        c["wilson"] = [float(center - half), float(center + half)]
        out.append(c)
    return out


def gamma_cases():
    out = []
    for shape, rate, counts, level in [(2, 1, [3, 1, 4, 1, 5], 0.95), (0.5, 0.1, [0, 0, 1], 0.9)]:
        post = stats.gamma(shape + sum(counts), scale=1 / (rate + len(counts)))
        c = {"prior": [shape, rate], "counts": counts, "level": level, "shape": shape + sum(counts),
             "rate": rate + len(counts), **summary(post, level), "hdi": hdi(post, level)}
        out.append(c)
    return out


def normal_cases():
    out = []
    for mu, sd, noise, values, level in [(0, 10, 2, [4.1, 5.3, 3.9, 4.8], 0.95), (100, 1, 15, [130, 90, 120], 0.9)]:
        precision = mpmath.mpf(1) / sd**2 + mpmath.mpf(len(values)) / noise**2
        m = (mpmath.mpf(mu) / sd**2 + mpmath.fsum(values) / noise**2) / precision
        post = stats.norm(float(m), float(1 / mpmath.sqrt(precision)))
        out.append({"prior": [mu, sd], "noise_sd": noise, "values": values, "level": level,
                    "mu": float(m), "sd": float(1 / mpmath.sqrt(precision)), **summary(post, level)})
    return out


def prob_greater(ab, aa, bb, ba):
    """P(X_B > X_A), X_B ~ Beta(ab, bb), X_A ~ Beta(aa, ba), to 50 digits."""
    mpmath.mp.dps = 50
    if float(ab).is_integer():
        B = mpmath.beta
        return mpmath.fsum(B(aa + i, ba + bb) / ((bb + i) * B(1 + i, bb) * B(aa, ba)) for i in range(int(ab)))
    f = lambda x: mpmath.betainc(ab, bb, 0, x, regularized=True)
    return 1 - mpmath.quad(lambda x: x ** (aa - 1) * (1 - x) ** (ba - 1) / mpmath.beta(aa, ba) * f(x), [0, 1])


def expected_loss(a1, b1, a2, b2):
    """E[max(p1 - p2, 0)], p1 ~ Beta(a1, b1), p2 ~ Beta(a2, b2): by
    x f_1(x) = E[p1] f_1+(x) (f_1+ the Beta(a1 + 1, b1) density),
    E[p1 1{p1 > p2}] - E[p2 1{p1 > p2}] = E[p1] P(1+ > 2) - E[p2] P(1 > 2+),
    each P in 50 digits as above."""
    m1, m2 = mpmath.mpf(a1) / (a1 + b1), mpmath.mpf(a2) / (a2 + b2)
    return m1 * prob_greater(a1 + 1, a2, b1, b2) - m2 * prob_greater(a1, a2 + 1, b1, b2)


def lift_interval(aa, ba, ab, bb, level):
    A, B = stats.beta(aa, ba), stats.beta(ab, bb)
    lo, hi = A.ppf(1e-15), A.ppf(1 - 1e-15)
    cdf = lambda t: integrate.quad(lambda x: A.pdf(x) * B.cdf(min(1.0, (1 + t) * x)), lo, hi,
                                   epsabs=1e-14, epsrel=1e-13, limit=500, points=[A.mean()])[0]
    q = lambda p: optimize.brentq(lambda t: cdf(t) - p, -0.999999, 100, xtol=1e-13)
    return [q((1 - level) / 2), q((1 + level) / 2)]


def ab_cases():
    out = []
    for (sa, na), (sb, nb), prior, level in [((120, 1000), (150, 1000), (1, 1), 0.95),
                                             ((40, 200), (45, 210), (1, 1), 0.95),
                                             ((3, 10), (7, 10), (0.5, 0.5), 0.9),
                                             ((1200, 100000), (1290, 100000), (1, 1), 0.95)]:
        aa, ba = prior[0] + sa, prior[1] + na - sa
        ab, bb = prior[0] + sb, prior[1] + nb - sb
        c = {"a": [sa, na], "b": [sb, nb], "prior": list(prior), "level": level,
             "prob_b_beats_a": float(prob_greater(ab, aa, bb, ba)),
             "expected_loss_a": float(expected_loss(ab, bb, aa, ba)),
             "expected_loss_b": float(expected_loss(aa, ba, ab, bb)),
             "lift_mean": (ab / (ab + bb)) / (aa / (aa + ba)) - 1}
        if nb < 100000:
            c["lift"] = lift_interval(aa, ba, ab, bb, level)
        out.append(c)
    return out


DATA = {}


def main():
    DATA["iris"] = read_csv(ROOT / "examples" / "data" / "iris.csv", "species")
    DATA["wine"] = read_csv(ROOT / "examples" / "data" / "wine.csv", "class")
    DATA["digits"] = digits_csv()
    # The CSV copies are the bundled data sets, value for value.
    assert np.array_equal(DATA["iris"][1], load_iris().data)
    assert np.array_equal(DATA["wine"][1], load_wine().data)
    doc = {
        "generator": f"scikit-learn {sklearn.__version__}, scipy {scipy.__version__}, "
                     f"mpmath {mpmath.__version__}, numpy {np.__version__}",
        "data": {k: {"features": f, "X": X.tolist(), "y": y.tolist()} for k, (f, X, y) in DATA.items()},
        "naive_bayes": naive_bayes_cases(),
        "theorem": theorem_cases(),
        "theorem_table": table_case(),
        "beta": beta_cases(),
        "gamma": gamma_cases(),
        "normal": normal_cases(),
        "ab": ab_cases(),
    }
    (HERE / "bayes_reference.json").write_text(json.dumps(doc) + "\n")


if __name__ == "__main__":
    main()
