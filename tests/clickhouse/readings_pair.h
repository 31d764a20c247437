// The same readings in the embedded store and in ClickHouse, and the checks that every figure
// read from them is the same to the last bit: the year blocks, the month so far day by day
// (compare_daily), the nowcast with its back-test, and the complete months of the quality checks.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "clickhouse/clickhouse_target.h"
#include "domain/records.h"
#include "store/database.h"

namespace zhizao::testing_clickhouse {

// A database file of its own under the test's temporary folder, removed with the object.
class ScratchDatabase {
 public:
  explicit ScratchDatabase(const std::string& name);
  ~ScratchDatabase();
  ScratchDatabase(const ScratchDatabase&) = delete;
  ScratchDatabase& operator=(const ScratchDatabase&) = delete;

  Database& db() { return *db_; }

 private:
  std::string path_;
  std::unique_ptr<Database> db_;
};

// Stores `readings` as one import into the database (Database::apply) and as one committed
// import into ClickHouse; fails the test on an error.
void load_both(Database& db, const ClickHouseTarget& target,
               const std::vector<DailyElectricity>& readings);

// Expects every figure of the months first..last read from `db` and from `target` to be equal
// (JSON dumps of the same figures compared as text: doubles in shortest round-trip form, so
// equal text is equal bits). Returns the number of months compared with readings.
int expect_same_figures(const Database& db, const ClickHouseTarget& target, YearMonth first,
                        YearMonth last);

}  // namespace zhizao::testing_clickhouse
