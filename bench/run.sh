#!/bin/bash
# Runs the benchmarks: every bench/*_bench.sh in turn, or only those named
# (`bench/run.sh entropy` runs bench/entropy_bench.sh). The tools are taken from
# PATH (`make bench` puts build/bin first). Status 1 when a target failed.
set -uo pipefail
dir=$(cd "$(dirname "$0")" && pwd)

if [ $# -gt 0 ]; then
    scripts=()
    for name in "$@"; do
        script="$dir/${name%_bench.sh}_bench.sh"
        if [ ! -f "$script" ]; then
            echo "bench/run.sh: no benchmark '$name' (have: $(cd "$dir" && ls *_bench.sh | sed 's/_bench.sh//' | tr '\n' ' '))" >&2
            exit 2
        fi
        scripts+=("$script")
    done
else
    scripts=("$dir"/*_bench.sh)
fi

failed=()
for script in "${scripts[@]}"; do
    name=$(basename "$script" _bench.sh)
    echo "== bench $name: $(date -u +%H:%M:%S) UTC, load $(cut -d' ' -f1-3 /proc/loadavg)"
    bash "$script" || failed+=("$name")
done
if [ ${#failed[@]} -gt 0 ]; then
    echo "bench: targets missed or errors in: ${failed[*]}" >&2
    exit 1
fi
