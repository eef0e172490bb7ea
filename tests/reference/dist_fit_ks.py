#!/usr/bin/python3
"""Reference values for lib/prob fit and ks: scipy's MLEs and KS tests on
data drawn here with numpy (fixed seed). Run with /usr/bin/python3; writes
dist_fit_ks.json beside this script.

  fit:     norm.fit; the Poisson and Bernoulli MLE (the mean); expon.fit(floc=0)
           (rate = 1/scale); gamma.fit(floc=0) (rate = 1/scale);
           beta.fit(floc=0, fscale=1)
  ks_2samp: scipy.stats.ks_2samp, method exact (two-sided), with ties
  ks_1samp: scipy.stats.kstest against a fixed distribution, method "asymp"
           (Kolmogorov's limit) and the default (always exact in scipy 1.10)
  ks_2samp_asymp: ks_2samp(method="asymp") and the default on samples over
           10,000 values: kstwo.sf(d, round(m n / (m + n)))
  ks_fit:  kstest (default method) against the normal, exponential and gamma
           that scipy fitted to the sample (fits as above)
  kstwo:   kstwo.cdf and kstwo.sf on a grid of n and d that visits every
           method of Simard & L'Ecuyer's choice, tails included
"""
import json
import os

import numpy as np
from scipy import stats

rng = np.random.default_rng(20261202)


def fits():
    out = []
    x = rng.normal(3.0, 2.0, 200)
    mu, sd = stats.norm.fit(x)
    out.append({"family": "normal", "data": x.tolist(), "params": [mu, sd],
                "sd_sample": float(np.std(x, ddof=1)),
                "log_likelihood": float(stats.norm(mu, sd).logpdf(x).sum())})
    x = rng.poisson(4.2, 300).astype(float)
    out.append({"family": "poisson", "data": x.tolist(), "params": [float(x.mean())],
                "log_likelihood": float(stats.poisson(x.mean()).logpmf(x).sum())})
    x = (rng.random(150) < 0.3).astype(float)
    out.append({"family": "bernoulli", "data": x.tolist(), "params": [float(x.mean())],
                "log_likelihood": float(stats.bernoulli(x.mean()).logpmf(x).sum())})
    x = rng.exponential(0.5, 250)
    _, scale = stats.expon.fit(x, floc=0)
    out.append({"family": "exponential", "data": x.tolist(), "params": [1 / scale],
                "log_likelihood": float(stats.expon(scale=scale).logpdf(x).sum())})
    for shape, scale in [(2.5, 0.7), (0.4, 3.0)]:
        x = rng.gamma(shape, scale, 400)
        a, _, s = stats.gamma.fit(x, floc=0)
        out.append({"family": "gamma", "data": x.tolist(), "params": [a, 1 / s],
                    "log_likelihood": float(stats.gamma(a, scale=s).logpdf(x).sum())})
    for a0, b0 in [(2.0, 5.0), (0.6, 0.8)]:
        x = rng.beta(a0, b0, 300)
        a, b, _, _ = stats.beta.fit(x, floc=0, fscale=1)
        out.append({"family": "beta", "data": x.tolist(), "params": [a, b],
                    "log_likelihood": float(stats.beta(a, b).logpdf(x).sum())})
    return out


def ks2():
    out = []
    cases = [
        (rng.normal(0, 1, 30), rng.normal(0.5, 1, 40)),
        (rng.normal(0, 1, 50), rng.normal(0.2, 1, 50)),
        (rng.integers(0, 5, 7).astype(float), rng.integers(0, 5, 13).astype(float)),
        (rng.normal(0, 1, 100), rng.standard_t(3, 250)),
        (rng.normal(0, 1, 1000), rng.normal(0.05, 1, 1200)),
        (rng.exponential(1, 9), rng.exponential(1, 9)),
    ]
    for a, b in cases:
        r = stats.ks_2samp(a, b, method="exact")
        out.append({"a": a.tolist(), "b": b.tolist(), "statistic": float(r.statistic),
                    "p_value": float(r.pvalue), "location": float(r.statistic_location),
                    "sign": int(r.statistic_sign)})
    return out


def ks1():
    out = []
    for n in (20, 500):
        x = rng.normal(0.1, 1.1, n)
        r = stats.kstest(x, stats.norm(0, 1).cdf, method="asymp")
        e = stats.kstest(x, stats.norm(0, 1).cdf)
        out.append({"data": x.tolist(), "spec": "normal:0,1", "statistic": float(r.statistic),
                    "p_value": float(r.pvalue), "p_value_exact": float(e.pvalue)})
    return out


def ks2_asymp():
    out = []
    cases = [
        (rng.normal(0, 1, 12000), rng.normal(0.02, 1, 15000)),
        (rng.exponential(1, 20001), rng.exponential(1.01, 10500)),
        (rng.normal(0, 1, 11000), rng.normal(0, 1, 11000)),
    ]
    for a, b in cases:
        r = stats.ks_2samp(a, b, method="asymp")
        auto = stats.ks_2samp(a, b)
        assert auto.pvalue == r.pvalue
        out.append({"a": a.tolist(), "b": b.tolist(), "statistic": float(r.statistic),
                    "p_value": float(r.pvalue)})
    return out


def ks_fit():
    out = []
    for n in (30, 400, 12000):
        x = rng.normal(1.0, 2.0, n)
        mu, sd = stats.norm.fit(x)
        out.append(("normal", x, stats.kstest(x, stats.norm(mu, sd).cdf)))
        x = rng.exponential(2.0, n)
        _, scale = stats.expon.fit(x, floc=0)
        out.append(("exponential", x, stats.kstest(x, stats.expon(scale=scale).cdf)))
        x = rng.gamma(1.7, 0.8, n)
        a, _, s = stats.gamma.fit(x, floc=0)
        out.append(("gamma", x, stats.kstest(x, stats.gamma(a, scale=s).cdf)))
    return [{"family": f, "data": x.tolist(), "statistic": float(r.statistic),
             "p_value": float(r.pvalue)} for f, x, r in out]


def kstwo():
    out = []
    for n in (1, 2, 3, 5, 10, 37, 100, 140, 141, 500, 1000, 4999, 10000, 20000, 150000):
        ds = [0.3 / n, 0.75 / n, 1.0 / n, 1.6 / n, 2.5 / n, 0.2, 0.45, 0.5, 0.6, 0.9,
              1 - 1.5 / n, 1 - 0.5 / n]
        ds += [(c / n) ** 0.5 for c in (0.3, 0.754, 0.9, 2.0, 2.3, 3.9, 4.2, 10, 17, 19,
                                        50, 200, 360, 380)]
        ds += [(1.3 / n) ** (2 / 3), (1.5 / n) ** (2 / 3)]
        for d in sorted(set(ds)):
            if 0 < d < 1:
                out.append([n, d, float(stats.kstwo.cdf(d, n)), float(stats.kstwo.sf(d, n))])
    return out


def main():
    doc = {"fit": fits(), "ks_2samp": ks2(), "ks_1samp": ks1(),
           "ks_2samp_asymp": ks2_asymp(), "ks_fit": ks_fit(), "kstwo": kstwo(),
           "kolmogorov_sf": [[t, float(stats.kstwobign.sf(t))]
                             for t in (0.2, 0.5, 0.8, 0.99, 1.0, 1.36, 2.0, 3.5, 6.0)]}
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "dist_fit_ks.json")
    with open(path, "w") as f:
        json.dump(doc, f)
        f.write("\n")


main()
