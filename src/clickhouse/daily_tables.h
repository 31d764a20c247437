// The tables of the daily electricity readings in ClickHouse (docs/operations.md, "ClickHouse"):
// on every node a MergeTree table of readings (one row per reading of an import: uscc, date, kWh,
// import id), partitioned by year and ordered by (uscc, date), and a table of committed imports;
// over each a Distributed table across the cluster, the readings sharded by enterprise
// (cityHash64(uscc): an enterprise's readings all live on one shard, so a shard answers its
// enterprise-days whole). A reading is visible when its import id is in the committed imports;
// of several visible readings of an enterprise-day the one of the latest import counts, as a
// later import replaces a reading in the embedded store.
#pragma once

#include "base/result.h"
#include "clickhouse/clickhouse_target.h"

namespace zhizao {

// Table names.
inline constexpr const char* kDailyReadingsLocal = "zhizao_electricity_daily_local";
inline constexpr const char* kDailyReadings = "zhizao_electricity_daily";
inline constexpr const char* kDailyImportsLocal = "zhizao_electricity_daily_imports_local";
inline constexpr const char* kDailyImports = "zhizao_electricity_daily_imports";

// Creates the four tables on every node of `target` where they do not exist yet (CREATE TABLE IF
// NOT EXISTS: running it again changes nothing). Errors: kIoError naming the node.
Status create_daily_tables(const ClickHouseTarget& target);

}  // namespace zhizao
