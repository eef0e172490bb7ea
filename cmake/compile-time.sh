#!/bin/sh
# A compiler launcher that logs what each compile and link costs, to see where
# the build's time goes (CI has no compiler cache, so measure without one):
#   CCACHE_DISABLE=1 make test CMAKE_ARGS="-DCMAKE_CXX_COMPILER_LAUNCHER=$PWD/cmake/compile-time.sh \
#     -DCMAKE_CXX_LINKER_LAUNCHER=$PWD/cmake/compile-time.sh"
#   sort -k2 -nr /tmp/mlm-compile-times.log | head     # the dearest by CPU seconds
# One line per command: wall seconds, user seconds, system seconds, output file.
out="" prev=""
for a in "$@"; do
  [ "$prev" = "-o" ] && out=$a
  prev=$a
done
case $out in /*) ;; *) out=$PWD/$out ;; esac
exec /usr/bin/time -a -o "${MLM_COMPILE_TIMES:-/tmp/mlm-compile-times.log}" -f "%e %U %S $out" "$@"
