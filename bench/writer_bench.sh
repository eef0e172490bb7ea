#!/bin/bash
# Writing at the speed of reading (issue 16): `mlm-pca -k 3` printing the
# scores of 2,000,000 x 10 rows (6M numbers, shortest round trip) against its
# own fit (`--emit summary`), and what is left for writing against parsing the
# same 6M numbers back (bench/ceiling/parse_sum on the scores it wrote).
#
# From a file (and from stdin) the fit holds the rows it parses (within
# MLM_PCA_HOLD_MB, 512 MiB by default), so scores - fit is holding, projecting
# and writing; with MLM_PCA_HOLD_MB=0 the file is read a second time instead,
# and scores - fit adds that read. CPU seconds (user + system), medians of
# alternated rounds: the machine may be shared, and CPU time moves less than
# wall time. The writing runs twice more at MLM_THREADS=1: with more threads
# the rows are laid out as text on all of them (io/output_blocks.hpp), so the
# wall time of writing (scores - fit) should fall by the number of cores.
#
# The floor under scores - fit (bench/ceiling/write_floor.cpp), each round:
# holding 2M x 10 doubles in fresh memory (page faults) and Dragonbox's digits
# of the 6M scores alone, no text laid out. When the two come to more than
# parsing, the target is out of reach on this machine with Debian's fastest
# shortest round-trip; the rows say by how much.
#
# Environment: BENCH_ROUNDS (default 5), ROWS (default 2000000).
source "$(dirname "$0")/lib.sh"
bench_init writer
bench_need mlm-pca g++ /usr/bin/time "$BENCH_PYTHON"
T=$BENCH_TMP
rows=${ROWS:-2000000}

arch=-march=x86-64-v3  # as the tools are built, when the CPU has it
grep -qw avx2 /proc/cpuinfo && grep -qw fma /proc/cpuinfo && grep -qw bmi2 /proc/cpuinfo || arch=
g++ -std=c++20 -O2 $arch -o "$T/parse_sum" "$BENCH_DIR/ceiling/parse_sum.cpp"
[ -f /usr/include/fmt/format.h ] || {
    echo "bench writer: fmt not found (apt-get install libfmt-dev; make bench installs it)" >&2
    exit 2
}
g++ -std=c++20 -O2 $arch -DFMT_HEADER_ONLY -o "$T/write_floor" "$BENCH_DIR/ceiling/write_floor.cpp"

echo "bench writer: generating $rows x 10 in $T" >&2
A=$T/a.csv
"$BENCH_PYTHON" "$BENCH_DIR/pca_gen.py" "$rows" 10 "$A"
mlm-pca -k 3 "$A" > "$T/scores.csv"

# cpu NAME CMD: runs CMD through sh, stdout discarded; appends "NAME cpu wall".
cpu() {
    local name=$1
    shift
    /usr/bin/time -f "%U %S %e" -o "$T/time" sh -c "$*" > /dev/null
    awk -v n="$name" '{ printf "%s %.3f %.3f\n", n, $1 + $2, $3 }' "$T/time" >> "$T/times"
}
round() {
    cpu fit "mlm-pca -k 3 --emit summary $A"
    cpu scores "mlm-pca -k 3 $A"
    cpu scores_twice "MLM_PCA_HOLD_MB=0 mlm-pca -k 3 $A"
    cpu fit_stdin "mlm-pca -k 3 --emit summary < $A"
    cpu scores_stdin "mlm-pca -k 3 < $A"
    cpu parse6 "$T/parse_sum $T/scores.csv"
    cpu fit_t1 "MLM_THREADS=1 mlm-pca -k 3 --emit summary $A"
    cpu scores_t1 "MLM_THREADS=1 mlm-pca -k 3 $A"
    "$T/write_floor" "$rows" 10 "$T/scores.csv" | awk '{ print "hold", $1; print "digits", $2 }' >> "$T/times"
}
echo "bench writer: warm-up and $BENCH_ROUNDS alternated rounds" >&2
round
: > "$T/times"
for ((r = 1; r <= BENCH_ROUNDS; r++)); do round; done
median() {  # median NAME [wall]: of the CPU (or wall) times of NAME
    awk -v n="$1" -v c="$([ "${2:-}" = wall ] && echo 3 || echo 2)" '$1 == n { print $c }' "$T/times" |
        sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
fit=$(median fit) scores=$(median scores) fit_in=$(median fit_stdin) scores_in=$(median scores_stdin)
parse6=$(median parse6) twice=$(median scores_twice)
calc() { awk "BEGIN { printf \"%.3f\", $1 }"; }
write_file=$(calc "$scores - $fit")
write_twice=$(calc "$twice - $fit")
write_stdin=$(calc "$scores_in - $fit_in")

bench_row "scores 2Mx10 k=3 / fit (cpu s)" "$scores" "$fit" "$(calc "$scores / $fit")" "-" info
bench_row "  wall s, load $(cut -d' ' -f1 /proc/loadavg)" "$(median scores wall)" "$(median fit wall)" \
    "$(calc "$(median scores wall) / $(median fit wall)")" "-" info
bench_row "write 6M: scores - fit (held rows) vs parse 6M" "$write_file" "$parse6" \
    "$(calc "$write_file / $parse6")" "<= 1 (writing <= parsing)" \
    "$(bench_verdict "$(calc "$write_file / $parse6")" "<=" 1)"
fit1=$(median fit_t1) scores1=$(median scores_t1)
bench_row "  one thread: scores - fit vs parse 6M (cpu s)" "$(calc "$scores1 - $fit1")" "$parse6" \
    "$(calc "($scores1 - $fit1) / $parse6")" "-" info
wall_all=$(calc "$(median scores wall) - $(median fit wall)")
wall_one=$(calc "$(median scores_t1 wall) - $(median fit_t1 wall)")
bench_row "write wall: $(nproc) threads vs 1 (scores - fit, s)" "$wall_all" "$wall_one" \
    "$(calc "$wall_all / $wall_one")" "-" info
hold=$(median hold) digits=$(median digits)
bench_row "floor: Dragonbox digits of the 6M alone vs parse 6M" "$digits" "$parse6" \
    "$(calc "$digits / $parse6")" "-" info
bench_row "floor: hold 2Mx10 ($hold s) + those digits vs parse" "$(calc "$hold + $digits")" "$parse6" \
    "$(calc "($hold + $digits) / $parse6")" "-" info
bench_row "read twice (MLM_PCA_HOLD_MB=0): scores - fit" "$write_twice" "$parse6" \
    "$(calc "$write_twice / $parse6")" "-" info
bench_row "stdin: scores - fit (held rows) vs parse 6M" "$write_stdin" "$parse6" \
    "$(calc "$write_stdin / $parse6")" "-" info
bench_report
