#!/usr/bin/env bash
# The cross-tool hostile-input suite: every tool, fed every hostile input in
# the forms that read it, must keep the contract's promise "no crash, hang or
# silent wrong number on any input" (CONTRACT.md section 5).
#
#   usage: run.sh BIN_DIR        (HOSTILE_KEEP=DIR keeps each failing run's
#                                 command and stderr there, for the report)
#
# For every run it checks:
#   status    one of the contract's 0-5: never a signal, a timeout or 126/127
#   sanitizer no AddressSanitizer/LeakSanitizer/UBSan report on stderr
#   message   when the status is not 0: stderr is exactly one line, starting
#             "mlm-TOOL: ", at most 300 characters, no NUL/CR/ESC, valid UTF-8
#   time      within 30 s under ASan, 10 s otherwise
# and, where the contract fixes the answer, that answer (status, words of the
# message, the number printed). It prints one line per failing
# (input, form, check) and closes with "N passed, M failed".
#
# The inputs are made at test time by generate.py (never committed: some are
# megabytes); expected numbers come from tests/reference/hostile_reference.txt
# (scipy), never from our own output.
set -u
bin=${1:?usage: run.sh BIN_DIR}
bin=$(cd "$bin" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
ref=$here/../reference/hostile_reference.txt
keep=${HOSTILE_KEEP:-}
work=$(mktemp -d "${TMPDIR:-/tmp}/mlm-hostile.XXXXXX")
trap 'rm -rf "$work"' EXIT
G=$work/in
mkdir -p "$work/run" "$work/dir"
[ -n "$keep" ] && mkdir -p "$keep"

export PATH="$bin:$PATH" LC_ALL=C
ulimit -c 0  # a crash is reported here, not dumped
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:allocator_may_return_null=1
export UBSAN_OPTIONS=print_stacktrace=1
# Sanitized binaries are several times slower: give them more time.
if grep -q __asan_init "$bin/mlm-entropy" 2>/dev/null; then limit=30; else limit=10; fi

passes=0 fails=0
pass() { passes=$((passes + 1)); }
# fail CHECK DETAIL: one line per failing (input, form, check).
fail() {
  fails=$((fails + 1))
  printf 'FAIL %s | %s (%s) | %s: %s\n' "$cur_input" "$cur_form" "$cur_mode" "$1" "$2"
}
# The first line of stderr, control bytes made visible, cut to 160 characters.
first_line() { head -c 4000 "$1" | head -1 | cat -v | cut -c1-160; }

python3 "$here/generate.py" "$G" || { echo "generate.py failed"; echo "0 passed, 1 failed"; exit 1; }
ref_value() { sed -n "s/^$1=//p" "$ref"; }

# --- the forms: how each tool reads a file (@ stands for the file) ----------
declare -A FORM=(
  [e_weights]="mlm-entropy @"
  [e_values]="mlm-entropy values -c 1 @"
  [e_cond]="mlm-entropy cond -c 1 --given 2 @"
  [e_mi]="mlm-entropy mi -c 1,2 @"
  [e_gain]="mlm-entropy gain --target 1 @"
  [e_xent]="mlm-entropy xent --target 1 -c 2 @"
  [e_bytes]="mlm-entropy bytes @"
  [e_rows]="mlm-entropy --rows @"
  [k_weights]="mlm-kl -c 1 @ $G/good_weights.csv"
  [k_samples]="mlm-kl samples -c 1 @ $G/good_points.csv"
  [k_gauss_p]="mlm-kl gauss --p @ --q $G/good_gauss.json"
  [k_gauss_q]="mlm-kl gauss --p $G/good_gauss.json --q @"
  [p_fit]="mlm-pca @"
  [p_model]="mlm-pca --emit model @"
  [p_apply]="mlm-pca apply --model $work/model.json @"
  [p_apply_model]="mlm-pca apply --model @ $G/good_points.csv"
  [g_rows]="mlm-grad 'x*y' @"
  [e_weights_j]="mlm-entropy -f json @"
  [e_values_j]="mlm-entropy values -c 1 -f json @"
  [k_weights_j]="mlm-kl -c 1 -f json @ $G/good_weights.csv"
  [p_fit_j]="mlm-pca -f json @"
  [g_rows_j]="mlm-grad -f json 'x*y' @"
  [v_norm]="mlm-vec norm @"
  [v_near]="mlm-vec nearest --zero-safe -k 3 --query 1,1 @"
  [d_fit]="mlm-gd fit --target 2 @"
  [d_soft]="mlm-gd fit --model softmax --target 2 --l2 0.1 @"
  [b_nb_fit]="mlm-bayes nb fit --target 1 @"
  [b_nb_predict]="mlm-bayes nb predict --model $work/nb.json @"
  [b_nb_model]="mlm-bayes nb predict --model @ $G/good_xent.csv"
  [b_theorem]="mlm-bayes theorem @"
  [b_update]="mlm-bayes update --prior beta:1,1 -c 1 @"
)
# A good input for each form: what the fault checks (FIFO, /dev/full) feed it.
declare -A GOOD=(
  [e_weights]=good_weights.csv [e_values]=good_labels.csv [e_cond]=good_labels.csv
  [e_mi]=good_labels.csv [e_gain]=good_labels.csv [e_xent]=good_xent.csv
  [e_bytes]=good_weights.csv [e_rows]=good_rows.csv [k_weights]=good_weights.csv
  [k_samples]=good_points.csv [k_gauss_p]=good_gauss.json [k_gauss_q]=good_gauss.json
  [p_fit]=good_points.csv [p_model]=good_points.csv [p_apply]=good_points.csv
  [p_apply_model]=model.json [g_rows]=good_points.csv
  [v_norm]=good_points.csv [v_near]=good_points.csv
)
TABLE="e_weights e_values e_cond e_mi e_gain e_xent e_rows k_weights k_samples p_fit p_apply g_rows v_norm v_near"
NUMERIC="e_weights e_rows k_weights k_samples p_fit g_rows v_norm v_near"
LABELS="e_values e_cond e_mi e_gain e_xent p_apply"
JSONSIDE="k_gauss_p p_apply_model"
FORCED_JSON="e_weights_j e_values_j k_weights_j p_fit_j g_rows_j"
# Forms also fed on standard input (as `-`): one or two per tool.
STDIN_FORMS=" e_weights e_values k_weights p_fit g_rows v_norm v_near "
# mlm-plot: hist reads one numeric column and draws it (in plain text off a terminal).
FORM[pl_hist]="mlm-plot hist -c 1 @"
FORM[pl_hist_j]="mlm-plot hist -c 1 -f json @"
GOOD[pl_hist]=good_points.csv
TABLE="$TABLE pl_hist" NUMERIC="$NUMERIC pl_hist" FORCED_JSON="$FORCED_JSON pl_hist_j"
STDIN_FORMS="$STDIN_FORMS pl_hist "
# mlm-gd fit: linear on numbers, softmax on a label target.
GOOD[d_fit]=good_points.csv GOOD[d_soft]=good_points.csv
TABLE="$TABLE d_fit d_soft" NUMERIC="$NUMERIC d_fit" LABELS="$LABELS d_soft"
STDIN_FORMS="$STDIN_FORMS d_fit "
# mlm-bayes: nb fit on a label target, theorem's table.
GOOD[b_nb_fit]=good_xent.csv
TABLE="$TABLE b_nb_fit" LABELS="$LABELS b_nb_fit"
STDIN_FORMS="$STDIN_FORMS b_nb_fit b_theorem "
# mlm-dist: values at every number, a fit, the ECDF and the two-sample test.
FORM[ds_cdf]="mlm-dist cdf normal:0,1 @"
FORM[ds_fit]="mlm-dist fit normal -c 1 @"
FORM[ds_ecdf]="mlm-dist ecdf -c 1 @"
FORM[ds_test]="mlm-dist test -c 1 @ $G/good_points.csv"
GOOD[ds_cdf]=good_points.csv GOOD[ds_fit]=good_points.csv GOOD[ds_ecdf]=good_points.csv
GOOD[ds_test]=good_points.csv
TABLE="$TABLE ds_cdf ds_fit ds_ecdf ds_test"
NUMERIC="$NUMERIC ds_cdf ds_fit ds_ecdf ds_test"
STDIN_FORMS="$STDIN_FORMS ds_cdf ds_fit "

# -g: the groups split among the threads (io/group_shards.hpp), a reader path
# of its own: every hostile input through it, the contract's checks only.
FORM[e_values_g]="mlm-entropy values -c 1 -g 2 @"
FORM[e_weights_g]="mlm-entropy --normalize -c 1 -g 2 @"
FORM[k_samples_g]="mlm-kl samples -c 1,2 -g 2 @"
GROUPED="e_values_g e_weights_g k_samples_g"
STDIN_FORMS="$STDIN_FORMS e_values_g "

# The model the apply form reads.
setup_fails=0
mlm-pca --emit model "$G/good_points.csv" >"$work/model.json" 2>/dev/null || {
  echo "FAIL good_points.csv | p_model (setup) | status: mlm-pca --emit model failed; the p_apply forms cannot run"
  setup_fails=1
}
cp "$work/model.json" "$G/model.json" 2>/dev/null
# The naive Bayes model the b_nb_predict form reads (features named p).
mlm-bayes nb fit --target 1 --save-model "$work/nb.json" "$G/good_xent.csv" >/dev/null 2>&1 || {
  echo "FAIL good_xent.csv | b_nb_fit (setup) | status: mlm-bayes nb fit failed; b_nb_predict cannot run"
  setup_fails=1
}
if [ "$(id -u)" -eq 0 ]; then
  unreadable=/proc/self/mem
else
  unreadable=$work/unreadable.csv
  cp "$G/good_points.csv" "$unreadable" && chmod 000 "$unreadable"
fi

# --- one run and its checks ---------------------------------------------------
# execute CMD STDIN: runs CMD (a bash command line) in $work/run, under
# timeout, with STDIN as standard input; sets st, out, err.
out=$work/out err=$work/err
execute() {
  local t0=$EPOCHREALTIME
  (cd "$work/run" && timeout -k 2 "$limit" bash -c "$1" <"$2" >"$out" 2>"$err") 2>/dev/null
  st=$?
  [ -n "$keep" ] && echo "$(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.2f", b - a }') $1" >>"$keep/times.txt"
}

