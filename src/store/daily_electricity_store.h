// The daily electricity readings (electricity_daily.csv) in the store: written by an import as
// daily year blocks (daily_year_block.h), read back a year at a time. They are not part of
// Database::load() nor of the columnar snapshot: 2 million readings of a city (1,800 enterprises
// × 3 years) would cost every report ~100 MB and 2 million strings it never reads; the figures
// that need them (src/signals) read year blocks here instead (docs/formats.md, "Daily
// electricity").
#pragma once

#include <span>
#include <string>
#include <vector>

#include "base/result.h"
#include "domain/records.h"
#include "store/daily_readings_source.h"
#include "store/daily_year_block.h"
#include "store/database.h"
#include "store/sqlite_statement.h"

namespace zhizao {

// Reads the stored readings (the embedded DailyReadingsSource). Borrows `db`, which must outlive
// it; same thread rules as Database.
class DailyElectricityStore : public DailyReadingsSource {
 public:
  explicit DailyElectricityStore(const Database& db) : db_(db) {}

  // Every enterprise's readings of `year`, by uscc. Errors: kIoError, kCorruption.
  Result<std::vector<DailyElectricityYear>> year(int year) const override;
  // The years with readings, oldest first. Errors: kIoError.
  Result<std::vector<int>> years() const override;
  // Every reading as contract rows, by (uscc, date): for export and tests, not for figures.
  // Errors: kIoError, kCorruption.
  Result<std::vector<DailyElectricity>> all_readings() const;

 private:
  const Database& db_;
};

namespace detail {

// The SQL of the migration that creates table electricity_daily_year (one row per enterprise and
// year; a rowid table, since a block of up to 2,928 bytes is too large for WITHOUT ROWID's
// b-tree pages to hold many) and its index by year (figures read a year of every enterprise).
extern const char* const kCreateDailyElectricityYear;

// The statements over electricity_daily_year. Parameters: ?1 uscc, ?2 year, ?3 days, ?4 kwh.
struct DailyYearSql {
  static const char* const kSelectByKey;  // days, kwh of (?1, ?2)
  static const char* const kUpsert;       // inserts or overwrites (?1..?4)
};

// Stores `rows` inside the caller's write transaction, merged day by day into the stored year
// blocks: a new day is inserted, an equal reading left alone, another reading replaced with a
// revision (kind "electricity_daily", key "USCC|YYYY-MM-DD") naming `source`, numbered in
// `import_id`'s import at `changed_at`. Counts go to `summary`. Of two rows of the same day the
// later wins (an import has none: its keys are checked unique). Errors: kInvalidData for a
// reading that is negative or not finite or a date that is not real; kIoError; kCorruption.
Status store_daily_electricity(StatementCache& cache, const std::vector<DailyElectricity>& rows,
                               const std::string& source, const std::string& changed_at,
                               ApplySummary& summary);

// Writes `years` (each a whole enterprise-year) in one write transaction of its own, replacing
// any stored block of the same key, without revisions and without moving the data version (no
// cached figure holds the readings): for a database being created, as `zhizao demo` does, not for
// an import (which goes through Database::apply). Errors: kIoError.
Status write_daily_years(Database& db, std::span<const DailyElectricityYear> years);

}  // namespace detail
}  // namespace zhizao
