#!/usr/bin/python3
"""Expected values for the table reader's end-to-end cases in
tests/cli/mlm-entropy.cases (the ones about reading: header guess, TSV sniffing),
computed with scipy. Run: /usr/bin/python3 tests/reference/reader_cases.py
(writes reader_cases.txt beside it)."""
import os

from scipy.stats import entropy

CASES = [
    # A coin's tosses without a header: H,H,T,H,T,T,H,H keeps its first H (5 H, 3 T).
    ("headerless coin", entropy([5, 3], base=2)),
    # The same tosses read with the first H as a header (what the old guess gave: 4 H, 3 T).
    ("coin with the first H taken as a name", entropy([4, 3], base=2)),
    # TSV on stdin, column b = probabilities 0.25, 0.75.
    ("TSV column b", entropy([0.25, 0.75], base=2)),
    # Labels after numbers without a header: setosa, setosa, virginica.
    ("iris labels without a header", entropy([2, 1], base=2)),
]

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "reader_cases.txt")
with open(out, "w") as f:
    for name, value in CASES:
        f.write(f"{name}: {value!r}\n")
print(open(out).read(), end="")