# The message checks in one process (they run on most of the ~700 runs):
# prints why stderr is not one good line (after a header-guess note, if
# any), or nothing.
message_check='
  my ($tool, $file) = @ARGV;
  open(my $fh, "<:raw", $file) or die; local $/; my $t = <$fh> // "";
  # The header guess may note its choice on a line of its own before the error.
  $t =~ s/^\Q$tool\E: [^\n]*: took the first row as [^\n]*\n//;
  my $n = () = $t =~ /\n/g; $n++ if length($t) && substr($t, -1) ne "\n";
  if ($n != 1) { print "$n lines on stderr, expected 1"; exit }
  if (index($t, "$tool: ") != 0) { print "does not start with \x27$tool: \x27"; exit }
  if ($t =~ /[\x00\r\x1b]/) { print "raw NUL/CR/ESC in the message"; exit }
  require Encode; my $u = eval { Encode::decode("UTF-8", $t, Encode::FB_CROAK()) };
  if (!defined $u) { print "not valid UTF-8"; exit }
  chomp $u; if (length($u) > 300) { print length($u) . " characters, at most 300" }'

# check TOOL EXPECT...: the checks every run gets, then the expectations.
# Expectations: st=N|M (status in the set), err~ERE / err!~ERE (stderr
# matches / does not), errname (stderr names the input file, file mode only),
# out=X (first stdout field is the number X within 1e-9 relative),
# outlines=N (stdout has N lines), quiet (stderr empty).
check() {
  local tool=$1; shift
  local cmdline=$cur_cmd
  local bad=0 why
  case $st in
    124 | 137) fail time "no result within ${limit}s (status $st): $cmdline"; bad=1 ;;
    [0-5]) pass ;;
    141) if [ "$cur_mode" = closed-pipe ]; then pass; else fail status "killed by SIGPIPE"; bad=1; fi ;;
    *) if [ "$st" -gt 128 ]; then fail status "killed by signal $((st - 128)): $(first_line "$err")"
       else fail status "status $st is not one of 0-5: $(first_line "$err")"; fi; bad=1 ;;
  esac
  if [ -s "$err" ] && grep -aqE 'ERROR: (Address|Leak|Undefined)Sanitizer|runtime error:|Sanitizer has encountered' "$err"; then
    fail sanitizer "$({ grep -aE 'ERROR: |runtime error:'; } <"$err" | head -1 | sed "s/^==[0-9]*==//" | cat -v | cut -c1-200)"; bad=1
  else
    pass
  fi
  if [ "$bad" -eq 0 ] && [ "$st" -ne 0 ] && [ "$st" -ne 141 ]; then
    why=$(perl -e "$message_check" "$tool" "$err")
    if [ -n "$why" ]; then fail message "$why: $(first_line "$err")"; else pass; fi
  fi
  # A crash, hang or sanitizer report is one failure, not one per expectation.
  [ "$bad" -eq 0 ] || shift $#
  local e
  for e in "$@"; do
    case $e in
      st=*)
        if [[ "|${e#st=}|" == *"|$st|"* ]]; then pass; else fail "status ${e#st=}" "got $st: $(first_line "$err")"; fi ;;
      err~*)
        if grep -aqE -- "${e#err~}" "$err"; then pass; else fail "stderr ~ /${e#err~}/" "got: $(first_line "$err")"; fi ;;
      err!~*)
        if grep -aqE -- "${e#err!~}" "$err"; then fail "stderr !~ /${e#err!~}/" "got: $(first_line "$err")"; else pass; fi ;;
      errname)
        [ "$cur_mode" = file ] || continue
        if grep -aqF -- "$cur_input" "$err"; then pass; else fail "names the file" "got: $(first_line "$err")"; fi ;;
      out=*)
        if awk -F'[,\t]' -v want="${e#out=}" 'NR == 1 { d = $1 - want; if (d < 0) d = -d; ok = (d <= 1e-9 * (want < 0 ? -want : want) + 1e-300) } END { exit !ok }' "$out"; then pass
        else fail "prints ${e#out=}" "stdout '$(head -c 200 "$out" | head -3 | tr '\n' '/' | cat -v)' status $st: $(first_line "$err")"; fi ;;
      outlines=*)
        if [ "$(awk 'END { print NR }' "$out")" -eq "${e#outlines=}" ]; then pass
        else fail "${e#outlines=} lines of output" "stdout '$(head -c 200 "$out" | tr '\n' '/' | cat -v)' status $st: $(first_line "$err")"; fi ;;
      quiet)
        if [ -s "$err" ]; then fail quiet "stderr: $(first_line "$err")"; else pass; fi ;;
    esac
  done
  if [ -n "$keep" ] && [ "$fails" -ne "${fails_before:-0}" ]; then
    local stem="$keep/${cur_input//\//_}.${cur_form// /_}.${cur_mode}"
    { echo "$cmdline"; echo "status $st"; } >"$stem.cmd"
    head -c 20000 "$err" >"$stem.err"
  fi
}

