#!/usr/bin/python3
"""The whole expected text of mlm-pca --explain for each of its forms, with
every number from numpy / scikit-learn (4 significant digits, as %.4g), laid
out and wrapped at 80 columns as tools/pca/explain.cpp documents. Prints the
cases of tests/cli/mlm-pca-explain.cases:
    /usr/bin/python3 tests/reference/pca_explain.py > tests/cli/mlm-pca-explain.cases
"""
import pathlib

import numpy as np
from sklearn.decomposition import PCA

ROOT = pathlib.Path(__file__).resolve().parents[2]
GLUE = "\x1f"


def spelled(s):
    """mlm's spelling of printf's %g text: plain where that is no longer, else
    the exponent without '+' or leading zeros (7.214e-5, not 7.214e-05)."""
    if "e" not in s:
        return s
    plain = np.format_float_positional(float(s), trim="-")
    if len(plain) <= len(s):
        return plain
    mantissa, exponent = s.split("e")
    return f"{mantissa}e{int(exponent)}"


def num(x):
    s = spelled(f"{x:.4g}")
    return "0" if s == "-0" else s


def pct(r):
    return spelled(f"{100 * r:.4g}") + "%"


def wrapped(line, width=80):
    if len(line) <= width:
        return [line.replace(GLUE, " ")]
    lead = len(line) - len(line.lstrip(" "))
    indent = lead + 2 if GLUE in line else lead
    eq = line.find(" = ")
    body = line[lead:]
    if body.startswith("PC") and 0 <= eq < 20:
        indent = eq + 3
    elif len(body) > 2 and body[0].isdigit() and body[1:3] == ". ":
        indent = lead + 3
    words = [w.replace(GLUE, " ") for w in body.split(" ") if w]
    out, cur, col, first = [], " " * lead, lead, True
    for w in words:
        if not first and col + 1 + len(w) > width:
            out.append(cur)
            cur, col, first = " " * indent, indent, True
        if not first:
            cur += " "
            col += 1
        cur += w
        col += len(w)
        first = False
    out.append(cur)
    return out


def labelled(names, values):
    shown = len(values) if len(values) <= 20 else 8
    s = ", ".join(f"{n}{GLUE}{num(v)}" for n, v in zip(names[:shown], values[:shown]))
    return s if shown == len(values) else s + f", ... ({len(values)} columns)"


def loading_sum(names, v):
    order = list(range(len(v)))
    every = len(v) <= 8
    if not every:
        order.sort(key=lambda j: -abs(v[j]))  # stable, as std::stable_sort
    out = ""
    for i, j in enumerate(order[: len(v) if every else 5]):
        out += num(v[j]) if i == 0 else (" -" if v[j] < 0 else " +") + GLUE + num(abs(v[j]))
        out += GLUE + names[j]
    if not every:
        out += " +" + f" ... (the 5 largest of {len(v)})".replace(" ", GLUE)
    return out


def padded(s, w):
    return s.rjust(w)


def oriented(components):
    flip = np.sign(components[np.arange(len(components)), np.abs(components).argmax(axis=1)])
    return components * flip[:, None]


