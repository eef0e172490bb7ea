#!/usr/bin/python3
"""Expected values for mlm-kl end to end, computed with scipy and numpy.

Writes the fixtures under tests/data/kl/ and the case table
tests/cli/mlm-kl-reference.cases. Run from the repository root:
    /usr/bin/python3 tests/reference/kl_cases.py
Gaussian values come from the textbook closed forms evaluated with numpy.
"""
import json
import math
import os

import numpy as np
import pandas as pd
from scipy.spatial.distance import jensenshannon
from scipy.stats import entropy

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.path.join(ROOT, "tests", "data")
os.makedirs(os.path.join(DATA, "kl"), exist_ok=True)
rng = np.random.default_rng(3)
cases = []


def case(name, command, expected, tol="1e-12", stderr=None, status=None, stdin=None):
    lines = [f"### {name}", f"$ {command}"]
    lines += [f"< {i}" for i in stdin or []]
    lines += [f"> {e}" for e in expected]
    if stderr:
        lines += [f"! {s}" for s in stderr]
    if status is not None:
        lines.append(f"? {status}")
    lines.append(f"~ {tol}")
    cases.append("\n".join(lines))


def num(x):
    x = float(x)
    if math.isinf(x):
        return "inf"
    return repr(x)


def write(path, df, header=True):
    df.to_csv(os.path.join(DATA, path), index=False, header=header)


def psi(p, q):
    p, q = np.asarray(p, float), np.asarray(q, float)
    p, q = p / p.sum(), q / q.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        t = np.where((p == 0) & (q == 0), 0.0, (p - q) * np.log(p / q))
    return float(np.sum(t)) if np.all(np.isfinite(t)) else math.inf


def xent(p, q, base=None):
    return entropy(p, base=base) + entropy(p, q, base=base)


# Two distributions, one column each; one file with both.
p = [0.1, 0.2, 0.3, 0.4]
q = [0.25, 0.25, 0.25, 0.25]
write("kl/p.csv", pd.DataFrame({"p": p}))
write("kl/q.csv", pd.DataFrame({"q": q}))
pq = pd.DataFrame({"name": ["a", "b", "c", "d"], "p": p, "q": q,
                   "q0": [0.5, 0.5, 0.0, 0.0], "p0": [0.0, 0.2, 0.3, 0.5]})
write("kl/pq.csv", pq)
case("kl: P Q files in bits match scipy.stats.entropy(p, q, base=2)", "mlm-kl kl/p.csv kl/q.csv",
     [num(entropy(p, q, base=2))])
case("kl: one file with -c p,q", "mlm-kl -c p,q kl/pq.csv", [num(entropy(p, q, base=2))])
case("kl: --nats is scipy's default base e", "mlm-kl --nats kl/p.csv kl/q.csv", [num(entropy(p, q))])
case("kl: --base 10", "mlm-kl --base 10 kl/p.csv kl/q.csv", [num(entropy(p, q, base=10))])
case("kl: reverse is KL(Q||P)", "mlm-kl --metric reverse kl/p.csv kl/q.csv", [num(entropy(q, p, base=2))])
case("kl: both directions side by side differ", "mlm-kl --metric both kl/p.csv kl/q.csv",
     ["kl_p_q,kl_q_p", f"{num(entropy(p, q, base=2))},{num(entropy(q, p, base=2))}"])
case("kl: js is the square of scipy's jensenshannon, base 2", "mlm-kl --metric js kl/p.csv kl/q.csv",
     [num(jensenshannon(p, q, base=2) ** 2)], tol="1e-11")
case("kl: js-distance is scipy's jensenshannon, base 2", "mlm-kl --metric js-distance kl/p.csv kl/q.csv",
     [num(jensenshannon(p, q, base=2))])
case("kl: js-distance in nats is scipy's default", "mlm-kl --metric js-distance --nats kl/p.csv kl/q.csv",
     [num(jensenshannon(p, q))])
case("kl: xent is H(P) + KL(P||Q)", "mlm-kl --metric xent --nats kl/p.csv kl/q.csv", [num(xent(p, q))])
case("kl: psi is in natural log whatever the base", "mlm-kl --metric psi --base 2 kl/p.csv kl/q.csv",
     [num(psi(p, q))])
