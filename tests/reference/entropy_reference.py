#!/usr/bin/python3
"""Expected values for mlm-entropy, computed with scipy and scikit-learn.

Writes the fixtures under tests/data/entropy/ and the case table
tests/cli/mlm-entropy-reference.cases. Run from the repository root:
    /usr/bin/python3 tests/reference/entropy_reference.py
"""
import math
import os

import numpy as np
import pandas as pd
from scipy.stats import entropy
from sklearn.metrics import log_loss, mutual_info_score, normalized_mutual_info_score

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.path.join(ROOT, "tests", "data")
rng = np.random.default_rng(20261124)
cases = []


def case(name, command, expected, tol="1e-12", stdin=None, stderr=None, status=None):
    lines = [f"### {name}", f"$ {command}"]
    lines += [f"< {i}" for i in stdin or []]
    lines += [f"> {e}" for e in expected]
    lines += [f"! {e}" for e in stderr or []]
    if status is not None:
        lines.append(f"? {status}")
    lines.append(f"~ {tol}")
    cases.append("\n".join(lines))


def num(x):
    return repr(float(x))


def write(path, df):
    df.to_csv(os.path.join(DATA, path), index=False)


# Distributions of weights, one per column.
weights = pd.DataFrame({
    "p": [0.5, 0.25, 0.25, 0.0],
    "counts": [10, 3, 7, 0],
    "uniform": [1, 1, 1, 1],
    "skewed": [0.99, 0.01, 0.0, 0.0],
})
write("entropy/weights.csv", weights)
case("weights: p in bits matches scipy", "mlm-entropy -c p entropy/weights.csv",
     [num(entropy(weights.p, base=2))])
case("weights: counts with --normalize are divided by their sum as scipy does (nats)",
     "mlm-entropy -c counts --normalize --nats entropy/weights.csv", [num(entropy(weights.counts))])
case("weights: base 10", "mlm-entropy -c counts --normalize --base 10 entropy/weights.csv",
     [num(entropy(weights.counts, base=10))])
case("weights: [1,1,1,1] is 2 bits with --normalize", "mlm-entropy -c uniform --normalize entropy/weights.csv",
     [num(entropy(weights.uniform, base=2))])
case("weights: a 99% coin is 0.08 bits", "mlm-entropy -c skewed entropy/weights.csv",
     [num(entropy(weights.skewed, base=2))])
case("weights: several columns print column,entropy", "mlm-entropy --normalize entropy/weights.csv",
     ["column,entropy"] + [f"{c},{num(entropy(weights[c], base=2))}" for c in weights.columns])
case("weights: perplexity is 2^H", "mlm-entropy -c counts --normalize --perplexity entropy/weights.csv",
     [num(2 ** entropy(weights.counts, base=2))], tol="1e-12")

# A classifier's probability outputs: one distribution per row.
probs = rng.dirichlet([1, 1, 1], size=6)
write("entropy/probs.csv", pd.DataFrame(probs, columns=["a", "b", "c"]))
case("rows: one entropy per row", "mlm-entropy --rows entropy/probs.csv",
     ["entropy"] + [num(entropy(r, base=2)) for r in probs])

# Labels: iris species, and a synthetic table with groups.
iris = pd.read_csv(os.path.join(ROOT, "examples", "data", "iris.csv"))
vc = iris.species.value_counts()
case("values: iris species is log2(3) bits", "mlm-entropy values -c species ../../examples/data/iris.csv",
     [num(entropy(vc, base=2))])
n = 200
labels = pd.DataFrame({
    "day": rng.choice(["mon", "tue", "wed"], size=n, p=[0.5, 0.3, 0.2]),
    "label": rng.choice(["cat", "dog", "bird", "fish"], size=n, p=[0.4, 0.3, 0.2, 0.1]),
})
labels["noisy"] = np.where(rng.random(n) < 0.7, labels.label, rng.choice(["cat", "dog", "bird", "fish"], size=n))
labels["x"] = np.round(rng.normal(size=n) + (labels.label == "cat") * 1.5, 3)
write("entropy/labels.csv", labels)
case("values: label entropy in nats", "mlm-entropy values -c label --nats entropy/labels.csv",
     [num(entropy(labels.label.value_counts()))])
joint = labels.groupby(["label", "day"]).size()
case("values: two columns give the joint entropy", "mlm-entropy values -c label,day entropy/labels.csv",
     [num(entropy(joint, base=2))])
