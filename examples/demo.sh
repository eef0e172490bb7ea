#!/usr/bin/env bash
# The main demo (`make demo`): each tool on the shipped example data.
set -euo pipefail
cd "$(dirname "$0")"
run() { printf '\n$ %s\n' "$*"; "$@"; }

echo "== mlm-entropy: how mixed are the iris species?"
run mlm-entropy values -c species data/iris.csv
run mlm-entropy values -c species --explain data/iris.csv
run mlm-entropy gain --target species data/iris.csv

for tool in mlm-kl mlm-pca mlm-grad mlm-gd mlm-plot; do
  if command -v "$tool" >/dev/null && [ -f "demo_${tool#mlm-}.sh" ]; then
    echo; echo "== $tool"
    bash "demo_${tool#mlm-}.sh"
  fi
done
