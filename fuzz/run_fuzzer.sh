#!/bin/sh
# Runs a libFuzzer binary for a while over a copy of its seed corpus, never writing to the repo.
# Usage: run_fuzzer.sh BINARY CORPUS_DIR REGRESSIONS_DIR WORK_DIR SECONDS [DICT] [MERGE_INTO]
# The fuzzer reads CORPUS_DIR (copied to WORK_DIR/corpus, where it adds what it finds) and
# REGRESSIONS_DIR (read only); a crash, timeout or leak is written to WORK_DIR/crash-* etc. and
# fails the run. With MERGE_INTO, the inputs of WORK_DIR/corpus that add coverage are merged
# into that directory afterwards (`make fuzz FUZZ_MERGE=1`).
set -eu
binary=$1 corpus=$2 regressions=$3 work=$4 seconds=$5 dict=${6:-} merge_into=${7:-}
rm -rf "$work"
mkdir -p "$work/corpus"
cp "$corpus"/* "$work/corpus/"
set -- "$work/corpus"
if [ -d "$regressions" ]; then set -- "$@" "$regressions"; fi
if [ -n "$dict" ]; then set -- "$@" "-dict=$dict"; fi
# -timeout: a single input taking 25 s is a hang (the longest seed takes well under 1 s).
"$binary" "$@" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=25 \
  -print_final_stats=1 -artifact_prefix="$work/" > "$work/log" 2>&1 || {
  grep -v "^    #\|NEW_FUNC" "$work/log" | tail -n 25
  echo "$(basename "$binary"): failed; the input is in $work (see $work/log)" >&2
  exit 1
}
grep -E '^stat::(number_of_executed_units|new_units_added)' "$work/log" | tr '\n' ' '
echo
if [ -n "$merge_into" ]; then
  "$binary" -merge=1 "$merge_into" "$work/corpus" > "$work/merge.log" 2>&1
  echo "merged into $merge_into: $(ls "$merge_into" | wc -l) files"
fi
