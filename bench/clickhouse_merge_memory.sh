#!/usr/bin/env bash
# The memory of ClickHouse's merge of the daily readings at a tenth of the scale (issue 13,
# bench/README.md "109.6 million readings"): 10,000 enterprises × 1,096 days (10.96 M readings)
# imported into two loopback shards whose queries may use 600 MB, then the year 2021's readings
# query of src/clickhouse/clickhouse_readings.cc sent with curl as it was before 27b9eac and as
# it is now (SETTINGS distributed_aggregation_memory_efficient = 1). Prints the error or the rows.
#
# Usage: bench/clickhouse_merge_memory.sh ZHIZAO [WORK (default bench/work-merge)]
# Ports 18500-18503 on 127.0.0.1; the work folder is deleted at the end.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
z=$(realpath "${1:?usage: bench/clickhouse_merge_memory.sh ZHIZAO [WORK]}")
w=$(mkdir -p "${2:-$here/work-merge}" && cd "${2:-$here/work-merge}" && pwd)
pids=()
trap 'for p in "${pids[@]}"; do kill $p 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$w"' EXIT
$z demo --enterprises 10000 --from 2021-01 --to 2021-01 --csv-dir $w/csv --db $w/gen.db > /dev/null
rm -f $w/gen.db*
/usr/bin/python3 "$here/../tools/clickhouse/daily_readings.py" $w/csv/enterprises.csv $w/csv/electricity_daily.csv
for i in 0 1; do
  sh "$here/../tools/clickhouse/loopback_shard.sh" $w/shard$i $((18500 + i)) $((18502 + i)) 18502 18503 600000000 67108864
  /usr/sbin/clickhouse-server --config-file=$w/shard$i/config.xml > $w/shard$i/stdout.log 2>&1 &
  pids+=($!)
done
for p in 18500 18501; do for _ in $(seq 1 300); do curl -s http://127.0.0.1:$p/ping > /dev/null && break; sleep 0.1; done
  curl -sS http://127.0.0.1:$p/ --data-binary "CREATE DATABASE IF NOT EXISTS b" > /dev/null; done
$z import -q --db $w/two.db --clickhouse "http://127.0.0.1:18500,http://127.0.0.1:18501?cluster=zhizao&database=b" $w/csv/parks.csv $w/csv/chains.csv $w/csv/enterprises.csv $w/csv/electricity_daily.csv
base="SELECT uscc, date, argMax(kwh, import_id) FROM zhizao_electricity_daily WHERE date >= toDate('2021-01-01') AND date <= toDate('2021-12-31') AND import_id GLOBAL IN (SELECT import_id FROM zhizao_electricity_daily_imports) GROUP BY uscc, date"
for s in "" " SETTINGS distributed_aggregation_memory_efficient = 1"; do
  echo "== query${s:- (as before)}"
  curl -sS "http://127.0.0.1:18500/?database=b" --data-binary "$base$s FORMAT TabSeparated" > $w/out.tsv || true
  head -c 300 $w/out.tsv | grep -o "Code: [0-9]*.\{0,120\}" || { echo "rows: $(wc -l < $w/out.tsv), sorted md5: $(sort $w/out.tsv | md5sum)"; }
done
