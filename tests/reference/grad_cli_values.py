#!/usr/bin/python3
"""The expected numbers of tests/cli/mlm-grad.cases and tests/cli/mlm-gd.cases,
from closed forms evaluated with Python's math module (and numpy for the
eigenvalue), never from mlm's own output. Run it to see every value:

    /usr/bin/python3 tests/reference/grad_cli_values.py
"""
import math

import numpy as np

print("# mlm-grad 'x^2*y + sin(y)' --at x=1,y=2: f = x^2 y + sin y, grad = (2xy, x^2 + cos y)")
x, y = 1.0, 2.0
print("f", x * x * y + math.sin(y))
print("d_x", 2 * x * y, "d_y", x * x + math.cos(y))
print("hessian [[2y, 2x], [2x, -sin y]]:", [[2 * y, 2 * x], [2 * x, -math.sin(y)]])
print("new_x, new_y with lr 0.1:", x - 0.1 * 2 * x * y, y - 0.1 * (x * x + math.cos(y)))

print("# backprop example (w2*tanh(w1*x) - y)^2 at w1=0.5, w2=-1, x=1, y=0.2")
w1, w2, x, y = 0.5, -1.0, 1.0, 0.2
t = math.tanh(w1 * x)
r = w2 * t - y
print("f", r * r, "d_w2", 2 * r * t, "d_w1", 2 * r * w2 * (1 - t * t) * x,
      "d_x", 2 * r * w2 * (1 - t * t) * w1, "d_y", -2 * r)
print("6 digits: v5 = tanh", "%.6g" % t, "v6", "%.6g" % (w2 * t), "v8", "%.6g" % r, "f", "%.6g" % (r * r))
print("edges: 2*v8", "%.6g" % (2 * r), "v5", "%.6g" % t, "1-t^2", "%.6g" % (1 - t * t),
      "products", "%.6g" % (2 * r * t), "%.6g" % (-2 * r * w2), "%.6g" % (-2 * r * w2 * (1 - t * t)),
      "%.6g" % (-2 * r * w2 * (1 - t * t) * w1))
print("updated w1", "%.6g" % (w1 - 0.1 * 2 * r * w2 * (1 - t * t) * x), "w2", "%.6g" % (w2 - 0.1 * 2 * r * t))

print("# rows of 'x*y + y^2': (1,2) and (3,4): f = xy + y^2, d_x = y, d_y = x + 2y")
for x, y in [(1, 2), (3, 4), (-1.5, 0.5)]:
    print(x * y + y * y, y, x + 2 * y)

print("# --limit on x^2 at x = 1: ((1+h)^2 - 1)/h = 2 + h")
for k in (1, 2, 3):
    h = 10.0 ** -k
    print(h, ((1 + h) ** 2 - 1) / h)

print("# mlm-gd: x^2 + 3y^2 from (3, 2), sgd lr 0.1: x_k = 3*0.8^k, y_k = 2*0.4^k, grad (2x, 6y)")
k = next(k for k in range(1000) if math.hypot(6 * 0.8 ** k, 12 * 0.4 ** k) <= 1e-6)
print("steps", k, "x", 3 * 0.8 ** k, "y", 2 * 0.4 ** k, "f", (3 * 0.8 ** k) ** 2 + 3 * (2 * 0.4 ** k) ** 2)
k = 5
print("after 5 steps: x", 3 * 0.8 ** k, "y", 2 * 0.4 ** k, "f", (3 * 0.8 ** k) ** 2 + 3 * (2 * 0.4 ** k) ** 2,
      "|g|", math.hypot(6 * 0.8 ** k, 12 * 0.4 ** k))
print("# lr 0.4: y_k = 2*(-1.4)^k; f = 9*0.2^(2k) + 12*1.96^k; diverged when f > 21 + 1e6*21")
L = max(np.linalg.eigvalsh([[2.0, 0.0], [0.0, 6.0]]))
k = next(k for k in range(1000) if 9 * 0.04 ** k + 12 * 1.96 ** k - 21 > 1e6 * 21)
print("2/L", 2 / L, "step", k, "f %.3g" % (9 * 0.04 ** k + 12 * 1.96 ** k))
print("# x^2 from 1 with lr 0.5: x1 = 1 - 0.5*2 = 0, converged at step 1")
print("# 0.5*(x-3)^2 + 50*(y+1)^2: minimum (3, -1); L = 100, 2/L =", 2 / 100)

print("# examples/lr_sweep.sh: x_k = 3(1-2lr)^k, y_k = 2(1-6lr)^k on x^2 + 3y^2")
for lr in (0.01, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.33, 0.34, 0.4, 0.5):
    for k in range(100000):
        x, y = 3 * (1 - 2 * lr) ** k, 2 * (1 - 6 * lr) ** k
        f = x * x + 3 * y * y
        if math.hypot(2 * x, 6 * y) <= 1e-6:
            print(lr, "converged", k)
            break
        if f - 21 > 1e6 * 21:
            print(lr, "diverged at step %d: f grew from 21 to %.3g" % (k, f))
            break

print("# mlm-grad 'x**2 * sin(pi*y) + e**(x*y) + ln(x) + log2(y) + log10(x*y)' --at x=2,y=0.25")
x, y = 2.0, 0.25
print("f", x**2 * math.sin(math.pi * y) + math.e**(x * y) + math.log(x) + math.log2(y) + math.log10(x * y))
print("d_x", 2 * x * math.sin(math.pi * y) + y * math.e**(x * y) + 1 / x + 1 / (x * math.log(10)))
print("d_y", x**2 * math.pi * math.cos(math.pi * y) + x * math.e**(x * y) + 1 / (y * math.log(2))
      + 1 / (y * math.log(10)))

print("# mlm-gd minimize '(w*x - y)^2' --start w=0 --at x=2,y=6 --lr 0.05: w <- w - 0.05*4*(2w - 6)")
w, steps = 0.0, 0
while True:
    g = 2 * 2 * (w * 2 - 6)
    if abs(g) <= 1e-6:
        break
    w -= 0.05 * g
    steps += 1
print("w", w, "f", (w * 2 - 6) ** 2, "steps", steps)

print("# mlm-grad '(w*x - y)^2' --at w=0.5 over rows (x, y) = (1, 2), (3, 4): d_w = 2r x, d_x = 2r w, d_y = -2r")
w = 0.5
for x, y in ((1.0, 2.0), (3.0, 4.0)):
    r = w * x - y
    print("f", r * r, "d_w", 2 * r * x, "d_x", 2 * r * w, "d_y", -2 * r)