grouped = ["day,entropy"]
for day in pd.unique(labels.day):  # order of first appearance
    grouped.append(f"{day},{num(entropy(labels[labels.day == day].label.value_counts(), base=2))}")
case("values: -g day gives one entropy per day, in order of appearance",
     "mlm-entropy values -c label -g day entropy/labels.csv", grouped)
h_ab = entropy(labels.groupby(["label", "noisy"]).size(), base=2)
h_b = entropy(labels.noisy.value_counts(), base=2)
case("cond: H(label|noisy) = H(label,noisy) - H(noisy)",
     "mlm-entropy cond -c label --given noisy entropy/labels.csv", [num(h_ab - h_b)], tol="1e-12")
case("mi: matches scikit-learn's mutual_info_score (nats)",
     "mlm-entropy mi -c label,noisy --nats entropy/labels.csv", [num(mutual_info_score(labels.label, labels.noisy))])
case("mi: base 2 is the nats value over ln 2", "mlm-entropy mi -c label,noisy entropy/labels.csv",
     [num(mutual_info_score(labels.label, labels.noisy) / math.log(2))])
case("mi: --normalized matches normalized_mutual_info_score",
     "mlm-entropy mi -c label,noisy --normalized entropy/labels.csv",
     [num(normalized_mutual_info_score(labels.label, labels.noisy))])
case("mi: iris species with itself has NMI 1",
     "mlm-entropy mi -c species,species --normalized ../../examples/data/iris.csv",
     [num(normalized_mutual_info_score(iris.species, iris.species))])


# Information gain, by the definition, with numpy.
def h2(values):
    _, counts = np.unique(values, return_counts=True)
    return entropy(counts, base=2)


def categorical_gain(t, f):
    return h2(t) - sum((f == v).mean() * h2(t[f == v]) for v in np.unique(f))


def numeric_gain(t, x):
    xs = np.unique(x)
    best, best_thr = -1, None
    for lo, hi in zip(xs[:-1], xs[1:]):
        thr = lo + (hi - lo) / 2
        left = x <= thr
        g = h2(t) - left.mean() * h2(t[left]) - (~left).mean() * h2(t[~left])
        if g > best + 1e-15:
            best, best_thr = g, thr
    return best, best_thr


t = labels.label.to_numpy()
rows = [("noisy", categorical_gain(t, labels.noisy.to_numpy()), None),
        ("day", categorical_gain(t, labels.day.to_numpy()), None)]
g, thr = numeric_gain(t, labels.x.to_numpy())
rows.append(("x", g, thr))
rows.sort(key=lambda r: -r[1])
case("gain: features sorted by gain, numeric threshold at a midpoint",
     "mlm-entropy gain --target label entropy/labels.csv",
     ["feature,gain,threshold"] + [f"{f},{num(v)},{'' if th is None else num(th)}" for f, v, th in rows], tol="1e-12")
it = iris.species.to_numpy()
rows = []
for col in ["sepal_length", "sepal_width", "petal_length", "petal_width"]:
    g, thr = numeric_gain(it, iris[col].to_numpy())
    rows.append((col, g, thr))
rows.sort(key=lambda r: -r[1])
case("gain: iris species by each measurement",
     "mlm-entropy gain --target species ../../examples/data/iris.csv",
     ["feature,gain,threshold"] + [f"{f},{num(v)},{num(th)}" for f, v, th in rows], tol="1e-12")

# Log loss.
m = 50
y = rng.integers(0, 2, size=m)
p = np.clip(rng.beta(2, 2, size=m) * 0.5 + y * 0.4, 0, 1)
p[0] = 1.0 if y[0] == 0 else 0.0  # a confident mistake: clipped at eps
write("entropy/binary.csv", pd.DataFrame({"y": y, "p": p}))
case("xent: binary log loss matches scikit-learn (eps 1e-15)",
     "mlm-entropy xent --target y -c p entropy/binary.csv", [num(log_loss(y, p, eps=1e-15))], tol="1e-12")
classes = np.array(["ant", "bee", "cow"])
ym = rng.choice(classes, size=m)
pm = rng.dirichlet([1, 1, 1], size=m)
write("entropy/multi.csv", pd.DataFrame({"y": ym, "bee": pm[:, 1], "ant": pm[:, 0], "cow": pm[:, 2]}))
case("xent: multi-class columns matched to classes by name",
     "mlm-entropy xent --target y -c bee,ant,cow entropy/multi.csv",
     [num(log_loss(ym, pm, eps=1e-15, labels=classes))], tol="1e-12")
