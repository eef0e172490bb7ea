#!/usr/bin/env bash
# The checks every tool gets for free (cmake/tool.cmake): -h, --help and
# --version on stdout with status 0, -h fits an 80x24 terminal and --help 80
# columns (the tool and each subcommand), an unknown option is status 2 with
# one GNU-style line, --version to a full disk is status 5 (each tool's cases
# test its own results to /dev/full), and the man page exists, passes
# mandoc -Tlint and mentions every long option of --help (and of each subcommand).
set -u
tool=$1 bin=$2 man=$3
exe="$bin/$tool"
page="$man/$tool.1"
fails=0 passes=0
fail() { echo "FAIL $tool: $*"; fails=$((fails + 1)); }
pass() { passes=$((passes + 1)); }

widest() { awk '{ if (length($0) > w) w = length($0) } END { print w + 0 }'; }
# check_help CMD...: -h within 24 lines and 80 columns, --help within 80 columns.
check_help() {
  local out st lines width
  out=$("$@" -h 2>/dev/null); st=$?
  [ $st -eq 0 ] && [ -n "$out" ] && pass || fail "$* -h: status $st or empty stdout"
  lines=$(printf '%s\n' "$out" | wc -l); width=$(printf '%s\n' "$out" | widest)
  [ "$lines" -le 24 ] && pass || fail "$* -h is $lines lines; it must fit an 80x24 terminal"
  [ "$width" -le 80 ] && pass || fail "$* -h is $width columns wide; at most 80"
  out=$("$@" --help 2>/dev/null); st=$?
  [ $st -eq 0 ] && [ -n "$out" ] && pass || fail "$* --help: status $st or empty stdout"
  width=$(printf '%s\n' "$out" | widest)
  [ "$width" -le 80 ] && pass || fail "$* --help is $width columns wide; at most 80"
}
subs=$("$exe" --help 2>/dev/null | awk '/^Subcommands:/{on=1; next} on && /^  [a-z]/{print $1} on && /^$/{on=0}')
check_help "$exe"
for s in $subs; do check_help "$exe" "$s"; done

out=$("$exe" --version 2>/dev/null); st=$?
[ $st -eq 0 ] && [[ "$out" =~ ^$tool\ \(mlm\)\ [0-9]+\.[0-9]+\.[0-9]+$ ]] && pass || fail "--version printed '$out' (status $st)"

err=$("$exe" --no-such-option 2>&1 >/dev/null </dev/null); st=$?
[ $st -eq 2 ] && pass || fail "unknown option: status $st, expected 2"
[ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] && [[ "$err" == "$tool: "* ]] && pass || fail "unknown option: stderr '$err'"

err=$("$exe" --version 2>&1 >/dev/full); st=$?
[ $st -eq 5 ] && [[ "$err" == "$tool: "* ]] && pass || fail "--version >/dev/full: status $st, expected 5 and a message"

if [ ! -f "$page" ]; then
  fail "no man page $page"
else
  pass
  if command -v mandoc >/dev/null; then
    lint=$(mandoc -Tlint -W warning "$page" 2>&1)
    [ -z "$lint" ] && pass || fail "mandoc -Tlint: $lint"
  fi
  helps=$("$exe" --help; for s in $subs; do "$exe" "$s" --help; done)
  # Compare with the page as rendered, so mdoc and man(7) sources both work.
  text=$(mandoc -Tascii "$page" 2>/dev/null | sed 's/.\x08//g')
  for opt in $(printf '%s\n' "$helps" | grep -oE -- '--[a-z][a-z0-9-]+' | sort -u); do
    if printf '%s\n' "$text" | grep -qE -- "${opt}([^a-z0-9-]|$)"; then pass; else fail "option $opt is missing from $page"; fi
  done
  for s in $subs; do
    printf '%s\n' "$text" | grep -qw -- "$s" && pass || fail "subcommand $s is missing from $page"
  done
fi
echo "$passes passed, $fails failed"
[ $fails -eq 0 ]
