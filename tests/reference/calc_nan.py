#!/usr/bin/python3
"""What numpy does with NaN in the functions mlm's expressions share with it:
NaN in is NaN out, for the value and for the derivative numpy would use
(np.heaviside for relu's, np.sign for abs's). tests/unit/calc_nan_test.cpp
expects exactly this. sympy has no NaN-aware max, so numpy is the reference.

Run: /usr/bin/python3 tests/reference/calc_nan.py  (writes calc_nan.txt beside it)
"""
import os

import numpy as np

nan = np.nan
rows = [
    ("relu(y)", np.maximum(nan, 0.0)),
    ("d relu(y)/dy", np.heaviside(nan, 0.0)),
    ("max(y,0)", np.maximum(nan, 0.0)),
    ("max(0,y)", np.maximum(0.0, nan)),
    ("min(y,0)", np.minimum(nan, 0.0)),
    ("min(0,y)", np.minimum(0.0, nan)),
    ("abs(y)", np.abs(nan)),
    ("d abs(y)/dy", np.sign(nan)),
    ("softplus(y)", np.logaddexp(0.0, nan)),
    ("max(y,0)+x at x=1", np.maximum(nan, 0.0) + 1.0),
]
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "calc_nan.txt"), "w") as out:
    for name, value in rows:
        out.write(f"{name}\t{value}\n")
        assert np.isnan(value), name
