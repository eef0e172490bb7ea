#!/usr/bin/env bash
# mlm-pca in `make demo`: iris's four measurements reduced to two numbers per flower.
set -euo pipefail
cd "$(dirname "$0")"
run() { printf '\n$ %s\n' "$*"; "$@"; }

run mlm-pca --standardize --keep species --emit summary data/iris.csv
run mlm-pca -k 2 --standardize --keep species --explain data/iris.csv
printf '\n$ mlm-pca -k 2 --standardize --keep species data/iris.csv | head -4\n'
mlm-pca -k 2 --standardize --keep species data/iris.csv | head -4