case("kl: all prints one table", "mlm-kl --metric all kl/p.csv kl/q.csv",
     ["entropy_p,entropy_q,cross_entropy,kl_p_q,kl_q_p,js,psi",
      ",".join(num(v) for v in [entropy(p, base=2), entropy(q, base=2), xent(p, q, 2), entropy(p, q, base=2),
                                 entropy(q, p, base=2), jensenshannon(p, q, base=2) ** 2, psi(p, q)])],
     tol="1e-11")
case("kl: a zero in P counts as 0", "mlm-kl -c p0,q kl/pq.csv", [num(entropy(pq.p0, q, base=2))])
case("kl: a zero in Q where P > 0 is inf, and stderr names the outcome", "mlm-kl -c p,q0 --labels name kl/pq.csv",
     ["inf"], stderr=["KL(P||Q) is inf: outcome 'c' has P = 0.3 and Q = 0"])
case("kl: the same pair the other way round is finite", "mlm-kl --metric reverse -c p,q0 kl/pq.csv",
     [num(entropy(pq.q0, p, base=2))])
case("kl: --smooth adds eps to every outcome of both before normalizing", "mlm-kl -c p,q0 --smooth 0.01 kl/pq.csv",
     [num(entropy(np.array(p) + 0.01, pq.q0 + 0.01, base=2))])

# --explain: the terms are scipy's rel_entr in bits, printed with 6 digits.
from scipy.special import rel_entr
terms = rel_entr(np.array(p), np.array(q)) / math.log(2)
g6 = lambda x: "%.6g" % x
explain = ["KL(P||Q) = sum over x of P(x) log2(P(x)/Q(x))",
           "(a term with P(x) = 0 counts as 0; Q(x) = 0 where P(x) > 0 makes KL infinite)",
           ">",
           "  x              P(x)         Q(x)         P log2(P/Q)"]
for name, pi, qi, t_ in zip(pq.name, p, q, terms):
    explain.append(f"  {name:<14} {g6(pi):<12} {g6(qi):<12} {g6(t_)}")
explain.append(f"  {'sum':<40} {g6(entropy(p, q, base=2))}")
explain += [">", f"KL(P||Q) = {g6(entropy(p, q, base=2))} bits: the average extra surprise, in bits, of assuming Q",
            "when the world is P. Coding outcomes of P with a code built for Q costs that",
            "much more per outcome."]
case("kl: --explain shows each term P log(P/Q), the sum and what it means",
     "mlm-kl --explain --labels name -c p,q kl/pq.csv", [e if e != ">" else "" for e in explain])

# Unnormalized counts; one row of weights.
cp, cq = [10, 20, 30, 40, 7], [3, 7, 11, 13, 17]
write("kl/counts_p.csv", pd.DataFrame({"n": cp}))
write("kl/counts_q.csv", pd.DataFrame({"n": cq}))
case("kl: counts with --normalize are divided by their sum as scipy does", "mlm-kl --normalize kl/counts_p.csv kl/counts_q.csv",
     [num(entropy(cp, cq, base=2))])
write("kl/row_p.csv", pd.DataFrame([cp]), header=False)
write("kl/row_q.csv", pd.DataFrame([cq]), header=False)
case("kl: one row of weights per file", "mlm-kl --nats --normalize kl/row_p.csv kl/row_q.csv", [num(entropy(cp, cq))])

# Outcomes matched by name.
lp = pd.DataFrame({"outcome": ["cat", "dog", "bird"], "w": [5, 3, 2]})
lq = pd.DataFrame({"outcome": ["dog", "cat", "fish"], "w": [6, 3, 1]})
write("kl/labels_p.csv", lp)
write("kl/labels_q.csv", lq)
ap, aq = np.array([5, 3, 2, 0], float), np.array([3, 6, 0, 1], float)  # cat, dog, bird, fish
case("kl: --labels matches outcomes by name, a missing one weighs 0", "mlm-kl --labels outcome --normalize --metric js kl/labels_p.csv kl/labels_q.csv",
     [num(jensenshannon(ap, aq, base=2) ** 2)], tol="1e-11")
