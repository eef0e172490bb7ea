#!/usr/bin/env bash
# The completion scripts of one tool (cmake/tool.cmake writes them at build
# time from the tool's --completions), checked generically against its --help:
# bash driven through COMP_WORDS/COMP_CWORD (every long option and subcommand
# offered, value sets of --from/--to, column names from the header of the file
# on the line, plain and gzip, lists after a comma, files), zsh -n and fish -n
# on the others, and fish's own `complete -C` for the options.
#   completions.sh TOOL BIN_DIR COMPLETIONS_DIR
set -u
tool=$1 bin=$2 dir=$3
exe="$bin/$tool"
fails=0 passes=0
fail() { echo "FAIL $tool: $*"; fails=$((fails + 1)); }
pass() { passes=$((passes + 1)); }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/mlm-completions.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
printf 'alpha,beta,"gamma ray"\n1,2,3\n' > "$tmp/t.csv"
gzip -c "$tmp/t.csv" > "$tmp/z.csv.gz"

fn=_${tool//-/_}
# shellcheck disable=SC1090
source "$dir/bash/$tool" || fail "bash cannot source $dir/bash/$tool"
declare -F "$fn" >/dev/null && pass || fail "no function $fn in the bash script"
complete -p "$tool" >/dev/null 2>&1 && pass || fail "no complete -F for $tool"

# comp WORD... : what bash offers for the last word.
comp() {
  COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMPREPLY=()
  "$fn"
  printf '%s\n' "${COMPREPLY[@]}"
}
offers() {  # offers EXPECTED WORD...: EXPECTED is among the completions
  local want=$1; shift
  comp "$@" | grep -qxF -- "$want" && pass || fail "'$*<TAB>' does not offer '$want' (offers: $(comp "$@" | tr '\n' ' '))"
}

subs=$("$exe" --help 2>/dev/null | awk '/^Subcommands:/{on=1; next} on && /^  [a-z]/{print $1} on && /^$/{on=0}')
for s in $subs; do offers "$s" "$tool" ""; done
for cmd in "" $subs; do
  help=$("$exe" $cmd --help 2>/dev/null)
  for opt in $(printf '%s\n' "$help" | grep -oE -- '--[a-z][a-z0-9-]+' | sort -u); do
    # Only options declared on this command (a description may name another's).
    printf '%s\n' "$help" | grep -qE -- "^ +(-[a-zA-Z], ?)?$opt([ ,=]|$)" || continue
    offers "$opt" "$tool" $cmd "--"
  done
  if printf '%s\n' "$help" | grep -qE -- '--to( |$)'; then
    [ "$(comp "$tool" $cmd --to "" | tr '\n' ' ')" = "csv tsv json jsonl " ] && pass ||
      fail "'$tool $cmd --to <TAB>' offers '$(comp "$tool" $cmd --to "" | tr '\n' ' ')'"
  fi
  if printf '%s\n' "$help" | grep -qE -- '--from( |$)'; then
    [ "$(comp "$tool" $cmd --from = j | tr '\n' ' ')" = "json jsonl " ] && pass ||
      fail "'$tool $cmd --from=j<TAB> (words --from = j)' offers '$(comp "$tool" $cmd --from = j | tr '\n' ' ')'"
  fi
  if printf '%s\n' "$help" | grep -qE -- '--columns( |$)'; then
    offers alpha "$tool" $cmd "$tmp/t.csv" -c ""
    offers "gamma ray" "$tool" $cmd "$tmp/t.csv" --columns "g"
    offers "alpha,beta" "$tool" $cmd "$tmp/t.csv" -c "alpha,b"
    offers beta "$tool" $cmd "$tmp/z.csv.gz" -c "b"
  fi
  if printf '%s\n' "$help" | grep -qE '^Usage: .*FILE'; then offers "$tmp/t.csv" "$tool" $cmd "$tmp/t.c"; fi
done

if command -v zsh >/dev/null; then
  zsh -n "$dir/zsh/_$tool" && pass || fail "zsh -n $dir/zsh/_$tool"
  head -n 1 "$dir/zsh/_$tool" | grep -qx "#compdef $tool" && pass || fail "no #compdef line"
else
  fail "zsh is not installed (make deps)"
fi
if command -v fish >/dev/null; then
  fish -n "$dir/fish/$tool.fish" && pass || fail "fish -n $dir/fish/$tool.fish"
  # Only our scripts, loaded the way fish loads them (not an installed mlm's),
  # with the tools on PATH as a user has them: fish 3.6 may offer nothing for a
  # command it cannot find.
  got=$(PATH="$bin:$PATH" fish -c "set fish_complete_path $dir/fish; complete -C '$tool --'" 2>&1 | cut -f1)
  for opt in $("$exe" --help 2>/dev/null | grep -oE -- '^ +(-[a-zA-Z], ?)?--[a-z][a-z0-9-]+' | grep -oE -- '--[a-z0-9-]+'); do
    printf '%s\n' "$got" | grep -qxF -- "$opt" && pass || fail "fish does not offer $opt"
  done
else
  fail "fish is not installed (make deps)"
fi
# The front door hands the words after a tool's name to that tool's own
# completion: `mlm kl ...<TAB>` offers what `mlm-kl ...<TAB>` does.
if [ "$tool" = mlm ] && [ -x "$bin/mlm-kl" ]; then
  front() {  # what _mlm_front offers for the last word
    COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMPREPLY=()
    _mlm_front
    printf '%s\n' "${COMPREPLY[@]}"
  }
  want=$("$bin/mlm-kl" --help | grep -oE -- '^ +(-[a-zA-Z], ?)?--[a-z][a-z0-9-]+' | grep -oE -- '--[a-z0-9-]+' | sort -u)
  got=$(front mlm kl -- | sort -u)
  for opt in $want; do
    printf '%s\n' "$got" | grep -qxF -- "$opt" && pass || fail "'mlm kl --<TAB>' does not offer $opt"
  done
  [ "$(front mlm kl --from = j | tr '\n' ' ')" = "json jsonl " ] && pass ||
    fail "'mlm kl --from=j<TAB>' offers '$(front mlm kl --from = j | tr '\n' ' ')'"
  front mlm kl "$tmp/t.csv" -c "b" | grep -qx beta && pass || fail "'mlm kl t.csv -c b<TAB>' does not offer beta"
  front mlm help k | grep -qx kl && pass || fail "'mlm help k<TAB>' does not offer kl"
  front mlm k | grep -qx kl && pass || fail "'mlm k<TAB>' does not offer kl"
  if command -v fish >/dev/null; then
    got=$(PATH="$bin:$PATH" fish -c "set fish_complete_path $dir/fish; complete -C 'mlm kl --'" 2>&1 | cut -f1 | sort -u)
    for opt in $want; do
      printf '%s\n' "$got" | grep -qxF -- "$opt" && pass || fail "fish: 'mlm kl --<TAB>' does not offer $opt"
    done
    PATH="$bin:$PATH" fish -c "set fish_complete_path $dir/fish; complete -C 'mlm help k'" | grep -qx kl && pass ||
      fail "fish: 'mlm help k<TAB>' does not offer kl"
  fi
fi
echo "$passes passed, $fails failed"
[ $fails -eq 0 ]
