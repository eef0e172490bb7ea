#!/usr/bin/python3
"""Reference values for tests/unit/calc_*_test.cpp: f, gradient and Hessian of
expressions in mlm's expression language at fixed points.

Closed forms come from sympy's symbolic differentiation, with every literal and
coordinate taken as the exact binary value of its double and evaluated to 40
digits, so the stored doubles are correctly rounded. Where a trusted numeric
implementation exists it is checked against them: scipy.optimize.rosen,
rosen_der and rosen_hess for Rosenbrock; hand-written numpy derivatives for the
backprop example and the softmax cross-entropy.

Run: /usr/bin/python3 tests/reference/calc_derivatives.py  (writes calc_derivatives.json beside it)
"""
import json
import os
import re

import numpy as np
import scipy.optimize
import sympy
from sympy.parsing.sympy_parser import parse_expr

CASES = [
    # name, expression, point (variables in order of first appearance)
    ("polynomial in two variables", "3*x^3 - 2*x*y + y^2 - 5", {"x": 1.5, "y": -2}),
    ("polynomial in three variables", "x^4*y - 7*x*y^3 + 0.5*z^2*x + 2", {"x": 0.7, "y": -1.3, "z": 2.1}),
    ("exp", "exp(x*y - z)", {"x": 0.3, "y": 1.7, "z": 0.2}),
    ("log", "log(x^2 + y)", {"x": 1.2, "y": 0.5}),
    ("sqrt", "sqrt(x*y + 1)", {"x": 2, "y": 3.5}),
    ("abs", "abs(x - 2*y) * y", {"x": 0.4, "y": 1.1}),
    ("sin and cos", "sin(x)*cos(y)", {"x": 0.8, "y": -0.3}),
    ("tan", "tan(x/2 + y)", {"x": 0.6, "y": 0.1}),
    ("tanh", "tanh(x*y)", {"x": 0.9, "y": -0.7}),
    ("sigmoid", "sigmoid(2*x - y)", {"x": 0.25, "y": 1.5}),
    ("sigmoid far in the negative tail", "sigmoid(3*x)", {"x": -12}),
    ("relu where it passes", "relu(x - y)*x", {"x": 1.5, "y": 0.3}),
    ("relu where it blocks", "relu(x - y) + y^2*x", {"x": 0.1, "y": 0.3}),
    ("softplus", "softplus(x*y)", {"x": 1.3, "y": 0.4}),
    ("softplus far in both tails", "softplus(x) + softplus(-y)", {"x": 40, "y": 35}),
    ("min", "min(x^2, y) * y", {"x": 0.5, "y": 1}),
    ("max", "max(x, y^2) * x", {"x": 0.5, "y": 1.2}),
    ("pow function", "pow(x, y)", {"x": 1.7, "y": 2.3}),
    ("power operator with variable exponent", "x^y + 2^x", {"x": 0.9, "y": -1.4}),
    ("division", "x/y - y/(x*z)", {"x": 1.1, "y": -0.6, "z": 2.5}),
    ("unary minus binds looser than power", "-x^2 + -(-y)*x", {"x": 1.5, "y": 2}),
    ("right-associative power", "x^y^2", {"x": 1.3, "y": 0.8}),
    ("composition of exp sin log sqrt", "exp(sin(x))*log(1 + y^2)/sqrt(1 + x^2)", {"x": 0.4, "y": -1.2}),
    ("composition of tanh sigmoid softplus", "tanh(sigmoid(x*y) + softplus(z - x))^2", {"x": 0.3, "y": -2, "z": 0.7}),
    ("composition of every function", "abs(tan(x/3)) + max(relu(y), min(cos(x), sqrt(z))) * pow(sigmoid(y*z), 1.5) - log(softplus(x) + exp(-z))*sin(tanh(y))",
     {"x": 0.9, "y": 0.6, "z": 0.8}),
    ("backprop example", "(w2*tanh(w1*x) - y)^2", {"w2": -1, "w1": 0.5, "x": 1, "y": 0.2}),
    ("python's ** and the constants pi and e", "x**2 * sin(pi*y) + e**(x*y)", {"x": 0.7, "y": 0.3}),
    ("ln, log2 and log10", "ln(x*y) + log2(x + y^2) - log10(3*x)*y", {"x": 1.7, "y": 0.6}),
    ("softmax cross-entropy", "-log(exp(a)/(exp(a) + exp(b) + exp(c)))", {"a": 1, "b": 2, "c": 0.5}),
    ("Rosenbrock in two variables", "(1 - x)^2 + 100*(y - x^2)^2", {"x": -1.2, "y": 1}),
    ("Rosenbrock in four variables",
     "100*(x2 - x1^2)^2 + (1 - x1)^2 + 100*(x3 - x2^2)^2 + (1 - x2)^2 + 100*(x4 - x3^2)^2 + (1 - x3)^2",
     {"x2": 0.8, "x1": -0.5, "x3": 1.3, "x4": 0.2}),
]

