// The journal of an apply (store/bulk_journal.h): a rollback journal for a large apply when the
// connection has the file to itself, the WAL otherwise, and WAL again afterwards in every case.
#include "store/bulk_journal.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "store/database.h"
#include "store/temp_database.h"

namespace zhizao {
namespace {

using testing_support::open_database;
using testing_support::raw_sql;
using testing_support::TempDatabasePath;

// `rows` monthly records of 100 enterprises, the months counting up from 2000-01.
Dataset monthly_rows(size_t rows) {
  Dataset data;
  data.monthly.reserve(rows);
  for (size_t i = 0; i < rows; ++i) {
    MonthlyRecord row;
    row.uscc = "9141030000000" + std::to_string(10000 + i % 100);
    row.period = YearMonth{2000, 1}.plus_months(static_cast<int>(i / 100));
    row.output = static_cast<double>(i) + 0.5;
    data.monthly.push_back(row);
  }
  return data;
}

TEST(BulkJournal, LargeApplyAloneUsesTheRollbackJournalThenWalAgain) {
  TempDatabasePath file;
  std::unique_ptr<Database> db = open_database(file.path());
  ASSERT_NE(db, nullptr);
  Result<ApplySummary> applied =
      db->apply({{"big.csv", monthly_rows(detail::kRollbackJournalMinRows)}});
  ASSERT_TRUE(applied.has_value()) << applied.error().to_string();
  EXPECT_EQ(applied->journal, ApplyJournal::kRollback);
  EXPECT_EQ(applied->inserted, static_cast<long>(detail::kRollbackJournalMinRows));
  EXPECT_FALSE(std::filesystem::exists(file.path() + "-journal"));  // deleted at the commit
  // The connection is back in WAL: the file says so to every other connection.
  EXPECT_EQ(raw_sql(file.path(), "PRAGMA journal_mode"), "wal");
  EXPECT_EQ(raw_sql(file.path(), "SELECT count(*) FROM monthly"),
            std::to_string(detail::kRollbackJournalMinRows));
}

TEST(BulkJournal, LargeApplyWithAnotherConnectionOpenStaysInWal) {
  TempDatabasePath file;
  std::unique_ptr<Database> writer = open_database(file.path());
  std::unique_ptr<Database> reader = open_database(file.path());
  ASSERT_NE(writer, nullptr);
  ASSERT_NE(reader, nullptr);
  Result<ApplySummary> applied =
      writer->apply({{"big.csv", monthly_rows(detail::kRollbackJournalMinRows + 7)}});
  ASSERT_TRUE(applied.has_value()) << applied.error().to_string();
  EXPECT_EQ(applied->journal, ApplyJournal::kWal);
  Result<Dataset> seen = reader->load();
  ASSERT_TRUE(seen.has_value()) << seen.error().to_string();
  EXPECT_EQ(seen->monthly.size(), detail::kRollbackJournalMinRows + 7);
}

TEST(BulkJournal, SmallApplyStaysInWal) {
  TempDatabasePath file;
  std::unique_ptr<Database> db = open_database(file.path());
  ASSERT_NE(db, nullptr);
  Result<ApplySummary> applied =
      db->apply({{"small.csv", monthly_rows(detail::kRollbackJournalMinRows - 1)}});
  ASSERT_TRUE(applied.has_value()) << applied.error().to_string();
  EXPECT_EQ(applied->journal, ApplyJournal::kWal);
}

TEST(BulkJournal, FailedLargeApplyLeavesTheDataAsBeforeAndWal) {
  TempDatabasePath file;
  std::unique_ptr<Database> db = open_database(file.path());
  ASSERT_NE(db, nullptr);
  ASSERT_TRUE(db->apply({{"first.csv", monthly_rows(50)}}).has_value());
  // Many rows, then one the schema refuses (month 13, CHECK constraint): the apply fails after
  // writing pages through the rollback journal, which must put every one of them back.
  Dataset rows = monthly_rows(detail::kRollbackJournalMinRows * 3);
  MonthlyRecord refused = rows.monthly.front();
  refused.uscc = "Z";  // sorts last, so it is stored last
  refused.period = YearMonth{2021, 13};
  rows.monthly.push_back(refused);
  Result<ApplySummary> applied = db->apply({{"bad.csv", rows}});
  ASSERT_FALSE(applied.has_value());
  db.reset();
  EXPECT_EQ(raw_sql(file.path(), "SELECT count(*) FROM monthly"), "50");
  EXPECT_EQ(raw_sql(file.path(), "SELECT count(*) FROM import_batch"), "1");
  EXPECT_EQ(raw_sql(file.path(), "PRAGMA journal_mode"), "wal");
  EXPECT_EQ(raw_sql(file.path(), "PRAGMA integrity_check"), "ok");
}

}  // namespace
}  // namespace zhizao
