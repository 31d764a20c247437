// The one choice between the embedded store and ClickHouse for the daily readings, made by every
// command and route that reads or writes them (`--clickhouse URL` of import, nowcast and serve;
// docs/operations.md, "ClickHouse").
#pragma once

#include <memory>
#include <string_view>

#include "base/result.h"
#include "clickhouse/clickhouse_loader.h"
#include "store/daily_readings_source.h"
#include "store/database.h"

namespace zhizao {

// The readings of `db` (empty `clickhouse`) or of ClickHouse at `clickhouse` (parsed with
// parse_clickhouse_target). Borrows `db` for the embedded store. Errors: kUsage for a bad URL.
Result<std::unique_ptr<DailyReadingsSource>> daily_readings_of(const Database& db,
                                                               std::string_view clickhouse);

// The sink of an import's readings: null (the database) for an empty `clickhouse`, else a loader
// into ClickHouse. Errors: kUsage for a bad URL.
Result<std::unique_ptr<ClickHouseDailyLoader>> daily_readings_sink_of(std::string_view clickhouse);

}  // namespace zhizao
