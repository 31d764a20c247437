#!/usr/bin/env bash
# `make bench-clickhouse` (issue 13): daily electricity readings loaded into the embedded store,
# into one ClickHouse shard and into two, and the nowcast read back from each; load rate and
# query time side by side (bench/README.md, "ClickHouse"). Starts two clickhouse-server processes
# of its own on loopback (configs, data and logs under the work folder), stops them and deletes
# everything it wrote at the end, also on failure.
#
# Usage: bench/clickhouse_bench.sh ZHIZAO
# Environment (defaults in brackets):
#   BENCH_WORK [bench/work-clickhouse]  where the files and databases go (~1 GB per 10M readings)
#   BENCH_CH_ENTERPRISES [10000]        enterprises; each has a reading every day of 2019–2021,
#                                       so 1,096 readings each (10,000 → 10.96 million)
#   BENCH_CH_PERIOD [2021-06]           the nowcast's period
#   BENCH_CH_REPS [3]                   nowcast repetitions (the median is kept)
#   BENCH_CH_PORT [18400]               first of four loopback ports (two http, two native)
#   BENCH_KEEP=1                        keep the work folder
set -euo pipefail
shopt -s inherit_errexit

here=$(cd "$(dirname "$0")" && pwd)
zhizao=$(realpath "${1:?usage: bench/clickhouse_bench.sh ZHIZAO}")
work=$(mkdir -p "${BENCH_WORK:-$here/work-clickhouse}" && cd "${BENCH_WORK:-$here/work-clickhouse}" && pwd)
enterprises=${BENCH_CH_ENTERPRISES:-10000}
period=${BENCH_CH_PERIOD:-2021-06}
reps=${BENCH_CH_REPS:-3}
port=${BENCH_CH_PORT:-18400}
http=($port $((port + 1)))
native=($((port + 2)) $((port + 3)))
pids=()

cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2> /dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2> /dev/null || true; done
  [ "${BENCH_KEEP:-0}" = 1 ] || rm -rf "$work"
}
trap cleanup EXIT

start_server() {  # start_server I: shard I (0 or 1); 8 GB of query memory, 256 MB caches
  local dir="$work/shard$1"
  sh "$here/../tools/clickhouse/loopback_shard.sh" "$dir" "${http[$1]}" "${native[$1]}" \
    "${native[0]}" "${native[1]}" 8000000000 268435456
  /usr/sbin/clickhouse-server --config-file="$dir/config.xml" > "$dir/stdout.log" 2>&1 &
  pids+=($!)
}

sql() { curl -sS --fail-with-body "http://127.0.0.1:$1/" --data-binary "$2"; }

seconds() {  # seconds COMMAND...: runs it (stdout to /dev/null), prints the wall seconds
  local start end
  start=$(date +%s%N)
  "$@" > /dev/null
  end=$(date +%s%N)
  awk -v ns=$((end - start)) 'BEGIN { printf "%.3f\n", ns / 1e9 }'
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "bench: $enterprises enterprises × 1,096 days; work in $work" >&2
"$zhizao" demo --enterprises "$enterprises" --from 2021-01 --to 2021-01 --csv-dir "$work/csv" \
  --db "$work/generated.db" > /dev/null
rm -f "$work/generated.db"*
# A reading a day per enterprise, 2019-01-01..2021-12-31 (tools/clickhouse/daily_readings.py).
/usr/bin/python3 "$here/../tools/clickhouse/daily_readings.py" "$work/csv/enterprises.csv" \
  "$work/csv/electricity_daily.csv"
readings=$(($(wc -l < "$work/csv/electricity_daily.csv") - 1))
csv_mb=$(du -m "$work/csv/electricity_daily.csv" | cut -f1)
echo "bench: $readings readings ($csv_mb MB of CSV)" >&2

start_server 0
start_server 1
for p in "${http[@]}"; do
  for _ in $(seq 1 300); do curl -s "http://127.0.0.1:$p/ping" > /dev/null && break; sleep 0.1; done
  for db in bench_one bench_two; do sql "$p" "CREATE DATABASE IF NOT EXISTS $db" > /dev/null; done
done

declare -A url=(
  [embedded]=""
  [one_shard]="http://127.0.0.1:${http[0]}?cluster=zhizao_one&database=bench_one"
  [two_shards]="http://127.0.0.1:${http[0]},http://127.0.0.1:${http[1]}?cluster=zhizao&database=bench_two"
)
results="$work/results.tsv"
: > "$results"
for store in embedded one_shard two_shards; do
  db="$work/$store.db"
  option=()
  [ -n "${url[$store]}" ] && option=(--clickhouse "${url[$store]}")
  load=$(seconds "$zhizao" import -q --db "$db" "${option[@]}" "$work/csv/parks.csv" \
    "$work/csv/chains.csv" "$work/csv/enterprises.csv" "$work/csv/electricity_daily.csv")
  "$zhizao" nowcast --json --db "$db" --period "$period" "${option[@]}" > "$work/$store.json"
  times=()
  for _ in $(seq 1 "$reps"); do
    times+=("$(seconds "$zhizao" nowcast --json --db "$db" --period "$period" "${option[@]}")")
  done
  query=$(printf '%s\n' "${times[@]}" | median)
  printf '%s\t%s\t%s\t%s\n' "$store" "$load" "$query" "$readings" >> "$results"
  echo "bench: $store: load $load s, nowcast $query s" >&2
done
# Storage: the SQLite file, and each shard's data folder.
embedded_mb=$(du -m "$work/embedded.db" | cut -f1)
shard_mb=()
for i in 0 1; do shard_mb+=("$(du -sm "$work/shard$i/data" | cut -f1)"); done

cmp -s "$work/embedded.json" "$work/one_shard.json" && cmp -s "$work/embedded.json" "$work/two_shards.json" \
  || { echo "bench: the nowcasts differ between the stores" >&2; exit 1; }

echo
echo "$readings readings ($enterprises enterprises × 1,096 days, $csv_mb MB of CSV); nowcast of $period, median of $reps"
echo "zhizao $(git -C "$here/.." rev-parse --short HEAD 2> /dev/null || echo unknown), $(nproc) cores"
echo
echo "| store | import (s) | readings/s | nowcast (s) |"
echo "|---|---:|---:|---:|"
while IFS=$'\t' read -r store load query n; do
  printf '| %s | %s | %s | %s |\n' "$store" "$load" "$(awk -v n="$n" -v s="$load" 'BEGIN { printf "%.0f", n / s }')" "$query"
done < "$results"
echo
echo "storage: SQLite ${embedded_mb} MB; ClickHouse data folders (both databases) shard 1 ${shard_mb[0]} MB, shard 2 ${shard_mb[1]} MB"
echo "nowcast JSON identical across the three stores"
