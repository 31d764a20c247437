#!/usr/bin/env bash
# `make bench` (issue #3): zhizao against DuckDB (npm @duckdb/node-api, its own engine) and SQLite
# (Debian's sqlite3 CLI) on the same generated national dataset, whole processes, same machine,
# same run. See bench/README.md for what each column means.
#
# Usage: bench/bench.sh ZHIZAO
# Environment (defaults in brackets):
#   BENCH_WORK [bench/work]            where the data and databases go (about 12 GB at 500,000;
#                                      about 27 GB at 2,000,000 by du during a run: CSV 6.3,
#                                      database 6.5, snapshot 12, DuckDB 2.0, bench/README.md;
#                                      the load test runs on the size's own
#                                      database, removed after it, unless BENCH_KEEP_DATA=1)
#   BENCH_SIZES ["5000 50000 500000 2000000"]  enterprises per dataset; 60 months 2017-01..2021-12
#                                      each (issue 17: the growth of cost up to 2,000,000)
#   BENCH_PERIOD [2021-04]             the cumulative report period (1–4月)
#   BENCH_REPORT_REPS ["50000:5 500000:3"], BENCH_IMPORT_REPS ["50000:3 500000:1"],
#   BENCH_SQLITE_IMPORT_REPS [1], BENCH_SQLITE_REPORT_REPS ["50000:2 500000:1"]   repetitions
#   (the median is kept; SIZE:N pairs, or one number for every size). One import and one SQLite
#   report at 500,000 keep a fresh-clone `make bench` near the issue's 15 minutes.
#   BENCH_TOOLS ["zhizao duckdb sqlite"] which tools to run; BENCH_APPEND=1 keeps earlier results
#                                      (a run split in parts on a busy machine; the data is
#                                      regenerated, byte for byte the same)
#   BENCH_SKIP ["2000000:sqlite"]      SIZE:TOOL pairs not run (SQLite at 2,000,000 would take about
#                                      20 minutes, 4 × its 5.5 at 500,000; the growth table is zhizao's)
#   BENCH_KEEP_DATA [0]                1 keeps each size's databases and CSV files after its
#                                      measurements (else removed before the next size)
#   BENCH_TIMEOUT [1800]               seconds one measured process may take before bench fails
#   BENCH_LOAD [1]                     the load test (bench/load/run.py --db) on each size's
#                                      database: the dashboard's reads (asking for gzip, as its
#                                      browsers do) mixed with submissions,
#                                      BENCH_LOAD_SECONDS [20] each, 16 connections (0: never)
# Exits non-zero, loudly, when zhizao's report and DuckDB's disagree.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
zhizao=$(realpath "${1:?usage: bench/bench.sh ZHIZAO}")
work=$(mkdir -p "${BENCH_WORK:-$here/work}" && cd "${BENCH_WORK:-$here/work}" && pwd)
sizes=${BENCH_SIZES:-"5000 50000 500000 2000000"}
period=${BENCH_PERIOD:-2021-04}
year=${period%-*}
month=$((10#${period#*-}))
report_reps=${BENCH_REPORT_REPS:-"50000:5 500000:3"}
import_reps=${BENCH_IMPORT_REPS:-"50000:3 500000:1 2000000:1"}
sqlite_import_reps=${BENCH_SQLITE_IMPORT_REPS:-1}
sqlite_report_reps=${BENCH_SQLITE_REPORT_REPS:-"50000:2 500000:1"}
results="$work/results.tsv"
tools=" ${BENCH_TOOLS:-zhizao duckdb sqlite} "
skip=" ${BENCH_SKIP-2000000:sqlite} "
n=0  # the size being measured (set by the loop below)
uses() { [[ "$tools" == *" $1 "* && "$skip" != *" $n:$1 "* ]]; }
files=(enterprises.csv parks.csv chains.csv deflators.csv va_ratios.csv monthly.csv projects.csv
       project_progress.csv)

reps_for() {  # reps_for "50000:5 500000:3" N → 5 (3 when N is not listed); reps_for 2 N → 2
  local pair
  case "$1" in *:*) ;; *) echo "$1"; return ;; esac
  for pair in $1; do [ "${pair%%:*}" = "$2" ] && { echo "${pair#*:}"; return; }; done
  echo 3
}