yi = rng.integers(0, 3, size=m)
write("entropy/multi_pos.csv", pd.DataFrame({"y": yi, "p0": pm[:, 0], "p1": pm[:, 1], "p2": pm[:, 2]}))
case("xent: multi-class by position against the sorted classes",
     "mlm-entropy xent --target y -c p0,p1,p2 entropy/multi_pos.csv", [num(log_loss(yi, pm, eps=1e-15))],
     tol="1e-12")
per_row = [log_loss([yy], [pi], eps=1e-15, labels=[0, 1]) for yy, pi in zip(y[:3], p[:3])]
write("entropy/binary3.csv", pd.DataFrame({"y": y[:3], "p": p[:3]}))
case("xent: --per-row prints each row's loss", "mlm-entropy xent --target y -c p --per-row entropy/binary3.csv",
     ["log_loss"] + [num(v) for v in per_row], tol="1e-12")

# Bytes.
blob = bytes(rng.integers(0, 16, size=4096).astype(np.uint8)) + b"hello, world\n" * 10
with open(os.path.join(DATA, "entropy", "blob.bin"), "wb") as f:
    f.write(blob)
case("bytes: bits per byte of a file", "mlm-entropy bytes entropy/blob.bin",
     [num(entropy(np.bincount(np.frombuffer(blob, dtype=np.uint8), minlength=256), base=2))])

# Weights must sum to 1 unless --normalize (CONTRACT.md section 3). Written
# after every rng draw above, so that the fixtures above stay the same.
HINT = "'mlm-entropy values' reads raw observations, --normalize divides by the sum"
labels122 = ["1", "2", "2"]
case("weights: labels read as weights are refused with their sum, not their entropy (1.52)",
     "mlm-entropy -c label", [], stdin=["label"] + labels122,
     stderr=[f"mlm-entropy: column 'label': weights sum to {sum(map(float, labels122)):.7g}, not 1: {HINT}"],
     status=3)
case("weights: the labels 1,2,2 as values are 0.918 bits",
     "mlm-entropy values -c label", [num(entropy(pd.Series(labels122).value_counts(), base=2))],
     stdin=["label"] + labels122)
case("weights: --normalize is scipy's entropy(counts)",
     "mlm-entropy -c label --normalize", [num(entropy([1, 2, 2], base=2))], stdin=["label"] + labels122)
near = [0.25, 0.75 + 9e-7]
case("weights: a sum within 1e-6 of 1 is accepted and renormalized",
     "mlm-entropy --no-header", [num(entropy(near, base=2))], stdin=[repr(x) for x in near])
off = [0.25, 0.75 + 2e-6]
case("weights: a sum 2e-6 from 1 is refused",
     "mlm-entropy --no-header", [], stdin=[repr(x) for x in off],
     stderr=[f"mlm-entropy: column '1': weights sum to {sum(off):.7g}, not 1: {HINT}"], status=3)
rows_off = [[0.5, 0.5], [0.5, 0.6]]
case("rows: a row that does not sum to 1 is refused at its line",
     "mlm-entropy --rows --no-header", [], stdin=[f"{a},{b}" for a, b in rows_off],
     stderr=[f"mlm-entropy: -:2: weights sum to {sum(rows_off[1]):.7g}, not 1: {HINT}"], status=3)
case("rows: --normalize divides each row by its sum",
     "mlm-entropy --rows --normalize --no-header", ["entropy"] + [num(entropy(r, base=2)) for r in rows_off],
     stdin=[f"{a},{b}" for a, b in rows_off])
xrows = [("a", 0.7, 0.2), ("b", 0.3, 0.6)]
case("xent: class probabilities that do not sum to 1 are refused at their line",
     "mlm-entropy xent --target y -c a,b", [], stdin=["y,a,b"] + [f"{y},{a},{b}" for y, a, b in xrows],
     stderr=["mlm-entropy: -:2: class probabilities sum to 0.9, not 1: -c names every class's column, "
             "--normalize divides by the sum"], status=3)
case("xent: --normalize divides each row by its sum, as scikit-learn 1.2 does",
     "mlm-entropy xent --target y -c a,b --normalize",
     [num(log_loss([y for y, _, _ in xrows], [[a, b] for _, a, b in xrows], labels=["a", "b"]))],
     stdin=["y,a,b"] + [f"{y},{a},{b}" for y, a, b in xrows])