case("kl: --labels with smoothing", "mlm-kl --labels outcome --normalize --smooth 1 kl/labels_p.csv kl/labels_q.csv",
     [num(entropy(ap + 1, aq + 1, base=2))])

# Per-row: a teacher's and a student's class probabilities.
t = rng.dirichlet(np.ones(3), size=4)
s = rng.dirichlet(np.ones(3), size=4)
write("kl/teacher.csv", pd.DataFrame(t, columns=["cat", "dog", "bird"]))
write("kl/student.csv", pd.DataFrame(s, columns=["cat", "dog", "bird"]))
rows = [entropy(t[i], s[i], base=2) for i in range(4)]
case("kl: --rows gives one value per row", "mlm-kl --rows kl/teacher.csv kl/student.csv",
     ["kl"] + [num(v) for v in rows])
case("kl: --rows --mean averages them", "mlm-kl --rows --mean --nats kl/teacher.csv kl/student.csv",
     [num(np.mean([entropy(t[i], s[i]) for i in range(4)]))])

# Groups: one distribution per segment.
g = pd.DataFrame({"seg": ["x", "x", "y", "y", "y"], "p": [1, 3, 2, 2, 4], "q": [2, 2, 1, 5, 2]})
write("kl/groups.csv", g)
case("kl: -g prints one value per group", "mlm-kl -c p,q -g seg --normalize kl/groups.csv",
     ["seg,kl", f"x,{num(entropy([1, 3], [2, 2], base=2))}", f"y,{num(entropy([2, 2, 4], [1, 5, 2], base=2))}"])

# Samples: numbers binned, categories counted.
a = np.round(rng.normal(0.0, 1.0, 60), 3)
b = np.round(rng.normal(0.4, 1.3, 50), 3)
write("kl/sample_a.csv", pd.DataFrame({"x": a}))
write("kl/sample_b.csv", pd.DataFrame({"x": b}))
edges = np.unique(np.quantile(a, np.linspace(0, 1, 5)))
ca = np.histogram(a, edges)[0]
cb = np.histogram(np.clip(b, edges[0], edges[-1]), edges)[0]
case("samples: quantile bins from A, open at both ends, as the PSI convention",
     "mlm-kl samples --quantile-bins 4 --metric psi kl/sample_a.csv kl/sample_b.csv", [num(psi(ca, cb))])
case("samples: the same bins, KL in bits", "mlm-kl samples --quantile-bins 4 kl/sample_a.csv kl/sample_b.csv",
     [num(entropy(ca, cb, base=2))])
fd = np.histogram_bin_edges(np.concatenate([a, b]), "fd")
fa, fb = np.histogram(a, fd)[0], np.histogram(b, fd)[0]
case("samples: auto bins are numpy's 'fd' on the pooled data; JS stays finite",
     "mlm-kl samples --metric js kl/sample_a.csv kl/sample_b.csv", [num(jensenshannon(fa, fb, base=2) ** 2)],
     tol="1e-11")
ea = np.histogram(a, 5, range=(-1, 1))[0]
eb = np.histogram(b, 5, range=(-1, 1))[0]
case("samples: --bins 5 --range -1,1 with smoothing; values outside are not counted",
     "mlm-kl samples --bins 5 --range -1,1 --smooth 0.5 kl/sample_a.csv kl/sample_b.csv",
     [num(entropy(ea + 0.5, eb + 0.5, base=2))],
     stderr=[f"{int(np.sum((a < -1) | (a > 1)))} values of kl/sample_a.csv fall outside the --range bins"])
half_a, half_b = len(a) // 2, len(b) // 2
write("kl/sample_a1.csv", pd.DataFrame({"x": a[:half_a]}))
write("kl/sample_a2.csv", pd.DataFrame({"x": a[half_a:]}))
write("kl/sample_b1.csv", pd.DataFrame({"x": b[:half_b]}))
write("kl/sample_b2.csv", pd.DataFrame({"x": b[half_b:]}))
case("samples: --partial on two shards and merge give the result of one pass",
     "mlm-kl samples --bins 5 --range -1,1 --partial -q kl/sample_a1.csv kl/sample_b1.csv > $TMP/1.json\n"
     "$ mlm-kl samples --bins 5 --range -1,1 --partial -q kl/sample_a2.csv kl/sample_b2.csv > $TMP/2.json\n"
     "$ mlm-kl merge -q --smooth 0.5 $TMP/1.json $TMP/2.json",
     [num(entropy(ea + 0.5, eb + 0.5, base=2))])
