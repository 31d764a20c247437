// The readings as ClickHouse holds them (`--clickhouse URL`): a DailyReadingsSource that asks the
// Distributed table for each enterprise-day's reading of the latest committed import (an
// aggregate per (uscc, date), computed on the shards) and never reads the raw rows, which can be
// many per enterprise-day after re-imports. The figures themselves are summed by src/signals in
// the same order as for the embedded store, so both give the same figures to the last digit
// (docs/operations.md, "ClickHouse").
#pragma once

#include <vector>

#include "clickhouse/clickhouse_target.h"
#include "store/daily_readings_source.h"

namespace zhizao {

// Reads from target.nodes[0]. Value type; const methods may run on several threads at once.
class ClickHouseReadings : public DailyReadingsSource {
 public:
  explicit ClickHouseReadings(ClickHouseTarget target) : target_(std::move(target)) {}

  // Every enterprise's readings of `year`, sorted by uscc. Errors: kIoError (unreachable, an
  // error of ClickHouse such as tables not created yet, an answer above max_answer_bytes);
  // kCorruption (an answer that is not the expected RowBinary, an enterprise-day twice, a
  // reading that is negative or not finite, a date outside the year).
  Result<std::vector<DailyElectricityYear>> year(int year) const override;
  // The years with committed readings, oldest first. Errors: as year().
  Result<std::vector<int>> years() const override;

 private:
  ClickHouseTarget target_;
};

}  // namespace zhizao
