#!/bin/bash
# Byte-identical output at any thread count, on inputs of many chunks: each
# reading-bound command runs with MLM_THREADS=1, 2 and 3 (and 64 KiB chunks, so
# that 3 MB make ~50 of them) and its stdout, stderr and status must be the same
# bytes. Then a bad cell deep in a late chunk must give the same message.
#   identity.sh BIN_DIR
set -u
bin=$1
export PATH="$bin:$PATH" MLM_CHUNK_BYTES=65536 LC_ALL=C
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
[ -n "${KEEP:-}" ] && trap - EXIT && echo "kept $tmp"
failures=0

# 40,000 rows: a label, four features, a class and a count; seeded, no randomness of awk's own.
awk 'BEGIN {
    print "label,x1,x2,x3,x4,y,class,n"
    s = 12345
    for (i = 0; i < 40000; i++) {
        for (j = 1; j <= 5; j++) { s = (s * 1103515245 + 12345) % 2147483648; u[j] = s / 2147483648 }
        c = u[5] < 0.3 ? "a" : (u[5] < 0.7 ? "b" : "c")
        printf "w%d,%.6f,%.6f,%.6f,%.6f,%.6f,%s,%d\n", int(u[1] * 50), u[1] * 3 + (c == "b"), u[2] - u[1], u[3] * 10,
            u[4] + u[2], 2 * u[1] - u[3] + 0.1 * u[4], c, 1 + int(u[4] * 9)
    }
}' > "$tmp/big.csv"
# Wide: 100 columns (past the 64 up to which mlm-pca keeps full co-moments
# from the start), 600 rows over ~9 chunks, and its first 80 rows (fewer rows
# than columns: the SVD route).
awk 'BEGIN {
    for (j = 1; j <= 100; j++) printf "w%d%s", j, j < 100 ? "," : "\n"
    s = 777
    for (i = 0; i < 600; i++)
        for (j = 1; j <= 100; j++) { s = (s * 1103515245 + 12345) % 2147483648; printf "%.6f%s", s / 2147483648, j < 100 ? "," : "\n" }
}' > "$tmp/wide.csv"
head -81 "$tmp/wide.csv" > "$tmp/wide80.csv"
cut -d, -f2 "$tmp/big.csv" > "$tmp/x1.csv"
cut -d, -f4 "$tmp/big.csv" > "$tmp/x3.csv"
cut -d, -f8 "$tmp/big.csv" > "$tmp/n.csv"

commands=(
    "mlm-entropy values -c label big.csv"
    "mlm-entropy values -c label -g class big.csv"
    "mlm-entropy --normalize n.csv"
    "cat big.csv | mlm-entropy values -c class"
    "mlm-kl samples x1.csv x3.csv"
    "mlm-pca --emit summary -c x1,x2,x3,x4 big.csv"
    "mlm-pca -k 2 -c x1,x2,x3,x4 big.csv"
    # Scores laid out on worker threads (io/output_blocks.hpp) and written in order:
    # held rows, stdin, the second read of the file, a saved model, every format.
    "mlm-pca -k 3 --keep label -c x1,x2,x3,x4 big.csv"
    "cat big.csv | mlm-pca -k 2 --keep label,class -c x1,x2,x3 -t jsonl"
    "MLM_PCA_HOLD_MB=0 mlm-pca -k 2 -c x1,x2,x3,x4 -t tsv big.csv"
    "mlm-pca -k 2 -c x1,x2,x4 -t json --precision 5 big.csv"
    "mlm-pca -k 2 -c x1,x2,x3 --save-model m.json big.csv > /dev/null && mlm-pca apply --model m.json --keep label big.csv"
    "mlm-dist fit normal x1.csv"
    "mlm-bayes nb fit --target class -c x1,x2,x3,x4 big.csv"
    "mlm-gd fit --target y -c x1,x2,x3,x4 big.csv"
    # The forms whose per-chunk partial results are merged in input order.
    "mlm-entropy --normalize -c x1,x3,n big.csv"
    "mlm-entropy --normalize -c x3,n -g label big.csv"
    "mlm-entropy cond -c label --given class big.csv"
    "mlm-entropy mi -c label,x4 -g class big.csv"
    "mlm-entropy mi -c label,class --to json big.csv"
    "mlm-kl samples -c x1,x3 --quantile-bins 20 big.csv"
    "mlm-kl samples -c x1,x3 --bins 10 --range 0,10 big.csv"
    "mlm-kl samples --categorical -c class,label big.csv"
    "mlm-dist fit normal -c x1,x2 big.csv"
    "mlm-dist fit poisson -c n big.csv"
    "mlm-dist fit exponential -c x3 big.csv"
    "mlm-dist fit normal --to json x1.csv - < x1.csv"
    "mlm-bayes nb fit --target class --kind multinomial -c x1,x3 big.csv"
    "mlm-bayes nb fit --target label -c x1,x2 --partial big.csv"
    "mlm-pca --partial -c x1,x2,x3,x4 big.csv"
    "mlm-pca --emit components --method svd -c x1,x2,x3,x4 big.csv"
    "mlm-pca -k 3 --emit summary wide.csv"
    "mlm-pca -k 3 --emit summary --method cov wide.csv"
    "mlm-pca -k 3 --emit summary --method svd wide.csv"
    "mlm-pca -k 3 --emit summary wide80.csv"
)

