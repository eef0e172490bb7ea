#!/usr/bin/env bash
# Part of `make demo`: mlm-gd converging, and diverging with the reason.
set -uo pipefail
run() { printf '\n$ %s\n' "$*"; "$@"; }
run mlm-gd minimize '(1 - x)^2 + 100*(y - x^2)^2' --start x=-1.2,y=1 --optimizer adam --lr 0.01
run mlm-gd minimize 'x^2 + 3*y^2' --start x=3,y=2 --lr 0.4
true
