"""The spelling of numbers in tests/reference/*.json: JSON has no infinity or
nan, so they are the strings "inf", "-inf" and "nan" (tests/unit/
info_reference.hpp's `number` reads them back)."""
import math


def num(x):
    x = float(x)
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    if math.isnan(x):
        return "nan"
    return x