infrow = [("a", 0.0, 1.0), ("b", 0.5, 0.5)]
case("xent: --eps 0 with a true class at probability 0 is inf, as scikit-learn (not nan)",
     "mlm-entropy xent --target y -c a,b --eps 0",
     [num(log_loss([y for y, _, _ in infrow], [[a, b] for _, a, b in infrow], eps=0, labels=["a", "b"]))],
     stdin=["y,a,b"] + [f"{y},{a},{b}" for y, a, b in infrow])

# --explain, checked against its whole text (CONTRACT.md section 7): the
# numbers from scipy and scikit-learn, the layout of tools/entropy/explain.cpp,
# every line within 80 columns (wrapped as lib/cli/explain_text.cpp does).
def g6(x):
    return "%.6g" % x


def wrap_line(line, width=80):
    indent = len(line) - len(line.lstrip(" "))
    out, prefix, first = [], "", True
    while len(prefix) + len(line) > width and len(prefix) + 10 <= width:
        room = width - len(prefix)
        cut = line.rfind(" ", 0, room + 1)
        if cut == -1 or cut <= (indent if first else 0):
            cut = line.find(" ", room)
            if cut == -1:
                break
        out.append(prefix + line[:cut].rstrip(" "))
        line = line[cut:].lstrip(" ")
        if first:
            prefix = " " * (indent + 2)
        first = False
    return out + [prefix + line]


def explain_case(name, command, lines, stdin=None):
    text = [w for line in lines for w in wrap_line(line)]
    assert all(len(t) <= 80 for t in text), name
    case(name, command, text, stdin=stdin)


ANALOGY = ["Entropy is the average surprise of one outcome: the number of yes/no questions",
           "you need, on average, to learn it. A fair coin has 1 bit; a coin that lands",
           "heads 99% of the time has only 0.08 bits, because you can almost always guess."]


def entropy_walk(title, names, probs, outcomes, base, notes):
    lg = {2: "log2", math.e: "ln", 10: "log10"}[base]
    unit = {2: "bits", math.e: "nats", 10: "hartleys"}[base]
    h = entropy(probs, base=base)
    width = min(max([14] + [len(n) for n in names]), 30)
    cell = lambda n: (n if len(n) <= width else n[:width - 3] + "...").ljust(width + 2)
    out = [title, ""] if title else []
    out += [f"Shannon entropy  H(X) = -sum over x of p(x) {lg} p(x)   (0 log 0 counts as 0)", "",
            "  " + cell("x") + "p(x)".ljust(14) + f"-p(x) {lg} p(x)"]
    for n, p_ in zip(names, probs):
        term = -p_ * math.log(p_, base) if p_ > 0 else 0.0
        out.append("  " + cell(n) + g6(p_).ljust(14) + g6(term))
    if outcomes > len(probs):
        out.append(f"  ... and {outcomes - len(probs)} more outcomes")
    maxh = math.log(outcomes, base)
    out += ["  " + cell("sum") + " " * 14 + g6(h), "",
            f"H = {num(h)} {unit}, of at most {lg}({outcomes}) = {g6(maxh)} for {outcomes} outcomes"
            f" (normalized: {g6(h / maxh)})."] + notes + [""] + ANALOGY
    return out


case_p = weights.p.to_numpy()
explain_case("explain: weights, the whole walkthrough",
             "mlm-entropy --explain -c p entropy/weights.csv",
             entropy_walk("Column p", ["1", "2", "3", "4"], case_p, 4, 2,
                          ["The weights sum to 1 (within 1e-6), as probabilities must."]))
cnt = weights.counts.to_numpy()
explain_case("explain: weights with --normalize and --perplexity say so",
             "mlm-entropy --explain --normalize --perplexity -c counts entropy/weights.csv",
             entropy_walk("Column counts", ["1", "2", "3", "4"], cnt / cnt.sum(), 4, 2,
                          [f"The weights were divided by their sum, {cnt.sum():g} (--normalize).",
                           f"Perplexity = 2^H = {num(2 ** entropy(cnt, base=2))}: as uncertain as a fair die with "
                           f"{g6(2 ** entropy(cnt, base=2))} faces."]))
vc_sorted = vc.sort_values(ascending=False, kind="stable")
explain_case("explain: values of iris species, counted",
             "mlm-entropy values -c species --explain ../../examples/data/iris.csv",
             entropy_walk("", list(vc_sorted.index), (vc_sorted / vc_sorted.sum()).to_numpy(), len(vc_sorted), 2,
                          [f"p(x) is the count of x over the {vc_sorted.sum()} counted."]))
