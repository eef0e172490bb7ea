"""Checks that mlm and DuckDB gave the same answer before they are timed
(bench/duckdb_bench.sh): a benchmark of different answers would mean nothing.

  agree.py entropy OURS THEIRS   one number each (bits)
  agree.py sums OURS THEIRS      mlm-entropy --to json's weight_sum per column;
                                 DuckDB's sum per column, tab-separated
  agree.py cov OURS THEIRS       mlm-pca --partial's co-moments M2 and n;
                                 DuckDB's covar_samp(i, j) for i <= j, row-major

Within 1e-9 relative; a covariance relative to sqrt(var_i var_j), the scale of
its column pair (an off-diagonal one near 0 has no relative digits of its own).
Status 1 and the first difference on stderr when they differ.
"""
import json
import math
import sys

TOLERANCE = 1e-9


def numbers(path):
    with open(path) as f:
        return [float(v) for v in f.read().split()]


def differ(what, ours, theirs, scale):
    # "not <=": a NaN on either side is a difference.
    return not abs(ours - theirs) <= TOLERANCE * scale and f"{what}: mlm {ours!r}, DuckDB {theirs!r}"


def entropy(ours, theirs):
    (a,), (b,) = numbers(ours), numbers(theirs)
    yield differ("entropy", a, b, abs(b))


def sums(ours, theirs):
    with open(ours) as f:
        a = [r["weight_sum"] for r in json.load(f)["results"]]
    b = numbers(theirs)
    yield len(a) != len(b) and f"{len(a)} sums against {len(b)}"
    for j, (x, y) in enumerate(zip(a, b)):
        yield differ(f"sum of column {j + 1}", x, y, abs(y))


def cov(ours, theirs):
    with open(ours) as f:
        partial = json.load(f)
    m2, n = partial["comoments"], partial["n"]
    d = len(m2)
    c = [[v / (n - 1) for v in row] for row in m2]
    b = iter(numbers(theirs))
    for i in range(d):
        for j in range(i, d):
            y = next(b, math.nan)
            yield differ(f"covariance ({i + 1}, {j + 1})", c[i][j], y, math.sqrt(c[i][i] * c[j][j]))
    yield next(b, None) is not None and "DuckDB printed more covariances than mlm"


def main(kind, ours, theirs):
    checks = {"entropy": entropy, "sums": sums, "cov": cov}[kind](ours, theirs)
    problems = [p for p in checks if p]
    if problems:
        sys.exit(f"bench duckdb: mlm and DuckDB differ: {problems[0]}")


if __name__ == "__main__":
    if len(sys.argv) != 4 or sys.argv[1] not in ("entropy", "sums", "cov"):
        sys.exit(__doc__)
    main(*sys.argv[1:])
