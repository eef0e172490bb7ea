"""The spellings checked in tests/unit/io_number_format_test.cpp ("spellings at
the edges of the layouts"): Python's repr (shortest round trip) and %.Ng (N
significant digits), respelled as mlm prints numbers: the exponent bare (1e-05
as 1e-5, 1e+308 as 1e308) and, for the shortest form, plain or exponent chosen
by length as C++'s std::to_chars does (repr prints 1e15 plain: 1000000000000000.0).

  /usr/bin/python3 tests/reference/number_format.py > tests/reference/number_format.txt
"""
import re


def bare(text):
    """1e-05 -> 1e-5, 1e+15 -> 1e15, 1.0 -> 1."""
    text = re.sub(r"e([+-])0*(\d)", lambda m: "e" + ("-" if m.group(1) == "-" else "") + m.group(2), text)
    return text[:-2] if text.endswith(".0") else text


def shortest(x):
    """repr's digits, laid out as to_chars lays out the shortest form."""
    if x == 0:
        return "0"
    sign = "-" if x < 0 else ""
    digits, exponent = repr(abs(x)), 0
    m = re.fullmatch(r"(\d+)(?:\.(\d*))?(?:e([+-]\d+))?", digits)
    whole, frac, e = m.group(1), m.group(2) or "", int(m.group(3) or 0)
    d = (whole + frac).lstrip("0")
    exponent = e + len(whole) - 1 - (len(whole + frac) - len((whole + frac).lstrip("0")))
    d = d.rstrip("0") or "0"
    n = len(d)
    sci = d[0] + ("." + d[1:] if n > 1 else "") + "e" + ("-" if exponent < 0 else "") + str(abs(exponent))
    printf_size = (n + 1 if n > 1 else 1) + 2 + max(2, len(str(abs(exponent))))
    if exponent < 0:
        plain = "0." + "0" * (-exponent - 1) + d
    elif exponent + 1 >= n:
        plain = d + "0" * (exponent + 1 - n)
    else:
        plain = d[: exponent + 1] + "." + d[exponent + 1 :]
    return sign + (plain if len(plain) <= printf_size else sci)


for x in [1e-5, 0.00012, 1.2345e-4, 1e15, 123456789012345.0, 9007199254740993.0, 2.5e-308,
          -1.7976931348623157e308, 4.9406564584124654e-324, -0.0]:
    print(f"shortest {x!r} {shortest(x)}")
for x, n in [(0.1, 17), (99.95, 3)]:
    print(f"precision {n} {x!r} {bare('%.*g' % (n, x))}")