long_names = ["a_label_long_enough_to_push_every_number_out_of_its_column", "short"]
explain_case("explain: a long outcome name is cut to 30 columns, the numbers stay in line",
             "mlm-entropy values --header -c name --explain",
             entropy_walk("", long_names, [2 / 3, 1 / 3], 2, 2, ["p(x) is the count of x over the 3 counted."]),
             stdin=["name", long_names[0], long_names[1], long_names[0]])
rows_lines = []
for i, r in enumerate(probs[:3]):
    rows_lines += entropy_walk(f"Row {i + 1}", ["a", "b", "c"], r, 3, 2, []) + [""]
rows_lines.append(f"... and {len(probs) - 3} more rows.")
explain_case("explain: --rows explains each row (the first three)",
             "mlm-entropy --rows --explain entropy/probs.csv", rows_lines)
h_a = entropy(labels.label.value_counts(), base=2)
explain_case("explain: cond, with the numbers of H(A,B) - H(B)",
             "mlm-entropy cond -c label --given noisy --explain entropy/labels.csv",
             ["Conditional entropy  H(A|B) = -sum p(a,b) log2 p(a,b)/p(b) = H(A,B) - H(B)", "",
              f"  A = label, B = noisy, {n} rows",
              f"  H(A,B) = {g6(h_ab)} bits", f"  H(B)   = {g6(h_b)} bits",
              f"  H(A|B) = {g6(h_ab)} - {g6(h_b)} = {num(h_ab - h_b)} bits (H(A) alone is {g6(h_a)})", "",
              "H(A|B) is the uncertainty left in A once you know B: 0 when B decides A,",
              "H(A) when B tells you nothing about it."])
mi2 = mutual_info_score(labels.label, labels.noisy) / math.log(2)
explain_case("explain: mi, with the numbers of H(A) + H(B) - H(A,B) and NMI",
             "mlm-entropy mi -c label,noisy --normalized --explain entropy/labels.csv",
             ["Mutual information  I(A;B) = sum p(a,b) log2 p(a,b)/(p(a)p(b))",
              "                            = H(A) + H(B) - H(A,B)", "",
              f"  A = label, B = noisy, {n} rows",
              f"  H(A) = {g6(h_a)}, H(B) = {g6(h_b)}, H(A,B) = {g6(h_ab)} bits",
              f"  I(A;B) = {g6(h_a)} + {g6(h_b)} - {g6(h_ab)} = {num(mi2)} bits",
              f"  NMI = I / ((H(A) + H(B)) / 2) = {num(normalized_mutual_info_score(labels.label, labels.noisy))}",
              "", "Mutual information is how much knowing one variable tells you about the other:",
              "0 when they are independent, H(A) when B determines A."])
g_pl, thr_pl = numeric_gain(it, iris.petal_length.to_numpy())
explain_case("explain: gain prints the row count in decimal, not as a raw byte (150 was \\226)",
             "mlm-entropy gain --target species -c petal_length --explain ../../examples/data/iris.csv",
             ["Information gain  IG(T, F) = H(T) - sum over the parts v of (n_v/N) H(T | F = v)", "",
              f"  H(species) = {g6(h2(it))} bits over {len(it)} rows",
              f"  petal_length: gain {g6(g_pl)} splitting at <= {num(thr_pl)}", "",
              "A decision tree splits on the feature with the highest gain: the one whose",
              "parts leave the least uncertainty about the target."])
ll = log_loss(y, p, eps=1e-15)
explain_case("explain: xent prints N in decimal, not as a raw byte",
             "mlm-entropy xent --target y -c p --explain entropy/binary.csv",
             ["Cross-entropy (log loss)  L = -(1/N) sum over rows of ln q(y)",
              "(q(y): the probability the model gave the row's true class y)", "",
              f"  N = {m} rows, probabilities clipped to [1e-15, 1 - 1e-15]",
              f"  L = {g6(ll * m)} / {m} = {num(ll)} nats", "",
              "Log loss is the average surprise of the model at the truth: 0 for a model that",
              "gives the true class probability 1, ln 2 = 0.693 for a coin flip on two classes."])

with open(os.path.join(ROOT, "tests", "cli", "mlm-entropy-reference.cases"), "w") as f:
    f.write("# Generated by tests/reference/entropy_reference.py from scipy and scikit-learn: do not edit.\n\n")
    f.write("\n\n".join(cases) + "\n")
print(f"{len(cases)} cases")
