"""Expected values of examples/entropy_sharded.sh and examples/kl_sharded.sh,
computed over the whole files with numpy/scipy (a sharded merge must equal
them). Run: /usr/bin/python3 tests/reference/scale_examples.py > tests/reference/scale_examples.txt
"""
import os

import numpy as np
from scipy.spatial.distance import jensenshannon
from scipy.stats import entropy

data = os.path.join(os.path.dirname(__file__), "..", "..", "examples", "data")

wine_class = np.genfromtxt(os.path.join(data, "wine.csv"), delimiter=",", names=True, dtype=None, encoding=None)["class"]
_, counts = np.unique(wine_class, return_counts=True)
print("entropy_bits", repr(entropy(counts, base=2)))

train = np.loadtxt(os.path.join(data, "scores_train.csv"), skiprows=1)
live = np.loadtxt(os.path.join(data, "scores_live.csv"), skiprows=1)
a, _ = np.histogram(train, bins=10, range=(0, 1))
b, _ = np.histogram(live, bins=10, range=(0, 1))
p = (a + 0.5) / (a + 0.5).sum()
q = (b + 0.5) / (b + 0.5).sum()
print("psi", repr(float(np.sum((p - q) * np.log(p / q)))))
print("js_bits", repr(float(jensenshannon(p, q, base=2) ** 2)))
