#!/usr/bin/python3
"""Reference values for tests/unit/optim_optimizer_test.cpp: the first steps of
each optimizer on f(x, y) = (1 - x)^2 + 10 (y - x^2)^2 from (-1.2, 1), computed
with numpy from the algorithm boxes of the PyTorch documentation
(torch.optim.SGD, Adagrad, RMSprop, Adam, AdamW), written independently of the
C++ code, with the gradient derived by hand.

Run: /usr/bin/python3 tests/reference/optim_steps.py  (writes optim_steps.json beside it)
"""
import json
import os

import numpy as np

EXPRESSION = "(1 - x)^2 + 10*(y - x^2)^2"
START = [-1.2, 1.0]
STEPS = 4


def grad(p):
    x, y = p
    return np.array([-2 * (1 - x) - 40 * x * (y - x * x), 20 * (y - x * x)])


def sgd(lr=1e-3, momentum=0.0, dampening=0.0, weight_decay=0.0, nesterov=False):
    p = np.array(START)
    b = None
    out = []
    for t in range(1, STEPS + 1):
        g = grad(p)
        if weight_decay != 0:
            g = g + weight_decay * p
        if momentum != 0:
            b = g.copy() if t == 1 else momentum * b + (1 - dampening) * g
            g = g + momentum * b if nesterov else b
        p = p - lr * g
        out.append(p.tolist())
    return out


def adagrad(lr=1e-2, lr_decay=0.0, weight_decay=0.0, initial_accumulator_value=0.0, eps=1e-10):
    p = np.array(START)
    s = np.full(2, initial_accumulator_value)
    out = []
    for t in range(1, STEPS + 1):
        g = grad(p)
        clr = lr / (1 + (t - 1) * lr_decay)
        if weight_decay != 0:
            g = g + weight_decay * p
        s = s + g * g
        p = p - clr * g / (np.sqrt(s) + eps)
        out.append(p.tolist())
    return out


def rmsprop(lr=1e-2, alpha=0.99, eps=1e-8, weight_decay=0.0, momentum=0.0, centered=False):
    p = np.array(START)
    v = np.zeros(2)
    b = np.zeros(2)
    gave = np.zeros(2)
    out = []
    for t in range(1, STEPS + 1):
        g = grad(p)
        if weight_decay != 0:
            g = g + weight_decay * p
        v = alpha * v + (1 - alpha) * g * g
        vt = v
        if centered:
            gave = gave * alpha + (1 - alpha) * g
            vt = vt - gave * gave
        if momentum > 0:
            b = momentum * b + g / (np.sqrt(vt) + eps)
            p = p - lr * b
        else:
            p = p - lr * g / (np.sqrt(vt) + eps)
        out.append(p.tolist())
    return out


def adam(lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0, amsgrad=False, decoupled=False):
    p = np.array(START)
    m = np.zeros(2)
    v = np.zeros(2)
    vmax = np.zeros(2)
    out = []
    for t in range(1, STEPS + 1):
        g = grad(p)
        if decoupled:
            p = p - lr * weight_decay * p
        elif weight_decay != 0:
            g = g + weight_decay * p
        m = betas[0] * m + (1 - betas[0]) * g
        v = betas[1] * v + (1 - betas[1]) * g * g
        mhat = m / (1 - betas[0] ** t)
        if amsgrad:
            vmax = np.maximum(vmax, v)
            vhat = vmax / (1 - betas[1] ** t)
        else:
            vhat = v / (1 - betas[1] ** t)
        p = p - lr * mhat / (np.sqrt(vhat) + eps)
        out.append(p.tolist())
    return out


CASES = [
    # method, hyperparameters as the C++ Hyperparameters fields, points after each step
    ("sgd", {"lr": 1e-3}, sgd()),
    ("sgd", {"lr": 0.01, "weight_decay": 0.1}, sgd(lr=0.01, weight_decay=0.1)),
    ("momentum", {"lr": 1e-3, "momentum": 0.9}, sgd(momentum=0.9)),
    ("momentum", {"lr": 0.01, "momentum": 0.5, "dampening": 0.3}, sgd(lr=0.01, momentum=0.5, dampening=0.3)),
    ("nesterov", {"lr": 1e-3, "momentum": 0.9}, sgd(momentum=0.9, nesterov=True)),
    ("adagrad", {"lr": 1e-2, "eps": 1e-10}, adagrad()),
    ("adagrad", {"lr": 0.1, "eps": 1e-10, "lr_decay": 0.5, "initial_accumulator": 0.2, "weight_decay": 0.05},
     adagrad(lr=0.1, lr_decay=0.5, initial_accumulator_value=0.2, weight_decay=0.05)),
    ("rmsprop", {"lr": 1e-2}, rmsprop()),
    ("rmsprop", {"lr": 1e-2, "momentum": 0.9, "centered": True}, rmsprop(momentum=0.9, centered=True)),
    ("adam", {"lr": 1e-3}, adam()),
    ("adam", {"lr": 0.05, "beta1": 0.8, "beta2": 0.9, "amsgrad": True, "weight_decay": 0.1},
     adam(lr=0.05, betas=(0.8, 0.9), amsgrad=True, weight_decay=0.1)),
    ("adamw", {"lr": 1e-3, "weight_decay": 1e-2}, adam(weight_decay=1e-2, decoupled=True)),
    ("adamw", {"lr": 0.1, "weight_decay": 0.5}, adam(lr=0.1, weight_decay=0.5, decoupled=True)),
]


def main():
    cases = [{"method": m, "hyperparameters": h, "points": pts} for m, h, pts in CASES]
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "optim_steps.json")
    with open(out, "w") as fh:
        json.dump({"generator": "tests/reference/optim_steps.py", "expression": EXPRESSION, "start": START,
                   "cases": cases}, fh, indent=1)
        fh.write("\n")


if __name__ == "__main__":
    main()
