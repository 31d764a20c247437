// Where the figures of daily electricity (src/signals, src/quality) read the readings from: the
// embedded store (DailyElectricityStore) or ClickHouse (src/clickhouse, `--clickhouse URL`,
// docs/operations.md "ClickHouse"). Both give the readings of a year as year blocks
// (store/daily_year_block.h), so that every figure is computed by the same code in the same
// summation order and the two give the same figures to the last digit.
#pragma once

#include <string>
#include <vector>

#include "base/result.h"
#include "store/daily_year_block.h"

namespace zhizao {

// One enterprise's readings of one year.
struct DailyElectricityYear {
  std::string uscc;
  int year = 0;
  detail::DailyYearBlock readings;
};

// A source of the stored readings. Implementations say their own thread rules.
class DailyReadingsSource {
 public:
  virtual ~DailyReadingsSource() = default;

  // Every enterprise's readings of `year`, sorted by uscc (the readers merge on it).
  // Errors: kIoError (the store or server cannot be read), kCorruption (a damaged answer).
  virtual Result<std::vector<DailyElectricityYear>> year(int year) const = 0;
  // The years with readings, oldest first. Errors: kIoError, kCorruption.
  virtual Result<std::vector<int>> years() const = 0;
};

}  // namespace zhizao
