#!/usr/bin/python3
"""Writes tests/cli/mlm-dist-reference.cases and the data files under
tests/data/dist/ it reads: mlm-dist's output against scipy.stats (values at
points, describe, fits, ks_2samp). Run from the repository root:
    /usr/bin/python3 tests/reference/dist_cases.py
"""
import math
import os

import numpy as np
from scipy import stats

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.path.join(ROOT, "tests", "data", "dist")
rng = np.random.default_rng(7)
cases = []


def num(x):
    x = float(x)
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    if math.isnan(x):
        return "nan"
    return repr(x)


def case(name, command, expected, tol="1e-12", stdin=None):
    lines = ["### " + name, "$ " + command]
    lines += ["< " + s for s in (stdin or [])]
    lines += ["> " + s for s in expected]
    lines.append("~ " + tol)
    cases.append("\n".join(lines))


def write(name, values, header="x"):
    with open(os.path.join(DATA, name), "w") as f:
        f.write(header + "\n")
        for v in values:
            f.write(repr(float(v)) + "\n")


# Values at --at points, and at numbers on stdin.
points = [
    ("pdf", "normal:0,1", stats.norm(0, 1).pdf, [-1.5, 0, 1.96]),
    ("logpdf", "normal:0,1", stats.norm(0, 1).logpdf, [-40, 0, 30]),
    ("cdf", "normal:0,1", stats.norm(0, 1).cdf, [-37.5, 1.96]),
    ("sf", "normal:0,1", stats.norm(0, 1).sf, [8, 37.5]),
    ("quantile", "normal:0,1", stats.norm(0, 1).ppf, [1e-300, 0.025, 0.975]),
    ("pmf", "poisson:3.5", stats.poisson(3.5).pmf, [0, 2, 2.5, 30]),
    ("cdf", "binomial:10,0.3", stats.binom(10, 0.3).cdf, [-1, 3, 10]),
    ("sf", "binomial:1000,0.001", stats.binom(1000, 0.001).sf, [20]),
    ("quantile", "beta:2,5", stats.beta(2, 5).ppf, [0.01, 0.5, 0.99]),
    ("quantile", "gamma:2.5,1.5", stats.gamma(2.5, scale=1 / 1.5).ppf, [1e-10, 0.5, 0.999]),
    ("logpdf", "gamma:0.3,1", stats.gamma(0.3).logpdf, [1e-20, 600]),
    ("pdf", "exponential:2", stats.expon(scale=0.5).pdf, [-1, 0, 3]),
    ("cdf", "uniform:-2,3", stats.uniform(-2, 5).cdf, [-3, 0.5, 4]),
    ("pdf", "bernoulli:0.3", stats.bernoulli(0.3).pmf, [0, 1, 2]),
]
for fn, spec, f, xs in points:
    at = ",".join(repr(float(x)) if x != int(x) or abs(x) >= 1e16 else str(int(x)) for x in xs)
    case(f"{fn} {spec} at {at} matches scipy.stats", f"mlm-dist {fn} {spec} --at {at}",
         [f"x,{fn}"] + [f"{num(x)},{num(f(x))}" for x in xs])

case("cdf of the numbers on stdin", "mlm-dist cdf normal:1,2 --no-header",
     ["x,cdf"] + [f"{x},{num(stats.norm(1, 2).cdf(x))}" for x in (0.5, -3, 4)],
     stdin=["0.5", "-3", "4"])

case("categorical pmf is the normalized weight", "mlm-dist pmf categorical:1,3 --at 0,1,2",
     ["x,pmf", "0,0.25", "1,0.75", "2,0"])

# describe, against scipy's moments and entropy.
for spec, d in [("normal:2,3", stats.norm(2, 3)), ("poisson:4", stats.poisson(4)),
                ("beta:2,5", stats.beta(2, 5)), ("gamma:2.5,1.5", stats.gamma(2.5, scale=1 / 1.5))]:
    rows = [("mean", d.mean()), ("variance", d.var()), ("sd", d.std()), ("median", d.median())]
    mode = {"normal:2,3": 2.0, "poisson:4": 4.0, "beta:2,5": 0.2, "gamma:2.5,1.5": 1.0}[spec]
    rows.append(("mode", mode))
    rows.append(("entropy", d.entropy()))
    lo, hi = d.support()
    rows += [("support_min", lo), ("support_max", hi)]
    case(f"describe {spec} matches scipy.stats", f"mlm-dist describe {spec}",
         ["name,value"] + [f"{k},{num(v)}" for k, v in rows], tol="1e-10")

