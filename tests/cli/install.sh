#!/usr/bin/env bash
# `make install` into a temporary prefix (cmake --install, what it runs): every
# built tool in bin/, its man page where `man -M PREFIX/share/man` finds it,
# mlm.7 beside them, and its completions where bash, zsh and fish look.
#   install.sh BUILD_DIR
set -u
build=$1
fails=0 passes=0
fail() { echo "FAIL install: $*"; fails=$((fails + 1)); }
pass() { passes=$((passes + 1)); }
prefix=$(mktemp -d "${TMPDIR:-/tmp}/mlm-install.XXXXXX")
trap 'rm -rf "$prefix"' EXIT

cmake --install "$build" --prefix "$prefix" >/dev/null && pass || fail "cmake --install failed"
tools=$(cd "$build/bin" && ls mlm mlm-* 2>/dev/null)
[ -n "$tools" ] && pass || fail "no tools in $build/bin"
for t in $tools; do
  [ -x "$prefix/bin/$t" ] && pass || fail "$prefix/bin/$t missing"
  "$prefix/bin/$t" --version | grep -q "^$t (mlm) " && pass || fail "$prefix/bin/$t --version"
  man -M "$prefix/share/man" -w "$t" 2>/dev/null | grep -qx "$prefix/share/man/man1/$t.1" && pass ||
    fail "man -M $prefix/share/man does not find $t"
  [ -s "$prefix/share/bash-completion/completions/$t" ] && pass || fail "no bash completion for $t"
  [ -s "$prefix/share/zsh/vendor-completions/_$t" ] && pass || fail "no zsh completion for $t"
  [ -s "$prefix/share/fish/vendor_completions.d/$t.fish" ] && pass || fail "no fish completion for $t"
done
man -M "$prefix/share/man" -w 7 mlm 2>/dev/null | grep -qx "$prefix/share/man/man7/mlm.7" && pass || fail "mlm.7 not found"
MANPAGER=cat man -M "$prefix/share/man" mlm-kl 2>/dev/null | grep -q 'how different two distributions' && pass ||
  fail "man -M $prefix/share/man mlm-kl does not render the page"
# The installed front door finds the installed tools beside it.
PATH=/usr/bin:/bin "$prefix/bin/mlm" | grep -q '^  kl ' && pass || fail "installed mlm does not list kl"
echo "$passes passed, $fails failed"
[ $fails -eq 0 ]