colors_a = rng.choice(["red", "green", "blue"], size=40, p=[0.5, 0.3, 0.2])
colors_b = rng.choice(["red", "green", "blue", "black"], size=30, p=[0.3, 0.3, 0.3, 0.1])
write("kl/colors_a.csv", pd.DataFrame({"color": colors_a}))
write("kl/colors_b.csv", pd.DataFrame({"color": colors_b}))
va = pd.Series(colors_a).value_counts()
vb = pd.Series(colors_b).value_counts()
names = list(dict.fromkeys(list(colors_a) + list(colors_b)))
ka = np.array([va.get(n, 0) for n in names], float)
kb = np.array([vb.get(n, 0) for n in names], float)
case("samples: categories are outcomes, matched by value", "mlm-kl samples --header kl/colors_a.csv kl/colors_b.csv",
     [num(entropy(ka, kb, base=2))])
case("samples: a category missing from A makes KL(B||A) infinite", "mlm-kl samples --header --metric reverse kl/colors_a.csv kl/colors_b.csv",
     ["inf"], stderr=["KL(Q||P) is inf: outcome 'black' has P = 0"])
case("samples: JS stays finite with a category on one side only",
     "mlm-kl samples --header --metric js kl/colors_a.csv kl/colors_b.csv", [num(jensenshannon(ka, kb, base=2) ** 2)],
     tol="1e-11")
ints_a = rng.integers(0, 4, size=30)
ints_b = rng.integers(0, 4, size=30)
write("kl/ints.csv", pd.DataFrame({"a": ints_a, "b": ints_b}))
ia = pd.Series(ints_a.astype(str)).value_counts()
ib = pd.Series(ints_b.astype(str)).value_counts()
inames = list(dict.fromkeys(list(ints_a.astype(str)) + list(ints_b.astype(str))))
case("samples: --categorical counts integer codes as outcomes; -c a,b reads one file",
     "mlm-kl samples --categorical -c a,b --smooth 1 kl/ints.csv",
     [num(entropy(np.array([ia.get(n, 0) for n in inames], float) + 1,
                  np.array([ib.get(n, 0) for n in inames], float) + 1, base=2))])

# Samples per segment (-g): one figure per group, groups in order of first appearance.
seg_a = pd.DataFrame({"seg": rng.choice(["north", "south"], size=40), "color": rng.choice(["red", "green", "blue"], size=40)})
seg_b = pd.DataFrame({"seg": rng.choice(["north", "south"], size=30), "color": rng.choice(["red", "green", "blue"], size=30)})
write("kl/seg_a.csv", seg_a)
write("kl/seg_b.csv", seg_b)
lines = ["seg,js"]
for name in dict.fromkeys(seg_a.seg):
    xa = list(seg_a.color[seg_a.seg == name])
    xb = list(seg_b.color[seg_b.seg == name])
    outcomes = list(dict.fromkeys(xa + xb))
    wa = [xa.count(o) for o in outcomes]
    wb = [xb.count(o) for o in outcomes]
    lines.append(f"{name},{num(jensenshannon(wa, wb, base=2) ** 2)}")
case("samples: -g gives one drift figure per segment", "mlm-kl samples --header -c color -g seg --metric js kl/seg_a.csv kl/seg_b.csv",
     lines, tol="1e-11")
case("samples: counts of categories per segment merge from partials",
     "mlm-kl samples --header -c color -g seg --partial kl/seg_a.csv kl/seg_b.csv > $TMP/seg.json\n"
     "$ mlm-kl merge --metric js $TMP/seg.json", lines, tol="1e-11")

# Gaussians: textbook closed forms.
def kl_uni(mp, sp, mq, sq):
    return math.log(sq / sp) + (sp ** 2 + (mp - mq) ** 2) / (2 * sq ** 2) - 0.5


