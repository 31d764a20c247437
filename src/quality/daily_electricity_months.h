// The monthly electricity the data-quality checks read from daily readings (docs/methodology.md,
// "Data quality", "Electricity: daily or monthly"): an enterprise's month is taken from its daily
// readings (electricity_daily.csv, stored as year blocks, store/daily_electricity_store.h) when
// they are complete — a reading for every calendar day of the month — as the data contract
// defines monthly electricity from them: Σ kWh / 10^4 (万千瓦时). Other months keep the monthly
// figure of monthly.csv. Value type; const methods are thread-safe.
#pragma once

#include <map>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>

#include "base/result.h"
#include "base/year_month.h"
#include "store/daily_electricity_store.h"
#include "store/database.h"

namespace zhizao {

class DailyElectricityMonths {
 public:
  // No readings: every check reads the monthly figures.
  DailyElectricityMonths() = default;

  // The complete months of `blocks` (any enterprises and years, in any order).
  static DailyElectricityMonths from_blocks(std::span<const DailyElectricityYear> blocks);

  // The complete months of years first_year..last_year read from `db`. Errors: kIoError,
  // kCorruption (as DailyElectricityStore::year).
  static Result<DailyElectricityMonths> load(const Database& db, int first_year, int last_year);
  // The same read from any source of readings (ClickHouse with --clickhouse). Errors: those of
  // `source`.
  static Result<DailyElectricityMonths> load(const DailyReadingsSource& source, int first_year,
                                             int last_year);

  // Σ kWh / 10^4 of the enterprise's readings in `month` when every day of it has a reading;
  // nullopt when a day lacks one or the enterprise has none.
  std::optional<double> complete_month(const std::string& uscc, YearMonth month) const;

  // The enterprise-months held (complete ones only).
  std::size_t size() const;

 private:
  // uscc → month index (YearMonth::index) → Σ kWh / 10^4.
  std::unordered_map<std::string, std::map<int, double>> sums_;
};

}  // namespace zhizao