# Runs "$1" with MLM_THREADS=$2 in $tmp; prints its stdout, stderr and status.
run() {
    (cd "$tmp" && MLM_THREADS=$2 sh -c "$1" >out.$2 2>err.$2; echo "status $?" >>err.$2)
    cat "$tmp/out.$2" "$tmp/err.$2"
}

check() {  # a command's three runs must be the same bytes
    local one two three
    one=$(run "$1" 1 | cksum) two=$(run "$1" 2 | cksum) three=$(run "$1" 3 | cksum)
    if [ "$one" = "$two" ] && [ "$one" = "$three" ] && [ -s "$tmp/out.1" -o -n "${2-}" ]; then
        echo "ok: $1"
    else
        echo "FAIL: $1 differs between thread counts (or printed nothing)"
        run "$1" 1 | head -5
        run "$1" 3 | head -5
        failures=$((failures + 1))
    fi
}

for c in "${commands[@]}"; do check "$c"; done

# A bad cell deep in a late chunk, and a value each converted tool refuses there:
# the same bytes at any thread count, with the true place where the tool gives one.
late() {  # COMMAND EXPECTED: the same bytes at 1, 2, 3 threads, and EXPECTED in them
    check "$1" expect-error
    local msg
    msg=$(run "$1" 3)
    if [[ "$msg" == *"$2"* && "$msg" == *"status 3"* ]]; then
        echo "ok: $1 refuses: $2"
    else
        echo "FAIL: $1: expected $2, got: $msg"
        failures=$((failures + 1))
    fi
}
awk -F, -v OFS=, 'NR == 35002 { $3 = "1.5x" } { print }' "$tmp/big.csv" > "$tmp/bad.csv"
late "mlm-pca --emit summary -c x1,x2,x3,x4 bad.csv" 'bad.csv:35002:3: expected a number, got "1.5x"'

awk -F, -v OFS=, 'NR == 35002 { $2 = "-inf"; $8 = "-3" } { print }' "$tmp/big.csv" > "$tmp/refused.csv"
late "mlm-entropy --normalize -c n refused.csv" "refused.csv:35002:8: weights must be finite and >= 0, got -3"
late "mlm-kl samples -c x1,x3 refused.csv" "refused.csv:35002:2: a sample value must be a finite number"
late "mlm-dist fit normal -c x1 refused.csv" "cannot fit normal: every value must be a finite number, got -inf"
late "mlm-dist fit poisson -c n refused.csv" "cannot fit poisson: values must be counts 0, 1, 2, ..., got -3"
late "mlm-bayes nb fit --target class -c x1,x2 refused.csv" \
    'refused.csv:35002: feature "x1" is -inf: naive Bayes needs finite values'
late "mlm-bayes nb fit --target class --kind multinomial -c x3,n refused.csv" \
    'refused.csv:35002: feature "n" is -3: multinomial naive Bayes needs counts >= 0'

[ "$failures" -eq 0 ] || { echo "$failures failed"; exit 1; }