case("gauss: univariate closed form in nats", "mlm-kl gauss --p-mean 0 --p-sd 1 --q-mean 1 --q-sd 2 --nats",
     [num(kl_uni(0, 1, 1, 2))])
case("gauss: both directions in bits", "mlm-kl gauss --p-mean 0.5 --p-sd 0.3 --q-mean -1 --q-sd 1.5 --metric both",
     ["kl_p_q,kl_q_p", f"{num(kl_uni(0.5, 0.3, -1, 1.5) / math.log(2))},{num(kl_uni(-1, 1.5, 0.5, 0.3) / math.log(2))}"])


def spd(k):
    m = rng.normal(size=(k, k))
    c = m @ m.T + 0.5 * np.eye(k)
    return (c + c.T) / 2


def kl_mv(mp, cp, mq, cq):
    inv = np.linalg.inv(cq)
    d = mq - mp
    return 0.5 * (np.trace(inv @ cp) + d @ inv @ d - len(mp) + np.log(np.linalg.det(cq) / np.linalg.det(cp)))


mp, mq = rng.normal(size=3), rng.normal(size=3)
cp3, cq3 = spd(3), spd(3)
for name, m, c in [("gp.json", mp, cp3), ("gq.json", mq, cq3)]:
    with open(os.path.join(DATA, "kl", name), "w") as f:
        json.dump({"mean": [float(x) for x in m], "cov": [[float(x) for x in r] for r in c]}, f)
        f.write("\n")
case("gauss: a 3-dimensional pair from JSON files", "mlm-kl gauss --p kl/gp.json --q kl/gq.json --nats",
     [num(kl_mv(mp, cp3, mq, cq3))])
case("gauss: reverse direction in bits", "mlm-kl gauss --p kl/gp.json --q kl/gq.json --metric reverse",
     [num(kl_mv(mq, cq3, mp, cp3) / math.log(2))])
mu = np.round(rng.normal(size=(3, 2)), 4)
lv = np.round(rng.normal(size=(3, 2)), 4)
write("kl/vae.csv", pd.DataFrame(np.hstack([mu, lv]), columns=["mu1", "mu2", "logvar1", "logvar2"]))
vae = [-0.5 * np.sum(1 + lv[i] - mu[i] ** 2 - np.exp(lv[i])) for i in range(3)]
case("gauss: --vae per row, in nats as VAE losses are", "mlm-kl gauss --vae kl/vae.csv", ["kl"] + [num(v) for v in vae])
case("gauss: --vae --mean", "mlm-kl gauss --vae --mean kl/vae.csv", [num(np.mean(vae))])

# Weights must sum to 1 unless --normalize (CONTRACT.md section 3); written
# after every rng draw above, so that the fixtures above stay the same.
HINT = "'mlm-kl samples' reads raw observations, --normalize divides by the sum"
ex = os.path.join(ROOT, "examples", "data")
train = pd.read_csv(os.path.join(ex, "scores_train.csv")).score
broken = pd.read_csv(os.path.join(ex, "scores_broken.csv")).score
case("kl: raw scores given as weights (samples forgotten) fail the drift gate with their sum",
     "mlm-kl --metric psi --fail-above 0.25 ../../examples/data/scores_train.csv ../../examples/data/scores_broken.csv",
     [], stderr=[f"mlm-kl: ../../examples/data/scores_train.csv: weights sum to {train.sum():.7g}, not 1: {HINT}"],
     status=3)
case("kl: counts without --normalize are refused with their sum", "mlm-kl kl/counts_p.csv kl/counts_q.csv",
     [], stderr=[f"mlm-kl: kl/counts_p.csv: weights sum to {sum(cp):.7g}, not 1: {HINT}"], status=3)
case("kl: a sum within 1e-6 of 1 is accepted and renormalized", "mlm-kl -c p,q",
     [num(entropy([0.4, 0.6 + 8e-7], [0.5, 0.5], base=2))], stdin=["p,q", "0.4,0.5", f"{0.6 + 8e-7!r},0.5"])
case("kl: --labels checks the sum of each side", "mlm-kl --labels outcome kl/labels_p.csv kl/labels_q.csv",
     [], stderr=[f"mlm-kl: kl/labels_p.csv: weights sum to {lp.w.sum():.7g}, not 1: {HINT}"], status=3)
