#!/usr/bin/env bash
# Part of `make demo`: mlm-grad on the backprop example and a few points.
set -euo pipefail
run() { printf '\n$ %s\n' "$*"; "$@"; }
run mlm-grad '(w2*tanh(w1*x) - y)^2' --at w1=0.5,w2=-1,x=1,y=0.2
run mlm-grad 'x^2*y + sin(y)' --at x=1,y=2 --hessian
printf '\n$ printf "x,y\\n0,1\\n1,2\\n" | mlm-grad "x*y + exp(-x^2)"\n'
printf 'x,y\n0,1\n1,2\n' | mlm-grad 'x*y + exp(-x^2)'