FUNCTIONS = {
    "exp": sympy.exp, "log": sympy.log, "sqrt": sympy.sqrt, "abs": sympy.Abs,
    "sin": sympy.sin, "cos": sympy.cos, "tan": sympy.tan, "tanh": sympy.tanh,
    "sigmoid": lambda u: 1 / (1 + sympy.exp(-u)),
    "relu": lambda u: sympy.Max(u, 0),
    "softplus": lambda u: sympy.log(1 + sympy.exp(u)),
    "min": sympy.Min, "max": sympy.Max, "pow": sympy.Pow,
    "ln": sympy.log, "log2": lambda u: sympy.log(u, 2), "log10": lambda u: sympy.log(u, 10),
    "pi": sympy.pi, "e": sympy.E,
}

DIGITS = 40


def variables_in_order(text):
    seen = []
    for name in re.findall(r"[A-Za-z_][A-Za-z0-9_]*", text):
        if name not in FUNCTIONS and name not in seen:
            seen.append(name)
    return seen


def closed_forms(text, names):
    symbols = {n: sympy.Symbol(n, real=True) for n in names}
    expr = parse_expr(text.replace("^", "**"), local_dict={**FUNCTIONS, **symbols})
    # Every literal is the exact binary value of the double mlm parses.
    expr = expr.xreplace({f: sympy.Rational(float(f)) for f in expr.atoms(sympy.Float)})
    xs = [symbols[n] for n in names]
    grad = [sympy.diff(expr, v) for v in xs]
    hess = [[sympy.diff(g, v) for v in xs] for g in grad]
    return expr, xs, grad, hess


def evaluate(e, at):
    return float(sympy.N(e.subs(at), DIGITS))


def rosen_point(point, names):
    order = sorted(names, key=lambda n: int(n[1:]) if n[1:].isdigit() else 0)
    if order == ["x", "y"] or set(names) == {"x", "y"}:
        order = ["x", "y"]
    return order, np.array([point[n] for n in order], dtype=float)


def check_rosen(case):
    names = case["variables"]
    order, x = rosen_point(case["point"], names)
    perm = [order.index(n) for n in names]
    f = scipy.optimize.rosen(x)
    g = scipy.optimize.rosen_der(x)[perm]
    h = scipy.optimize.rosen_hess(x)[np.ix_(perm, perm)]
    assert np.isclose(f, case["f"], rtol=1e-14)
    assert np.allclose(g, case["gradient"], rtol=1e-14, atol=1e-12)
    assert np.allclose(h, case["hessian"], rtol=1e-14, atol=1e-12)
    case["checked_against"] = "scipy.optimize.rosen, rosen_der, rosen_hess"


def check_backprop(case):
    p = case["point"]
    w1, w2, x, y = p["w1"], p["w2"], p["x"], p["y"]
    t = np.tanh(w1 * x)
    r = w2 * t - y
    dt = 1 - t * t
    grad = {"w2": 2 * r * t, "w1": 2 * r * w2 * dt * x, "x": 2 * r * w2 * dt * w1, "y": -2 * r}
    assert np.isclose(r * r, case["f"], rtol=1e-14)
    for n, g in grad.items():
        assert np.isclose(case["gradient"][case["variables"].index(n)], g, rtol=1e-14)
    case["checked_against"] = "hand-written numpy chain rule"


def check_softmax(case):
    z = np.array([case["point"][n] for n in ("a", "b", "c")])
    s = np.exp(z - z.max())
    s /= s.sum()
    f = -np.log(s[0])
    g = s - np.array([1.0, 0.0, 0.0])
    h = np.diag(s) - np.outer(s, s)
    assert np.isclose(f, case["f"], rtol=1e-14)
    assert np.allclose(g, case["gradient"], rtol=1e-14, atol=1e-15)
    assert np.allclose(h, case["hessian"], rtol=1e-13, atol=1e-15)
    case["checked_against"] = "hand-written numpy softmax derivatives"


def main():
    cases = []
    for name, text, point in CASES:
        names = variables_in_order(text)
        assert names == list(point), (name, names)
        expr, xs, grad, hess = closed_forms(text, names)
        at = {v: sympy.Rational(float(point[n])) for v, n in zip(xs, names)}
        case = {
            "name": name,
            "expression": text,
            "variables": names,
            "point": {n: float(point[n]) for n in names},
            "f": evaluate(expr, at),
            "gradient": [evaluate(g, at) for g in grad],
            "hessian": [[evaluate(e, at) for e in row] for row in hess],
            "source": "sympy closed forms evaluated to %d digits" % DIGITS,
        }
        if name.startswith("Rosenbrock"):
            check_rosen(case)
        elif name == "backprop example":
            check_backprop(case)
        elif name == "softmax cross-entropy":
            check_softmax(case)
        cases.append(case)
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "calc_derivatives.json")
    with open(out, "w") as fh:
        json.dump({"generator": "tests/reference/calc_derivatives.py", "cases": cases}, fh, indent=1)
        fh.write("\n")


if __name__ == "__main__":
    main()