# measure SIZE TOOL OPERATION REP OUT -- COMMAND...: runs COMMAND once with stdout to OUT,
# appends "size tool operation rep seconds peak_rss_kb" to results.tsv. Wall time from date +%N
# (GNU time's %e has 10 ms steps); peak RSS from GNU time's %M.
measure() {
  local size=$1 tool=$2 op=$3 rep=$4 out=$5
  shift 6
  local rss_file="$work/.rss" start end
  start=$(date +%s%N)
  local rc=0
  /usr/bin/time -f %M -o "$rss_file" timeout "${BENCH_TIMEOUT:-1800}" "$@" > "$out" \
    2> "$work/.stderr" || rc=$?
  if [ "$rc" -ne 0 ]; then
    [ "$rc" -eq 124 ] && echo "bench: TIMEOUT after ${BENCH_TIMEOUT:-1800} s" >&2
    echo "bench: FAILED: $*" >&2
    cat "$work/.stderr" >&2
    exit 1
  fi
  end=$(date +%s%N)
  local seconds
  seconds=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$size" "$tool" "$op" "$rep" "$seconds" "$(cat "$rss_file")" \
    >> "$results"
  printf '  %-8s %-7s %-8s #%s %8ss %8s KB\n' "$size" "$tool" "$op" "$rep" "$seconds" \
    "$(cat "$rss_file")" >&2
}

# remove_data DIR: a size's databases and CSV files, once measured (unless BENCH_KEEP_DATA=1).
remove_data() {
  [ "${BENCH_KEEP_DATA:-0}" = 1 ] && return
  rm -rf "$1/csv" "$1"/zhizao.db "$1"/zhizao.db-* "$1"/zhizao.db.* "$1/duck.duckdb" \
    "$1"/duck.duckdb.wal "$1/sqlite.db"
}

if [ "${BENCH_APPEND:-0}" != 1 ]; then : > "$results"; : > "$work/rows.tsv"; : > "$work/load.tsv"; fi
echo "bench: $zhizao; data in $work; period $period" >&2
for n in $sizes; do
  dir="$work/$n"
  csv="$dir/csv"
  mkdir -p "$dir"
  echo "bench: $n enterprises × 60 months" >&2
  measure "$n" zhizao generate 1 "$dir/generate.txt" -- \
    "$zhizao" demo --enterprises "$n" --from 2017-01 --to 2021-12 --csv-dir "$csv"
  rows=$(($(wc -l < "$csv/monthly.csv") - 1))
  printf '%s\t%s\n' "$n" "$rows" >> "$work/rows.tsv"

  # The SQL, filled in once (outside the timed processes).
  sed "s#{{DIR}}#$csv#g" "$here/sql/duckdb_import.sql" > "$dir/duckdb_import.sql"
  sed "s#{{DIR}}#$csv#g" "$here/sql/sqlite_import.sql" > "$dir/sqlite_import.sql"
  fill="s#{{Y}}#$year#g; s#{{M}}#$month#g; s#{{P}}#$period#g"
  sed "$fill; s#{{SUM}}#fsum#g" "$here/sql/report.sql" > "$dir/duckdb_report.sql"
  sed "$fill; s#{{SUM}}#sum#g" "$here/sql/report.sql" > "$dir/sqlite_report.sql"

  # Import: each repetition into a fresh database file.
  paths=()
  for f in "${files[@]}"; do paths+=("$csv/$f"); done
  for rep in $(seq "$(reps_for "$import_reps" "$n")"); do
    rm -f "$dir/zhizao.db" "$dir/zhizao.db-wal" "$dir/zhizao.db-shm" "$dir"/zhizao.db.*
    # The monthly file passes the import's 4 GiB bound on a file at 2,000,000 (6.6 GB).
    uses zhizao && measure "$n" zhizao import "$rep" "$dir/import.txt" -- \
      "$zhizao" import --quiet --max-file-size 64GiB --db "$dir/zhizao.db" "${paths[@]}"
    uses duckdb && measure "$n" duckdb import "$rep" /dev/null -- \
      node "$here/duckdb_run.mjs" import "$dir/duck.duckdb" "$dir/duckdb_import.sql"
  done
  uses sqlite && for rep in $(seq "$(reps_for "$sqlite_import_reps" "$n")"); do
    rm -f "$dir/sqlite.db"
    measure "$n" sqlite import "$rep" /dev/null -- sqlite3 -bail "$dir/sqlite.db" \
      ".read $dir/sqlite_import.sql"
  done

  # Report: one unmeasured run each first (page cache, zhizao's snapshot if the import left
  # none), then the repetitions.
  if uses zhizao; then
    "$zhizao" report --db "$dir/zhizao.db" --period "$period" --json > /dev/null
  fi
  if uses duckdb; then
    node "$here/duckdb_run.mjs" report "$dir/duck.duckdb" "$dir/duckdb_report.sql" > /dev/null
  fi
  if uses sqlite; then
    sqlite3 -bail -json "$dir/sqlite.db" ".read $dir/sqlite_report.sql" > /dev/null
  fi
  for rep in $(seq "$(reps_for "$report_reps" "$n")"); do
    uses zhizao && measure "$n" zhizao report "$rep" "$dir/zhizao.json" -- \
      "$zhizao" report --db "$dir/zhizao.db" --period "$period" --json
    uses duckdb && measure "$n" duckdb report "$rep" "$dir/duckdb_rows.json" -- \
      node "$here/duckdb_run.mjs" report "$dir/duck.duckdb" "$dir/duckdb_report.sql"
  done
  # Explain (the growth table): a division's drill-down, the dashboard's commonest click.
  uses zhizao && for rep in $(seq "$(reps_for "$report_reps" "$n")"); do
    measure "$n" zhizao explain "$rep" "$dir/explain.json" -- "$zhizao" explain \
      --db "$dir/zhizao.db" --period "$period" --division 34 --json
  done
  # The server (the growth table): the load test on this size's database, in place when the
  # database is removed afterwards (its last use; a copy would need as much disk again), on a
  # copy when BENCH_KEEP_DATA=1 keeps it.
  if uses zhizao && [ "${BENCH_LOAD:-1}" != 0 ]; then
    in_place=(--in-place)
    [ "${BENCH_KEEP_DATA:-0}" = 1 ] && in_place=()
    if python3 "$here/load/run.py" --zhizao "$zhizao" --db "$dir/zhizao.db" "${in_place[@]}" \
        --work-dir "$dir" \
        --duration "${BENCH_LOAD_SECONDS:-20}" --connections 16 --json "$dir/load.json" \
        --accept-encoding "gzip, deflate, br" \
        > "$dir/load.txt" 2>&1; then
      python3 -c 'import json, sys; r = json.load(open(sys.argv[1]))
