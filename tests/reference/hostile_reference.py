#!/usr/bin/python3
"""Expected values for the hostile-input suite (tests/hostile/run.sh).

The suite checks the few answers the contract fixes exactly; their numbers
come from scipy here, never from our own output. Writes
hostile_reference.txt beside this script: one NAME=VALUE a line.
"""
import os

import numpy as np
from scipy.stats import entropy

# A headerless coin column H,H,T,H,T,T,H,H keeps its first row: 5 H, 3 T.
coin = ["H", "H", "T", "H", "T", "T", "H", "H"]
_, counts = np.unique(coin, return_counts=True)
values = {
    "coin_values_bits": entropy(counts, base=2),
    # numbers.tsv read as weights: columns x=(0.5,0.5) and y=(0.25,0.75).
    "tsv_x_bits": entropy([0.5, 0.5], base=2),
    "tsv_y_bits": entropy([0.25, 0.75], base=2),
}
here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "hostile_reference.txt"), "w") as f:
    for name, value in values.items():
        f.write(f"{name}={float(value)!r}\n")