def explain(x, names, standardize=False, k=None, method="cov"):
    n, d = x.shape
    mean = x.mean(axis=0)
    sd = x.std(axis=0)
    z = (x - mean) / sd if standardize else x - mean
    full = PCA(svd_solver="full").fit(z)
    ev, ratio = full.explained_variance_, full.explained_variance_ratio_
    cum = np.cumsum(ratio)
    kk = k or len(ev)
    comps = oriented(full.components_[:kk])
    t = [f"PCA of {n} rows x {d} columns, method {method}", "", "1. Centre each column on its mean:",
         "   " + labelled(names, mean)]
    if standardize:
        t += ["   and divide it by its standard deviation (population, divisor n), giving z-scores:",
              "   " + labelled(names, sd)]
    head = "2. Covariance matrix C = M2 / (n - 1), M2 = sum of (x - mean)(x - mean)^T over the rows"
    t.append("")
    if d <= 8:
        t.append(head + ":")
        c = np.cov(z, rowvar=False)
        w = max(10, max(len(nm) + 1 for nm in names))
        t.append("   " + padded("", w) + "".join(padded(nm, w) for nm in names))
        for i, nm in enumerate(names):
            t.append("   " + padded(nm, w) + "".join(padded(num(c[i, j]), w) for j in range(d)))
    else:
        t.append(head + f" ({d} x {d}, too large to print)")
    t += ["", "3. Eigenvalues of C (C v = lambda v): the variance along each component, largest first, "
          f"as a share of the total variance {num(np.var(z, axis=0, ddof=1).sum())} (the trace of C):"]
    for j in range(len(ev)):
        t.append("   " + padded(f"PC{j + 1}", 5) + "  lambda " + padded(num(ev[j]), 11) + "  ratio " +
                 padded(pct(ratio[j]), 9) + "  cumulative " + padded(pct(cum[j]), 9))
    how = f"as -k {k} asks" if k else "all of them"
    t += ["", f"4. Keep k = {kk} components: {how} ({pct(cum[kk - 1])})", "",
          "5. Their directions (unit eigenvectors v, each flipped so its largest loading is positive):"]
    for i in range(kk):
        t.append(f"   PC{i + 1} = " + loading_sum(names, comps[i]))
    t.append("   A row's score on a component is (x - mean)" + (" / sd" if standardize else "") + " . v.")
    if not standardize:
        var = x.var(axis=0, ddof=1)
        if var.max() / var.sum() > 0.9 and var.max() / var.min() > 100:
            t += ["", f'Mind the units: column "{names[var.argmax()]}" holds {pct(var.max() / var.sum())} '
                  "of the variance, so the components mostly measure its units, not the shape of the data; "
                  "--standardize weighs every column alike."]
    t += ["", "PCA turns the cloud of rows so that its widest spread lies along PC1, the next widest at "
          f"right angles along PC2, and so on: the {kk} kept "
          + ("component explains " if kk == 1 else "components explain ") + pct(cum[kk - 1])
          + f" of the variance, so {kk}" + (" number" if kk == 1 else " numbers")
          + " per row keep that much of how the rows differ."]
    return [w for line in t for w in wrapped(line)]


def table(name):
    path = ROOT / "examples" / "data" / name
    header = path.read_text().splitlines()[0].split(",")
    x = np.loadtxt(path, delimiter=",", skiprows=1, usecols=range(len(header) - 1))
    return x, header[:-1]


def case(title, command, lines):
    print(f"### {title}")
    print(f"$ {command}")
    for line in lines:
        print(f"> {line}" if line else ">")
    print()


def main():
    print("# mlm-pca --explain, every form, against its whole text: made by")
    print("# tests/reference/pca_explain.py from numpy / scikit-learn numbers.")
    print()
    iris, iris_names = table("iris.csv")
    wine, wine_names = table("wine.csv")
    case("--explain of iris prints the covariance matrix and every component",
         "mlm-pca --explain -c 1-4 ../../examples/data/iris.csv", explain(iris, iris_names))
    case("--explain of standardized wine wraps at 80 columns",
         "mlm-pca --explain --standardize -k 2 --keep class ../../examples/data/wine.csv",
         explain(wine, wine_names, standardize=True, k=2))
    case("--explain of raw wine says one column holds the variance",
         "mlm-pca --explain -k 2 --quiet --keep class ../../examples/data/wine.csv",
         explain(wine, wine_names, k=2))
    case("merge --explain of two halves explains the one-pass fit",
         "head -76 ../../examples/data/iris.csv | mlm-pca --partial -c 1-4 > $TMP/a.json\n"
         "$ (head -1 ../../examples/data/iris.csv; tail -n +77 ../../examples/data/iris.csv)"
         " | mlm-pca --partial -c 1-4 > $TMP/b.json\n"
         "$ mlm-pca merge --explain --standardize -k 2 $TMP/a.json $TMP/b.json",
         explain(iris, iris_names, standardize=True, k=2))


if __name__ == "__main__":
    main()