# fit against scipy's MLEs.
x = rng.normal(10, 2, 60)
write("normal.csv", x)
mu, sd = stats.norm.fit(x)
ll = stats.norm(mu, sd).logpdf(x).sum()
case("fit normal matches norm.fit", "mlm-dist fit normal dist/normal.csv",
     ["name,value", f"mu,{num(mu)}", f"sd,{num(sd)}", f"log_likelihood,{num(ll)}",
      f"aic,{num(4 - 2 * ll)}", f"bic,{num(2 * math.log(60) - 2 * ll)}", "n,60"], tol="1e-10")
x = rng.gamma(2.5, 0.7, 80)
write("gamma.csv", x)
a, _, s = stats.gamma.fit(x, floc=0)
case("fit gamma matches gamma.fit(floc=0)", "mlm-dist fit gamma dist/gamma.csv -t json | grep -E '\"(shape|rate)\"'",
     [f'    "rate": {num(1 / s)},', f'    "shape": {num(a)}'], tol="1e-8")
x = rng.beta(0.7, 2.0, 90)
write("beta.csv", x)
a, b, _, _ = stats.beta.fit(x, floc=0, fscale=1)
case("fit beta matches beta.fit(floc=0, fscale=1)", "mlm-dist fit beta dist/beta.csv | head -3",
     ["name,value", f"alpha,{num(a)}", f"beta,{num(b)}"], tol="1e-8")
x = rng.poisson(2.2, 100)
write("counts.csv", x, header="goals")
case("fit poisson: lambda is the mean", "mlm-dist fit poisson dist/counts.csv | head -2",
     ["name,value", f"lambda,{num(x.mean())}"])

# The two-sample test.
a = rng.normal(0, 1, 25)
b = rng.normal(0.8, 1, 35)
write("a.csv", a)
write("b.csv", b)
r = stats.ks_2samp(a, b)
case("test matches ks_2samp (exact)", "mlm-dist test dist/a.csv dist/b.csv",
     ["statistic,p_value", f"{num(r.statistic)},{num(r.pvalue)}"], tol="1e-10")

# fit --test: kstest against the fitted distribution, exact (kstwo.sf) as
# scipy's default; over 10,000 values ks_2samp's asymptotic mode, which is
# kstwo.sf(d, round(m n / (m + n))). The large samples keep 6 digits, so the
# files stay small (ties between them are fine: scipy sees the same numbers).
for family, file, dist in [
    ("normal", "normal.csv", lambda x: stats.norm(*stats.norm.fit(x))),
    ("gamma", "gamma.csv", lambda x: stats.gamma(stats.gamma.fit(x, floc=0)[0],
                                                 scale=stats.gamma.fit(x, floc=0)[2])),
]:
    x = np.loadtxt(os.path.join(DATA, file), skiprows=1)
    r = stats.kstest(x, dist(x).cdf)
    case("fit %s --test matches kstest (exact)" % family,
         "mlm-dist fit %s --test dist/%s | tail -2" % (family, file),
         ["ks_statistic," + num(r.statistic), "p_value," + num(r.pvalue)], tol="1e-10")
x = np.round(rng.exponential(1.5, 300), 6)
write("exponential.csv", x)
r = stats.kstest(x, stats.expon(scale=stats.expon.fit(x, floc=0)[1]).cdf)
case("fit exponential --test -t json says the method", "mlm-dist fit exponential --test dist/exponential.csv -t json | grep -E '\"(method|p_value)\"'",
     ['    "method": "exact",', '    "p_value": ' + num(r.pvalue) + ','], tol="1e-10")
a = np.array([float("%.6g" % v) for v in rng.normal(0, 1, 10001)])
b = np.array([float("%.6g" % v) for v in rng.normal(0.03, 1, 10003)])
write("large_a.csv", a)
write("large_b.csv", b)
r = stats.ks_2samp(a, b)
assert r.pvalue == stats.ks_2samp(a, b, method="asymp").pvalue
case("test over 10,000 values matches ks_2samp (asymp: kstwo at round(m n/(m+n)))",
     "mlm-dist test dist/large_a.csv dist/large_b.csv",
     ["statistic,p_value", num(r.statistic) + "," + num(r.pvalue)], tol="1e-10")
case("test over 10,000 values -t json says the method",
     "mlm-dist test dist/large_a.csv dist/large_b.csv -t json | grep method",
     ['  "method": "asymptotic",'])

with open(os.path.join(ROOT, "tests", "cli", "mlm-dist-reference.cases"), "w") as f:
    f.write("# Generated by tests/reference/dist_cases.py from scipy: do not edit.\n\n")
    f.write("\n\n".join(cases) + "\n")
