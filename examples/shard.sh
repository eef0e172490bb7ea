# Sourced by the *_sharded.sh examples (see man mlm-scale):
#   shard FILE N PREFIX    cuts CSV FILE into N pieces at line ends (split -n
#                          l/N), each PREFIXaa.csv, PREFIXab.csv, ... with the
#                          header line of FILE on top
shard() {
  tail -n +2 "$1" > "$3rows"
  split -n l/"$2" "$3rows" "$3"
  rm "$3rows"
  for f in "$3"??; do { head -1 "$1"; cat "$f"; } > "$f.csv"; rm "$f"; done
}
