#!/bin/bash
# Installs @duckdb/node-api (the pinned version, checked on node 20) from the
# npm registry into a cache outside the repository, when it is not there yet,
# and prints that directory. Status 3 with a message when node or npm is
# missing: the DuckDB benches then skip their rows.
#
#   bench/duckdb/install.sh   (MLM_DUCKDB_DIR: the cache, default
#                              ~/.cache/mlm-bench/duckdb-VERSION)
set -euo pipefail
version=1.5.6-r.1
dir=${MLM_DUCKDB_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/mlm-bench/duckdb-$version}

for c in node npm; do
    if ! command -v "$c" >/dev/null 2>&1; then
        echo "duckdb: '$c' not found: the DuckDB rows are skipped (Debian: apt-get install nodejs npm)" >&2
        exit 3
    fi
done
major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$major" -lt 18 ]; then
    echo "duckdb: node $(node --version) is older than 18: the DuckDB rows are skipped" >&2
    exit 3
fi
if [ ! -f "$dir/node_modules/@duckdb/node-api/package.json" ]; then
    echo "duckdb: installing @duckdb/node-api@$version into $dir" >&2
    mkdir -p "$dir"
    npm install --prefix "$dir" --no-audit --no-fund --no-save --loglevel=error \
        "@duckdb/node-api@$version" >&2
fi
echo "$dir"
