// What the nowcast tests share: a fresh database per test in the test's temporary folder, filled
// with invented daily readings, and the monthly level those readings follow (flat within a month,
// so that any days so far of a month give its whole growth).
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "signals/spring_festival.h"  // days_since_epoch, date_of_epoch_day
#include "store/database.h"

namespace zhizao::testing {

// The level of every day of a month: varies by year and month, flat within the month.
inline double flat_level(int year, int month) { return 1 + 0.05 * ((year * 7 + month * 3) % 5); }

// Growth of month M of Y over Y−1, in per cent, of readings at flat_level.
inline double flat_growth(int year, int month) {
  return 100 * (flat_level(year, month) / flat_level(year - 1, month) - 1);
}

// A new database file per test (removed with its -wal and -shm files afterwards).
class ReadingsDatabaseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = ::testing::TempDir() + "zhizao_readings_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name() + "_" +
            std::to_string(getpid()) + ".db";
    remove_files();
    auto db = Database::open(path_, OpenMode::kCreateIfMissing);
    ASSERT_TRUE(db.has_value());
    db_ = std::move(*db);
  }
  void TearDown() override {
    db_.reset();
    remove_files();
  }

  // Every day from `first` to `last` (inclusive) of each enterprise, its kWh from `kwh(uscc,
  // date)`, stored as one electricity_daily.csv batch.
  template <typename Kwh>
  void store_readings(const std::vector<std::string>& usccs, CivilDate first, CivilDate last,
                      Kwh kwh) {
    SourcedBatch batch{"electricity_daily.csv", {}};
    for (const std::string& uscc : usccs) {
      for (int day = days_since_epoch(first); day <= days_since_epoch(last); ++day) {
        CivilDate date = date_of_epoch_day(day);
        batch.rows.electricity_daily.push_back({uscc, date, kwh(uscc, date)});
      }
    }
    ASSERT_TRUE(db_->apply({batch}).has_value());
  }

  std::string path_;
  std::unique_ptr<Database> db_;

 private:
  void remove_files() {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
  }
};

}  // namespace zhizao::testing