# feed INPUT "FORMS" EXPECT...: runs each form on INPUT from the file, and on
# standard input for the forms in STDIN_FORMS.
feed() {
  local input=$1 forms=$2; shift 2
  local f cmd tool
  for f in $forms; do
    cmd=${FORM[$f]}
    tool=${cmd%% *}
    cur_input=$input cur_form=$f cur_mode=file fails_before=$fails
    cur_cmd=${cmd//@/$G/$input}
    execute "$cur_cmd" /dev/null
    check "$tool" "$@"
    if [ -z "${NOSTDIN:-}" ] && [[ "$STDIN_FORMS" == *" $f "* ]]; then
      cur_mode=stdin fails_before=$fails
      cur_cmd="${cmd//@/-} < $G/$input"
      execute "${cmd//@/-}" "$G/$input"
      check "$tool" "$@"
    fi
  done
}

# custom NAME FORM MODE CMD STDIN EXPECT...: one hand-written run.
custom() {
  cur_input=$1 cur_form=$2 cur_mode=$3 cur_cmd=$4 fails_before=$fails
  local stdin=$5 tool=mlm; shift 5
  [[ $cur_cmd =~ (mlm-[a-z]+) ]] && tool=${BASH_REMATCH[1]}
  execute "$cur_cmd" "$stdin"
  check "$tool" "$@"
}

# --- hostile inputs, in two halves run side by side ----------------------------
inputs_a() {
  deep='err~nest|deep'
  for f in levels_array.json levels_object.json; do
    feed $f "$TABLE" st=3 "$deep"
    # The Gaussian and model readers parse JSON of their own: status 3 (an
    # object without "mean" is rightly "not a Gaussian" before any depth).
    feed $f "$JSONSIDE k_gauss_q" st=3
    feed $f "e_bytes"
  done
  feed levels_unclosed.json "$TABLE $JSONSIDE" st=3
  feed levels_line.jsonl "$TABLE" st=3 "$deep"

  feed ragged_short.csv "$TABLE" st=3
  feed ragged_long.csv "$TABLE" st=3
  # The message shows the whole cell, its NUL escaped, not cut at the NUL.
  feed nul_cell.csv "$NUMERIC" st=3 'err~"3.+4"'
  feed nul_cell.csv "$LABELS"
  feed nul_label.csv "$TABLE e_bytes"
  feed nul_header.csv "$TABLE"
  feed utf8_header.csv "$TABLE"
  feed utf8_label.csv "$TABLE"
  feed big_number_cell.csv "$NUMERIC" st=3 'err~:3:1: '
  feed big_number_cell.csv "$LABELS"
  feed big_junk_cell.csv "$NUMERIC" st=3 'err~:3:1: '
  feed big_label_cell.csv "e_values e_cond e_gain" st=0
  feed big_label_cell.csv "e_weights e_mi k_samples p_fit g_rows"

  coin=$(ref_value coin_values_bits)
  feed coin.txt "e_values" "out=$coin"
  feed coin.txt "e_weights e_mi e_gain k_samples p_fit g_rows"

}

inputs_b() {
  # TSV on standard input: numbers, two columns (x: 1 bit, y: 0.811 bits).
  custom numbers.tsv e_weights stdin "mlm-entropy -c 1" "$G/numbers.tsv" st=0 "out=$(ref_value tsv_x_bits)"
  custom numbers.tsv "e_weights -c 2" stdin "mlm-entropy -c 2" "$G/numbers.tsv" st=0 "out=$(ref_value tsv_y_bits)"
  custom numbers.tsv "p_fit --emit summary" stdin "mlm-pca --emit summary" "$G/numbers.tsv" st=0 outlines=3
  custom numbers.tsv g_rows stdin "mlm-grad 'x*y'" "$G/numbers.tsv" st=0 outlines=3

  for f in empty.csv header_only.csv; do
    feed $f "$TABLE" st=3 'err~no data rows' errname
    feed $f "e_bytes"
  done
  feed whitespace_only.csv "$TABLE" st=3
  feed bom_only.csv "$TABLE" st=3
  feed cr_only.csv "$TABLE e_bytes"

  feed overflow.csv "$NUMERIC" st=3 'err~:3:1: '
  feed overflow.csv "$LABELS"
  feed huge_values.csv "p_fit p_model" 'err!~non-finite'
  feed huge_values.csv "e_weights e_rows k_weights k_samples g_rows"
  feed nan_inf.csv "e_weights k_weights" st=3
  feed nan_inf.csv "e_rows k_samples p_fit p_model g_rows"

  for f in bare_string.json bare_number.json; do
    feed $f "$FORCED_JSON" st=3 'err~not a table'
    feed $f "$JSONSIDE" st=3
    feed $f "e_weights p_fit"
  done
  feed dup_keys.json "$TABLE" st=3 'err~twice'
  feed dup_keys_gauss.json "k_gauss_p" st=3 'err~mean'
  feed open_quote.csv "$TABLE" st=3
  feed open_string.json "$TABLE $JSONSIDE" st=3

  # Expressions are input too, for mlm-grad and mlm-gd.
  custom levels_expr.txt grad_at arg "mlm-grad \"\$(cat $G/levels_expr.txt)\" --at x=1" /dev/null
  custom levels_expr.txt gd_minimize arg "mlm-gd minimize \"\$(cat $G/levels_expr.txt)\" --start x=1" /dev/null
  custom long_expr.txt grad_at arg "mlm-grad \"\$(cat $G/long_expr.txt)\" --at x=1" /dev/null
  custom long_expr.txt gd_minimize arg "mlm-gd minimize \"\$(cat $G/long_expr.txt)\" --start x=1 --max-steps 10" /dev/null
  custom overflow grad_at arg "mlm-grad 'x*y' --at x=1e400,y=1" /dev/null st=2
  custom overflow gd_start arg "mlm-gd minimize 'x^2' --start x=1e400" /dev/null st=2
  custom nan gd_start arg "mlm-gd minimize 'x^2' --start x=nan" /dev/null
  custom levels_expr.txt plot_contour arg "mlm-plot contour \"\$(cat $G/levels_expr.txt)\" --x 0,1 --y 0,1" /dev/null
  custom long_expr.txt plot_contour arg "mlm-plot contour \"\$(cat $G/long_expr.txt)\" --x 0,1 --y 0,1 --grid 20" /dev/null
  custom overflow plot_contour arg "mlm-plot contour 'x*y' --x 0,1e400 --y 0,1" /dev/null st=2

  # mlm-bayes: the table form of theorem, predict with a model, and model files.
  for f in levels_array.json levels_object.json levels_unclosed.json ragged_short.csv ragged_long.csv \
           nul_cell.csv nul_header.csv utf8_label.csv big_number_cell.csv big_label_cell.csv overflow.csv \
           huge_values.csv nan_inf.csv empty.csv header_only.csv dup_keys.json open_quote.csv; do
    feed $f "b_theorem b_nb_predict b_nb_model b_update"
  done
  custom overflow b_ab arg "mlm-bayes ab --a 1e400/1 --b 1/2" /dev/null st=2
  custom huge b_ab arg "mlm-bayes ab --a 1e15/1e300 --b 1/1e300" /dev/null st=2 "err~whole number"
  custom nan b_update arg "mlm-bayes update --prior beta:nan,1 --successes 1 --trials 2" /dev/null st=2
  custom huge b_update arg "mlm-bayes update --prior gamma:1e300,1e-300 --successes 1 --trials 2" /dev/null st=2
  custom nan_inf.csv "b_nb_fit --target 2" file "mlm-bayes nb fit --target 2 $G/nan_inf.csv" /dev/null st=3 'err~finite'
  custom huge_values.csv "b_nb_fit --target 2" file "mlm-bayes nb fit --target 2 $G/huge_values.csv" /dev/null
  custom huge_values.csv "b_nb_fit one class" stdin "mlm-bayes nb fit --target 3" "$G/huge_values.csv" st=2\|3
  custom overflow b_theorem arg "mlm-bayes theorem --prior 1e400 --likelihood 1 --false-positive 0" /dev/null st=2
  custom nan b_theorem arg "mlm-bayes theorem --prior nan --likelihood 1 --false-positive 0" /dev/null st=2
  NOSTDIN=1 feed wide_5rows.csv "b_theorem b_nb_predict"
}

# --- mlm-mat and mlm-eig: every hostile input through the matrix forms --------
FORM[m_transpose]="mlm-mat transpose @"
FORM[m_det]="mlm-mat det @"
FORM[m_mul]="mlm-mat mul @ $G/good_square.csv"
FORM[m_linear]="mlm-mat linear -w $G/good_square.csv -b $G/good_bias.csv @"
FORM[m_linear_w]="mlm-mat linear -w @ -b $G/good_bias.csv $G/good_points.csv"
FORM[v_eig]="mlm-eig --vectors --check @"
FORM[v_svd]="mlm-eig svd --u --v @"
FORM[v_power]="mlm-eig power @"
GOOD[m_transpose]=good_points.csv GOOD[m_det]=good_square.csv GOOD[m_mul]=good_points.csv
GOOD[m_linear]=good_points.csv GOOD[m_linear_w]=good_square.csv GOOD[v_eig]=good_square.csv
GOOD[v_svd]=good_points.csv GOOD[v_power]=good_square.csv
MATRIX="m_transpose m_det m_mul m_linear m_linear_w v_eig v_svd v_power"
printf 'a,b\n2,1\n1,2\n' >"$G/good_square.csv"
printf '0.5\n-1\n' >"$G/good_bias.csv"
inputs_matrix() {
  local deep='err~nest|deep'
  for f in levels_array.json levels_object.json levels_line.jsonl; do
    feed $f "$MATRIX" st=3 "$deep"
  done
  for f in levels_unclosed.json ragged_short.csv ragged_long.csv nul_cell.csv big_number_cell.csv \
      big_junk_cell.csv overflow.csv open_quote.csv open_string.json dup_keys.json \
      whitespace_only.csv bom_only.csv; do
    feed $f "$MATRIX" st=3
  done
  for f in empty.csv header_only.csv; do feed $f "$MATRIX" st=3 'err~no data rows'; done
  for f in nul_label.csv nul_header.csv utf8_header.csv utf8_label.csv big_label_cell.csv coin.txt \
      cr_only.csv bare_string.json bare_number.json; do
    feed $f "$MATRIX"
  done
  # Non-finite and huge entries: a numeric failure or a true infinity, never a
  # finite number made up; the tall inputs are not square (status 3).
  feed nan_inf.csv "m_det v_eig v_power m_linear_w" st=3
  feed nan_inf.csv "v_svd" st=4 'err~non-finite'
  feed huge_values.csv "m_transpose m_mul m_linear v_svd"
  printf '1,nan\n2,3\n' >"$G/nan_square.csv"
  printf '1e300,-1e300\n1e308,1e300\n' >"$G/huge_square.csv"
  for form in m_det v_eig v_power; do
    custom nan_square.csv "$form" file "${FORM[$form]//@/$G/nan_square.csv}" /dev/null st=4 'err~non-finite'
    custom huge_square.csv "$form" file "${FORM[$form]//@/$G/huge_square.csv}" /dev/null 'err!~(^|[^a-z])nan'
  done
  custom nan_square.csv "inverse" file "mlm-mat inverse $G/nan_square.csv" /dev/null st=4
  custom huge_square.csv "det beyond a double" file "mlm-mat det $G/huge_square.csv" /dev/null st=0 'err~beyond a double' 
  NOSTDIN=1 feed wide_5rows.csv "$MATRIX"
  NOSTDIN=1 feed wide_2rows.csv "m_transpose v_svd"
  for f in $MATRIX; do
    cmd=${FORM[$f]}
    custom "${GOOD[$f]}" "$f" dev-full "${cmd//@/$G/${GOOD[$f]}} > /dev/full" /dev/null st=5
    custom no-such-file "$f" missing "${cmd//@/$work/no-such-file.csv}" /dev/null st=5
    custom a-directory "$f" directory "${cmd//@/$work/dir}" /dev/null st=5
  done
}

# --- wide tables and the faults -----------------------------------------------------
faults() {
  # File mode only: a tool that hangs here would cost the time limit twice.
  NOSTDIN=1 feed wide_5rows.csv "$TABLE"
  NOSTDIN=1 feed wide_2rows.csv "e_weights e_values k_weights p_fit g_rows"

  ALLFORMS="$TABLE e_bytes p_model k_gauss_p p_apply_model"
  for f in $ALLFORMS; do
    cmd=${FORM[$f]}
    good=$G/${GOOD[$f]}
    # Output to a full disk: status 5 and one line.
    custom "${GOOD[$f]}" "$f" dev-full "${cmd//@/$good} > /dev/full" /dev/null st=5
    # A FIFO as input works.
    rm -f "$work/fifo" && mkfifo "$work/fifo"
    custom "${GOOD[$f]}" "$f" fifo "cat $good > $work/fifo & ${cmd//@/$work/fifo}; s=\$?; wait; exit \$s" /dev/null st=0
    # A file that does not exist: status 5 and one line.
    custom no-such-file "$f" missing "${cmd//@/$work/no-such-file.csv}" /dev/null st=5
    # A directory as input: status 5 and one line.
    custom a-directory "$f" directory "${cmd//@/$work/dir}" /dev/null st=5
    # A file that cannot be read: chmod 000, or for root (who reads those
    # anyway) /proc/self/mem, whose first page is unmapped: EIO.
    custom unreadable "$f" unreadable "${cmd//@/$unreadable}" /dev/null st=5
  done
  custom minimize gd dev-full "mlm-gd minimize 'x^2' --start x=1 > /dev/full" /dev/null st=5

  # -g on every hostile input; a good one gives one line per group.
  for f in levels_array.json levels_object.json levels_unclosed.json levels_line.jsonl ragged_short.csv \
           ragged_long.csv nul_cell.csv nul_label.csv nul_header.csv utf8_header.csv utf8_label.csv \
           big_number_cell.csv big_label_cell.csv big_junk_cell.csv coin.txt empty.csv header_only.csv \
           whitespace_only.csv cr_only.csv bom_only.csv overflow.csv huge_values.csv nan_inf.csv \
           bare_string.json dup_keys.json open_quote.csv big_points.csv; do
    feed $f "$GROUPED"
  done
  NOSTDIN=1 feed wide_5rows.csv "$GROUPED"
  feed good_labels.csv e_values_g st=0 outlines=3

  # A closed pipe ends quietly: status 0 or SIGPIPE (141), nothing on stderr.
  head10() { custom "$1" "$2" closed-pipe "$3 | head -c 10 > /dev/null; exit \${PIPESTATUS[0]}" /dev/null st=0\|141 quiet; }
  head10 big_points.csv p_fit "mlm-pca --quiet $G/big_points.csv"
  head10 big_points.csv g_rows "mlm-grad 'x*y' $G/big_points.csv"
  head10 big_rows.csv e_rows "mlm-entropy --rows $G/big_rows.csv"
  head10 big_rows.csv "k_weights --rows" "mlm-kl --rows $G/big_rows.csv $G/big_rows.csv"
  head10 big_xent.csv "e_xent --per-row" "mlm-entropy xent --target y -c p --per-row $G/big_xent.csv"
  head10 big_points.csv v_norm "mlm-vec norm $G/big_points.csv"
  head10 trace gd "mlm-gd minimize 'x^2' --start x=1 --lr 0.001 --trace --max-steps 100000 --tol 0"

}

# Two workers (CI has 2 cores): each writes its failures and a closing count;
# the counts are summed here.
run_part() {
  out=$work/out.$1 err=$work/err.$1 passes=0 fails=0
  "$1"
  echo "COUNT $passes $fails"
}
(run_part inputs_a; run_part inputs_b; run_part inputs_matrix) >"$work/log.1" &
run_part faults >"$work/log.2"
wait
grep -hv '^COUNT ' "$work/log.1" "$work/log.2"
read -r passes fails < <(awk '/^COUNT / { p += $2; f += $3 } END { print p + 0, f + 0 }' "$work/log.1" "$work/log.2")
fails=$((fails + setup_fails))
echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