case("kl: -g checks the sum of each group and names it", "mlm-kl -c p,q -g seg kl/groups.csv",
     [], stderr=[f"mlm-kl: p: seg = x: weights sum to {g.p[g.seg == 'x'].sum():.7g}, not 1: {HINT}"], status=3)
case("kl: --rows refuses a row that does not sum to 1, at its line", "mlm-kl --rows - kl/student_short.csv",
     [], stdin=["cat,dog,bird", "0.5,0.3,0.3"],
     stderr=[f"mlm-kl: -:2: weights sum to {0.5 + 0.3 + 0.3:.7g}, not 1: {HINT}"], status=3)
ss = pd.read_csv(os.path.join(DATA, "kl", "student_short.csv")).to_numpy()[0]
case("kl: --rows --normalize divides each row by its sum", "mlm-kl --rows --normalize --nats - kl/student_short.csv",
     ["kl", num(entropy([0.5, 0.3, 0.3], ss))], stdin=["cat,dog,bird", "0.5,0.3,0.3"])
rows_p = [[0.5, 0.5], [1.0, 0.0]]
rows_q = [[0.5, 0.5], [0.0, 1.0]]
with open(os.path.join(DATA, "kl", "rows_inf_p.csv"), "w") as f:
    f.write("a,b\n" + "".join(f"{a},{b}\n" for a, b in rows_p))
with open(os.path.join(DATA, "kl", "rows_inf_q.csv"), "w") as f:
    f.write("a,b\n" + "".join(f"{a},{b}\n" for a, b in rows_q))
case("kl: --rows --mean with one infinite row is inf, as numpy's mean (not nan)",
     "mlm-kl --rows --mean kl/rows_inf_p.csv kl/rows_inf_q.csv",
     [num(np.mean([entropy(p_, q_, base=2) for p_, q_ in zip(rows_p, rows_q)]))],
     stderr=["row 2: KL(P||Q) is inf"])

# --explain of every form against its whole text (CONTRACT.md section 7): the
# numbers from scipy and numpy, the layout of tools/kl/explain.cpp and gauss.cpp.
KL_TEXT = {
    "bits": ["KL(P||Q) = {v} bits: the average extra surprise, in bits, of assuming Q",
             "when the world is P. Coding outcomes of P with a code built for Q costs that",
             "much more per outcome."],
}


def kl_walk(title, names, pn, qn, base, notes=(), name_width=None):
    lg, unit = ("log2", "bits") if base == 2 else ("ln", "nats")
    width = name_width or min(max([14] + [len(n) for n in names]), 80 - (2 + 13 + 13 + 17) - 1)
    cut = lambda n: n if len(n) <= width else n[:width - 3] + "..."
    out = [title, ""] if title else []
    out += [f"KL(P||Q) = sum over x of P(x) {lg}(P(x)/Q(x))",
            "(a term with P(x) = 0 counts as 0; Q(x) = 0 where P(x) > 0 makes KL infinite)"]
    out += list(notes) + [""]
    out.append(("  " + "x".ljust(width) + " " + "P(x)".ljust(12) + " " + "Q(x)".ljust(12) + " "
                + f"P {lg}(P/Q)").rstrip())
    terms = rel_entr(np.array(pn), np.array(qn)) / math.log(base)
    for nm, a_, b_, t_ in zip(names, pn, qn, terms):
        out.append(("  " + cut(nm).ljust(width) + " " + g6(a_).ljust(12) + " " + g6(b_).ljust(12) + " "
                    + g6(t_)).rstrip())
    v = entropy(pn, qn, base=base)
    out += ["  " + "sum".ljust(width + 26) + " " + g6(v), ""]
    out += [f"KL(P||Q) = {g6(v)} {unit}: the average extra surprise, in {unit}, of assuming Q",
            "when the world is P. Coding outcomes of P with a code built for Q costs that",
            "much more per outcome."]
    return out


rows_text = []
for i in range(3):
    rows_text += kl_walk(f"Row {i + 1}", ["cat", "dog", "bird"], t[i] / t[i].sum(), s[i] / s[i].sum(), math.e) + [""]
