#!/usr/bin/env bash
# Builds the table reader fuzz target with clang (libFuzzer, ASan, UBSan) into
# build-fuzz/ and runs it for SECONDS (default 60) on a seed corpus made from
# tests/data. A crash leaves its input in build-fuzz/ (crash-*): keep it under
# tests/data/fuzz-regressions/ with a unit test that reads it.
set -euo pipefail
seconds=${1:-60}
root=$(cd "$(dirname "$0")/.." && pwd)
# fuzz/run.sh SECONDS expression: the expression parser and evaluators instead.
if [[ ${2:-} == expression ]]; then exec bash "$root/fuzz/expression_run.sh" "$seconds"; fi
out=$root/build-fuzz
mkdir -p "$out/corpus"

source "$root/fuzz/build.sh"
build_fuzzer table_reader_fuzz io

# Seeds: every small file under tests/data, each prefixed by a few option bytes
# so the fuzzer starts from every format and header mode.
seeds=$out/seeds
rm -rf "$seeds"
mkdir -p "$seeds"
i=0
while IFS= read -r -d '' f; do
  for b in 0 1 2 3 4 5 10 71 129; do
    { printf "\\$(printf %03o "$b")"; head -c 4000 "$f"; } > "$seeds/seed-$i-$b"
  done
  i=$((i + 1))
done < <(find "$root/tests/data" -type f -size -8k -print0)

# Deep seeds, made here rather than committed: 200 kB of nested arrays and
# objects, whole and cut short, so that the fuzzer starts past the depth limit.
python3 - "$seeds" <<'PY'
import sys
out = sys.argv[1]
deep = {
    "arrays": "[" * 100000 + "]" * 100000,
    "open-arrays": "[" * 200000,
    "objects": '{"a":' * 40000 + "1" + "}" * 40000,
    "cell": "[[1," + "[" * 100000 + "]" * 100000 + "]]",
    "lines": "[1]\n" + "[" * 100000 + "\n",
}
for name, text in deep.items():
    for b in (0, 3, 4):
        with open(f"{out}/deep-{name}-{b}", "wb") as f:
            f.write(bytes([b]) + text.encode())
PY

cd "$out"
# -max_len 256 kB: long enough for 100,000 levels of nesting.
exec ./table_reader_fuzz -max_len=262144 -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
  -print_final_stats=1 corpus "$seeds"