t = r.get("client_times") or {}
kind = lambda k: t.get(k, {}).get("p99_ms", "")
print(sys.argv[2], r["requests_per_second"], r["p50_ms"], r["p99_ms"], r.get("server_peak_kb", ""),
      kind("reads"), kind("report"), kind("submissions"), sep="\t")' "$dir/load.json" "$n" \
        >> "$work/load.tsv"
      echo "  $n load: $(grep -m1 'p99' "$dir/load.txt")" >&2
    else
      echo "bench: FAILED: the load test at $n (see $dir/load.txt)" >&2
      cat "$dir/load.txt" >&2
      exit 1
    fi
  fi
  uses sqlite && for rep in $(seq "$(reps_for "$sqlite_report_reps" "$n")"); do
    measure "$n" sqlite report "$rep" "$dir/sqlite_rows.json" -- \
      sqlite3 -bail -json "$dir/sqlite.db" ".read $dir/sqlite_report.sql"
  done

  remove_data "$dir"

  if ! [ -s "$dir/zhizao.json" ] || ! [ -s "$dir/duckdb_rows.json" ]; then
    echo "bench: zhizao's or DuckDB's report is missing at $n; no agreement check" >&2
    continue
  fi
  # Agreement: zhizao and DuckDB within 1e-9 relative (compensated sums on both sides); SQLite's
  # plain sum and its 15-digit JSON for information, within 1e-6.
  python3 "$here/assemble_report.py" "$dir/duckdb_rows.json" --period "$period" \
    > "$dir/duckdb.json"
  if ! python3 "$here/check_agreement.py" "$dir/zhizao.json" "$dir/duckdb.json" \
      --tolerance 1e-9 --abs-tolerance 1e-12; then
    echo "bench: FAILED: zhizao and DuckDB disagree at $n enterprises (above)" >&2
    exit 1
  fi
  echo "bench: zhizao and DuckDB agree at $n enterprises" >&2
  [ -s "$dir/sqlite_rows.json" ] || continue
  python3 "$here/assemble_report.py" "$dir/sqlite_rows.json" --period "$period" \
    > "$dir/sqlite.json"
  if python3 "$here/check_agreement.py" "$dir/zhizao.json" "$dir/sqlite.json" \
      --tolerance 1e-6 --abs-tolerance 1e-9; then
    echo "bench: zhizao and SQLite agree at $n enterprises (1e-6)" >&2
  else
    echo "bench: warning: zhizao and SQLite differ at $n enterprises (above)" >&2
  fi
done

python3 "$here/summarize.py" "$results" "$work/rows.tsv" --load "$work/load.tsv"