rows_text += ["... and 1 more row.", "",
              f"--mean over the 4 rows: kl = {num(np.mean([entropy(t[i], s[i]) for i in range(4)]))}"]
case("explain: --rows walks through the first rows and --mean gives the mean",
     "mlm-kl --rows --mean --nats --explain kl/teacher.csv kl/student.csv", [e for e in rows_text])
explain_samples = kl_walk("", names, ka / ka.sum(), kb / kb.sum(), 2,
                          ["P and Q are the counts of A and B per outcome, each divided by its total."])
case("explain: samples, counted categories", "mlm-kl samples --header --explain kl/colors_a.csv kl/colors_b.csv",
     explain_samples)
long_p = pd.DataFrame({"name": ["an_outcome_name_far_too_long_for_any_column_of_numbers", "b"], "w": [0.75, 0.25]})
long_q = pd.DataFrame({"name": ["an_outcome_name_far_too_long_for_any_column_of_numbers", "b"], "w": [0.5, 0.5]})
write("kl/long_p.csv", long_p)
write("kl/long_q.csv", long_q)
case("explain: a long outcome name is cut so that the numbers stay within 80 columns",
     "mlm-kl --labels name --explain kl/long_p.csv kl/long_q.csv",
     kl_walk("", list(long_p.name), long_p.w.to_numpy(), long_q.w.to_numpy(), 2))
case("explain: --normalize and --smooth say what they did",
     "mlm-kl --normalize --smooth 1 --explain kl/counts_p.csv kl/counts_q.csv",
     kl_walk("", ["1", "2", "3", "4", "5"], (np.array(cp) + 1) / (sum(cp) + 5), (np.array(cq) + 1) / (sum(cq) + 5), 2,
             ["P and Q are the weights, each side divided by its sum (--normalize).",
              "--smooth 1 was added to every outcome of both sides before dividing."]))
kf, kb_ = kl_uni(0, 1, 1, 2), kl_uni(1, 2, 0, 1)
case("explain: gauss, the closed form with the numbers in it",
     "mlm-kl gauss --p-mean 0 --p-sd 1 --q-mean 1 --q-sd 2 --metric both --explain",
     ["KL(N(mp, sp^2) || N(mq, sq^2))",
      "  = ln(sq/sp) + (sp^2 + (mp - mq)^2) / (2 sq^2) - 1/2",
      "  = ln(2/1) + (1^2 + (0 - 1)^2) / (2 * 2^2) - 1/2",
      f"  = {g6(kf)} nats = {g6(kf / math.log(2))} bits",
      f"KL(Q||P) = {g6(kb_ / math.log(2))} bits", "",
      "The average extra surprise of assuming Q when the data come from P: a Q that is",
      "too narrow is punished much more than one that is too wide, which is why",
      "KL(P||Q) != KL(Q||P)."])
vae_terms = [0.5 * (mu[0][j] ** 2 + math.expm1(lv[0][j]) - lv[0][j]) for j in range(2)]
case("explain: gauss --vae walks through the first row and --mean gives the mean",
     "mlm-kl gauss --vae --mean --explain kl/vae.csv",
     ["VAE regularizer: KL(N(mu, exp(logvar)) || N(0, I))",
      "  = 1/2 sum over j of (mu_j^2 + exp(logvar_j) - 1 - logvar_j)", "", "Row 1:",
      "  j   mu          logvar      term"]
     + [f"  {j + 1:<4}{g6(mu[0][j]):<12}{g6(lv[0][j]):<12}{g6(vae_terms[j])}" for j in range(2)]
     + [f"  sum {g6(vae[0])} nats", "",
        "It is 0 when the encoder outputs mu = 0 and logvar = 0 (the prior itself), and",
        "grows as the code for an input moves away from the prior or narrows: the price,",
        "in nats, of describing the input's code instead of drawing it from N(0, I).", "",
        "... and 2 more rows.", "", f"--mean: the mean over the 3 rows is {num(np.mean(vae))} nats."])

with open(os.path.join(ROOT, "tests", "cli", "mlm-kl-reference.cases"), "w") as f:
    f.write("# Generated by tests/reference/kl_cases.py from scipy and numpy: do not edit.\n\n")
    f.write("\n\n".join(cases) + "\n")
