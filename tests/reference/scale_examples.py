"""Expected outputs of the sharded examples entropy_sharded, kl_sharded and
nb_sharded (examples/), computed over the whole files with numpy, scipy and
scikit-learn: a sharded merge must equal them.

    /usr/bin/python3 tests/reference/scale_examples.py > tests/reference/scale_examples.txt
    /usr/bin/python3 tests/reference/scale_examples.py --write-expected   # examples/*.expected
"""
import csv
import os
import sys

import numpy as np
from scipy.spatial.distance import jensenshannon
from scipy.stats import entropy
from sklearn.naive_bayes import GaussianNB

here = os.path.dirname(os.path.abspath(__file__))
examples = os.path.join(here, "..", "..", "examples")
data = os.path.join(examples, "data")

with open(os.path.join(data, "wine.csv")) as f:
    rows = list(csv.reader(f))
header, body = rows[0], rows[1:]
measures = np.array([[float(v) for v in r[:13]] for r in body])
wine_class = np.array([r[13] for r in body])
values = {}

# entropy_sharded.sh: H(class) in bits.
_, counts = np.unique(wine_class, return_counts=True)
values["entropy_bits"] = repr(entropy(counts, base=2))

# kl_sharded.sh: 10 bins on [0, 1], half an observation added to every bin.
train = np.loadtxt(os.path.join(data, "scores_train.csv"), skiprows=1)
live = np.loadtxt(os.path.join(data, "scores_live.csv"), skiprows=1)
a, _ = np.histogram(train, bins=10, range=(0, 1))
b, _ = np.histogram(live, bins=10, range=(0, 1))
p = (a + 0.5) / (a + 0.5).sum()
q = (b + 0.5) / (b + 0.5).sum()
values["psi"] = repr(float(np.sum((p - q) * np.log(p / q))))
values["js_bits"] = repr(float(jensenshannon(p, q, base=2) ** 2))

# nb_sharded.sh: Gaussian naive Bayes on the 13 measurements.
nb = GaussianNB().fit(measures, wine_class)
nb_rows = list(zip(nb.classes_, nb.class_count_, nb.class_prior_))
accuracy = nb.score(measures, wine_class)

expected = {
    "entropy_sharded": "# entropy of the wine class in bits, merged from 4 shards\n"
    f"{values['entropy_bits']}\n# equal to a single pass over all rows\n",
    "kl_sharded": "".join(f"# {m}, merged from 3 shard pairs\n{values[k]}\n# equal to a single pass over all rows\n"
                          for m, k in [("psi", "psi"), ("js", "js_bits")]),
    "nb_sharded": "# classes, merged from 4 shards\nclass,count,prior\n"
    + "".join(f"{c},{int(k)},{float(pr)!r}\n" for c, k, pr in nb_rows)
    + f"# accuracy on the training rows\n{accuracy:.6g}\n"
    + "# the same classes and predictions as a single pass over all rows\n",
}

if sys.argv[1:] == ["--write-expected"]:
    for stem, text in expected.items():
        with open(os.path.join(examples, stem + ".expected"), "w") as f:
            f.write(text)
else:
    for stem, text in expected.items():
        print(f"== examples/{stem}.expected")
        print(text, end="")
