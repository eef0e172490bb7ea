#!/usr/bin/env bash
# Runs examples/NAME.sh exactly as a user would (tools on PATH) and compares its
# stdout with examples/NAME.expected, numbers within 1e-12 relative, through
# the same comparison the case tables use.
set -eu
script=$1 bin=$2 cases_runner=$3
expected="${script%.sh}.expected"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
{
  echo "### $(basename "$script") prints $(basename "$expected")"
  echo "\$ bash $script"
  sed 's/^/> /' "$expected"  # a blank line becomes "> ", which matches an empty line
  echo '!*'
  echo '~ 1e-12'
} > "$tmp/example.cases"
"$cases_runner" --bin "$bin" --data "$(dirname "$script")" "$tmp/example.cases"
