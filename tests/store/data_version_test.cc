// Database::data_version (migration 4): every apply moves it forward in its own transaction, a
// failed apply leaves it, and a recreated database does not come back to an old version.
#include <gtest/gtest.h>

#include "store/database.h"
#include "store/temp_database.h"

namespace zhizao {
namespace {

using testing_support::open_database;
using testing_support::raw_sql;
using testing_support::TempDatabasePath;

std::int64_t version_of(const Database& db) {
  Result<std::int64_t> version = db.data_version();
  EXPECT_TRUE(version.has_value()) << version.error().message();
  return version.value_or(-1);
}

Dataset one_chain(const char* name) {
  Dataset rows;
  rows.chains.push_back({"c1", name});
  return rows;
}

TEST(DataVersion, ANewDatabaseStartsAtAboutTheTimeInMicroseconds) {
  TempDatabasePath file;
  auto db = open_database(file.path());
  // 2020-01-01 in microseconds since 1970: any version made by this code is later.
  EXPECT_GT(version_of(*db), 1'577'836'800'000'000);
}

TEST(DataVersion, EveryApplyMovesItForwardAndReopeningKeepsIt) {
  TempDatabasePath file;
  std::int64_t after_second = 0;
  {
    auto db = open_database(file.path());
    std::int64_t initial = version_of(*db);
    ASSERT_TRUE(db->apply({{"a.csv", one_chain("甲")}}).has_value());
    std::int64_t after_first = version_of(*db);
    EXPECT_GT(after_first, initial);
    // Also when nothing changed: the version promises no more than "maybe different".
    ASSERT_TRUE(db->apply({{"a.csv", one_chain("甲")}}).has_value());
    after_second = version_of(*db);
    EXPECT_GT(after_second, after_first);
  }
  auto reopened = open_database(file.path());
  EXPECT_EQ(version_of(*reopened), after_second);
}

TEST(DataVersion, AFailedApplyLeavesIt) {
  TempDatabasePath file;
  auto db = open_database(file.path());
  std::int64_t before = version_of(*db);
  Dataset bad;
  bad.va_ratios.push_back({"13", 2022, 1.5});  // the schema refuses ratios above 1
  ASSERT_FALSE(db->apply({{"bad.csv", bad}}).has_value());
  EXPECT_EQ(version_of(*db), before);
}

TEST(DataVersion, ARecreatedDatabaseDoesNotReturnToTheOldVersion) {
  TempDatabasePath file;
  std::int64_t old_version = 0;
  {
    auto db = open_database(file.path());
    ASSERT_TRUE(db->apply({{"a.csv", one_chain("甲")}}).has_value());
    old_version = version_of(*db);
  }
  std::filesystem::remove(file.path());
  std::filesystem::remove(file.path() + "-wal");
  std::filesystem::remove(file.path() + "-shm");
  auto db = open_database(file.path());
  EXPECT_NE(version_of(*db), old_version);
}

TEST(DataVersion, AMissingRowIsCorruption) {
  TempDatabasePath file;
  open_database(file.path()).reset();
  raw_sql(file.path(), "DELETE FROM data_version");
  auto db = open_database(file.path());
  Result<std::int64_t> version = db->data_version();
  ASSERT_FALSE(version.has_value());
  EXPECT_EQ(version.error().code(), StatusCode::kCorruption);
}

}  // namespace
}  // namespace zhizao
