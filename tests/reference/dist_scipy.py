#!/usr/bin/python3
"""Reference values for lib/prob (spec, distribution): scipy.stats on a grid of
points and parameters that includes the tails and the edge parameters.

Run with /usr/bin/python3; writes dist_scipy.json beside this script.
Infinite values are written as the strings "inf"/"-inf" (JSON has neither).
Where scipy itself loses digits, the value comes from mpmath at 50 digits:
the Poisson pmf (scipy: exp(k log mu - gammaln(k+1) - mu), 2e-12 off at
k = 1400, mu = 1000) and the beta and gamma entropies (scipy's betaln and psi,
1e-10 off for beta(0.1, 3)). Left out where scipy's answer is wrong: discrete
quantiles at q = 1e-300 (scipy: nan, or a k whose cdf is below q) and at the
ends (scipy gives a - 1 at ppf(0) and isf(1); mlm gives the smallest value of
the support), p = 0 and p = 1 (scipy's bdtrik: median of bernoulli(1) is 0),
and the beta quantile at 1e-300 (scipy's Boost call gives up, 4e-51; the
answer is 2.6e-151). Those edges are checked by hand in the unit test.
"""
import json
import math
import os

import mpmath
import numpy as np
from scipy import stats
from json_numbers import num


# (spec, scipy frozen distribution, points x)
CASES = [
    ("normal:0,1", stats.norm(0, 1), [-40, -37.5, -20, -8, -1.5, -1e-8, 0, 0.3, 1, 2.5, 8, 20, 37.5]),
    ("normal:3.5,0.01", stats.norm(3.5, 0.01), [3.3, 3.45, 3.5, 3.52, 3.6, 3.9]),
    ("normal:-1e6,2500", stats.norm(-1e6, 2500), [-1.01e6, -1e6, -9.9e5, 0]),
    ("bernoulli:0.3", stats.bernoulli(0.3), [-1, 0, 0.5, 1, 2]),
    ("bernoulli:0", stats.bernoulli(0.0), [0, 1]),
    ("bernoulli:1", stats.bernoulli(1.0), [0, 1]),
    ("binomial:10,0.3", stats.binom(10, 0.3), [-1, 0, 1, 2.5, 3, 5, 9, 10, 11]),
    ("binomial:1000,0.001", stats.binom(1000, 0.001), [0, 1, 5, 20, 100, 999, 1000]),
    ("binomial:50,0.999", stats.binom(50, 0.999), [0, 10, 45, 49, 50]),
    ("poisson:3.5", stats.poisson(3.5), [-1, 0, 1, 2.5, 3, 10, 30, 100]),
    ("poisson:0.001", stats.poisson(0.001), [0, 1, 2, 10]),
    ("poisson:1000", stats.poisson(1000), [700, 900, 1000, 1100, 1400]),
    ("uniform:-2,3", stats.uniform(-2, 5), [-3, -2, -1.99, 0, 2.999, 3, 4]),
    ("beta:2,5", stats.beta(2, 5), [-0.1, 0, 1e-10, 0.01, 0.2, 0.5, 0.9, 0.999, 1, 1.5]),
    ("beta:0.5,0.5", stats.beta(0.5, 0.5), [1e-12, 0.001, 0.3, 0.5, 0.999999]),
    ("beta:0.1,3", stats.beta(0.1, 3), [1e-30, 1e-8, 0.01, 0.5, 0.99]),
    ("beta:200,300", stats.beta(200, 300), [0.25, 0.35, 0.4, 0.45, 0.6]),
    ("beta:1,1", stats.beta(1, 1), [0, 0.25, 1]),
    ("exponential:2", stats.expon(scale=0.5), [-1, 0, 1e-12, 0.5, 3, 20, 300]),
    ("exponential:1e-3", stats.expon(scale=1e3), [0, 1, 1000, 1e4]),
    ("gamma:2.5,1.5", stats.gamma(2.5, scale=1 / 1.5), [-1, 0, 1e-6, 0.5, 1.6, 5, 20, 60]),
    ("gamma:0.3,1", stats.gamma(0.3, scale=1.0), [1e-20, 1e-5, 0.1, 1, 10, 30]),
    ("gamma:1,4", stats.gamma(1, scale=0.25), [0, 0.1, 2]),
    ("gamma:500,0.2", stats.gamma(500, scale=5.0), [2000, 2400, 2500, 2600, 3200]),
]

QS = [1e-300, 1e-15, 1e-6, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 1 - 1e-9, 1]


mpmath.mp.dps = 50


def poisson_pmf(k, mu):
    if k < 0 or k != math.floor(k):
        return 0.0, -math.inf
    k, mu = mpmath.mpf(k), mpmath.mpf(mu)
    log = k * mpmath.log(mu) - mu - mpmath.loggamma(k + 1)
    return float(mpmath.exp(log)), float(log)


def beta_entropy(a, b):
    a, b = mpmath.mpf(a), mpmath.mpf(b)
    return float(mpmath.log(mpmath.beta(a, b)) - (a - 1) * mpmath.digamma(a)
                 - (b - 1) * mpmath.digamma(b) + (a + b - 2) * mpmath.digamma(a + b))


def gamma_entropy(shape, rate):
    k, r = mpmath.mpf(shape), mpmath.mpf(rate)
    return float(k - mpmath.log(r) + mpmath.loggamma(k) + (1 - k) * mpmath.digamma(k))


def categorical():
    cats = np.array([0, 1, 2, 3])
    p = np.array([0.1, 0.2, 0.3, 0.4])
    return "categorical:1,2,3,4", stats.rv_discrete(values=(cats, p)), [-1, 0, 0.5, 1, 2, 3, 4]


def case(spec, d, xs, discrete):
    out = {"spec": spec, "x": [], "q": []}
    name, params = spec.split(":")
    params = [float(v) for v in params.split(",")]
    degenerate = name in ("bernoulli", "binomial") and params[-1] in (0.0, 1.0)
    qs = QS
    if discrete:
        qs = [q for q in QS if q not in (1e-300, 1)]
    if name == "beta":
        qs = [q for q in QS if q != 1e-300]
    if degenerate:
        qs = []
    with np.errstate(all="ignore"):
        for x in xs:
            if name == "poisson":
                pdf, logpdf = poisson_pmf(x, params[0])
            elif discrete:
                pdf, logpdf = d.pmf(x), d.logpmf(x)
            else:
                pdf, logpdf = d.pdf(x), d.logpdf(x)
            out["x"].append({"x": x, "pdf": num(pdf), "logpdf": num(logpdf),
                             "cdf": num(d.cdf(x)), "sf": num(d.sf(x))})
        for q in qs:
            out["q"].append({"q": q, "quantile": num(d.ppf(q)), "isf": num(d.isf(q))})
    out["mean"] = num(d.mean())
    out["variance"] = num(d.var())
    if not degenerate:
        out["median"] = num(d.median())
    out["entropy"] = num(d.entropy())
    if name == "beta":
        out["entropy"] = beta_entropy(*params)
    if name == "gamma":
        out["entropy"] = gamma_entropy(*params)
    return out


def main():
    cases = []
    for spec, d, xs in CASES:
        discrete = spec.split(":")[0] in ("bernoulli", "binomial", "poisson")
        cases.append(case(spec, d, xs, discrete))
    spec, d, xs = categorical()
    cases.append(case(spec, d, xs, True))
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "dist_scipy.json")
    with open(path, "w") as f:
        json.dump({"cases": cases}, f, indent=1)
        f.write("\n")


main()
