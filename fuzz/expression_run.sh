#!/usr/bin/env bash
# Builds the expression fuzz target with clang (libFuzzer, ASan, UBSan) into
# build-fuzz/ and runs it for SECONDS (default 60) on inputs up to 256 kB,
# from seeds with deep nesting, long flat chains and every function. A crash
# leaves its input in build-fuzz/ (crash-*): keep it under
# tests/data/fuzz-regressions-expression/ (a unit test parses every file there).
# Run through fuzz/run.sh SECONDS expression.
set -euo pipefail
seconds=${1:-60}
root=$(cd "$(dirname "$0")/.." && pwd)
out=$root/build-fuzz
mkdir -p "$out/expression-corpus"

source "$root/fuzz/build.sh"
build_fuzzer expression_fuzz calc

# Seeds: one option byte, then an expression.
seeds=$out/expression-seeds
rm -rf "$seeds"
mkdir -p "$seeds"
seed() { printf '\001%s' "$2" > "$seeds/$1"; }
rep() { local s=""; for ((i = 0; i < $2; i++)); do s+=$1; done; printf '%s' "$s"; }
seed backprop '(w2*tanh(w1*x) - y)^2'
seed functions 'exp(x)+log(x)+sqrt(x)+abs(x)+sin(x)+cos(x)+tan(x)+tanh(x)+sigmoid(x)+relu(x)+softplus(x)+min(x,y)+max(x,y)+pow(x,y)'
seed numbers '1.5e3*x - .5/y + 2E+2^-1 + 1e-300*z'
seed rosenbrock '(1 - x)^2 + 100*(y - x^2)^2'
seed parens-999 "$(rep '(' 999)x$(rep ')' 999)"
seed parens-1001 "$(rep '(' 1001)x$(rep ')' 1001)"
seed minus-1001 "$(rep '-' 1001)x"
seed power-1001 "x$(rep '^x' 1001)"
seed calls-999 "$(rep 'exp(' 999)x$(rep ')' 999)"
seed sum-20000 "x$(rep '+x' 20000)"
seed sum-131000 "x$(rep '+x' 131000)"  # 262 kB: the full -max_len
seed product-20000 "x$(rep '*y' 20000)"
for f in "$root"/tests/data/fuzz-regressions-expression/*; do [[ -f $f ]] && cp "$f" "$seeds/"; done

cd "$out"
# -len_control=0: inputs up to max_len from the start, not grown slowly from the seeds.
exec ./expression_fuzz -max_len=262144 -len_control=0 -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 \
  -print_final_stats=1 expression-corpus "$seeds"
