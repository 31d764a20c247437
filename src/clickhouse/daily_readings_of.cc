#include "clickhouse/daily_readings_of.h"

#include "clickhouse/clickhouse_readings.h"
#include "store/daily_electricity_store.h"

namespace zhizao {

Result<std::unique_ptr<DailyReadingsSource>> daily_readings_of(const Database& db,
                                                               std::string_view clickhouse) {
  if (clickhouse.empty()) return std::make_unique<DailyElectricityStore>(db);
  Result<ClickHouseTarget> target = parse_clickhouse_target(clickhouse);
  if (!target) return fail(target.error());
  return std::make_unique<ClickHouseReadings>(*std::move(target));
}

Result<std::unique_ptr<ClickHouseDailyLoader>> daily_readings_sink_of(std::string_view clickhouse) {
  if (clickhouse.empty()) return std::unique_ptr<ClickHouseDailyLoader>();
  Result<ClickHouseTarget> target = parse_clickhouse_target(clickhouse);
  if (!target) return fail(target.error());
  return std::make_unique<ClickHouseDailyLoader>(*std::move(target));
}

}  // namespace zhizao
