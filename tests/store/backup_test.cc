// Backup, restore and integrity check (store/backup.h): consistent copies under concurrent
// writes, refusal of damaged, foreign and newer files, migration of older ones, the replaced
// database kept aside.
#include "store/backup.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <thread>

#include "store/database.h"
#include "store/migrations.h"
#include "store/temp_database.h"

namespace zhizao {
namespace {

namespace fs = std::filesystem;
using testing_support::raw_sql;
using testing_support::TempDatabasePath;

// `count` monthly rows of one enterprise per 100 months, outputs base + i.
Dataset monthly_rows(int count, double base, int first_enterprise = 0) {
  Dataset rows;
  for (int i = 0; i < count; ++i) {
    MonthlyRecord row;
    row.uscc = "9141030000000" + std::to_string(10000 + first_enterprise + i / 100);
    row.period = YearMonth{2000, 1}.plus_months(i % 100);
    row.output = base + i;
    rows.monthly.push_back(row);
  }
  return rows;
}

void fill(const std::string& path, int rows, double base) {
  auto db = Database::open(path, OpenMode::kCreateIfMissing);
  ASSERT_TRUE(db.has_value()) << db.error().to_string();
  auto applied = (*db)->apply({{"fill.csv", monthly_rows(rows, base)}});
  ASSERT_TRUE(applied.has_value()) << applied.error().to_string();
}

// Overwrites the first bytes of the root page of table `table` (after every connection closed,
// so the file holds all pages): SQLite then finds that b-tree malformed.
void damage_table(const std::string& path, const std::string& table) {
  long root =
      std::stol(raw_sql(path, "SELECT rootpage FROM sqlite_schema WHERE name = '" + table + "'"));
  long page_size = std::stol(raw_sql(path, "PRAGMA page_size"));
  ASSERT_FALSE(fs::exists(path + "-wal") && fs::file_size(path + "-wal") > 0);
  std::fstream file(path, std::ios::in | std::ios::out | std::ios::binary);
  file.seekp((root - 1) * page_size);
  std::string garbage(64, '\xff');
  file.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
}

class BackupTest : public ::testing::Test {
 protected:
  std::string backup_path() const { return db_.path() + ".backup"; }
  void TearDown() override {
    std::error_code ignored;
    for (const auto& entry : fs::directory_iterator(fs::path(db_.path()).parent_path())) {
      std::string name = entry.path().string();
      if (name.rfind(db_.path() + ".", 0) == 0) fs::remove(entry.path(), ignored);
    }
  }
  TempDatabasePath db_;
};

TEST_F(BackupTest, CopyHoldsEverythingInOneFile) {
  fill(db_.path(), 5000, 1.5);
  Result<BackupSummary> backup = backup_database(db_.path(), backup_path(), {});
  ASSERT_TRUE(backup.has_value()) << backup.error().to_string();
  EXPECT_EQ(backup->schema_version, Database::schema_version());
  EXPECT_GT(backup->pages, 10);
  EXPECT_EQ(backup->bytes, static_cast<long long>(fs::file_size(backup_path())));
  EXPECT_FALSE(fs::exists(backup_path() + ".tmp"));
  EXPECT_FALSE(fs::exists(backup_path() + "-wal"));
  EXPECT_EQ(raw_sql(backup_path(), "PRAGMA journal_mode"), "delete");
  // sum of 1.5 + i for i < 5000 = 5000 * 1.5 + 4999 * 5000 / 2
  EXPECT_EQ(raw_sql(backup_path(), "SELECT count(*) FROM monthly"), "5000");
  EXPECT_EQ(raw_sql(backup_path(), "SELECT sum(output) FROM monthly"), "12505000.0");
}

TEST_F(BackupTest, RefusesToOverwriteUnlessAsked) {
  fill(db_.path(), 10, 1);
  std::ofstream(backup_path()) << "an older backup";
  Result<BackupSummary> refused = backup_database(db_.path(), backup_path(), {});
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code(), StatusCode::kUsage);
  EXPECT_NE(refused.error().message().find("--force"), std::string::npos);
  BackupOptions replace;
  replace.existing = ExistingFile::kReplace;
  ASSERT_TRUE(backup_database(db_.path(), backup_path(), replace).has_value());
  EXPECT_EQ(raw_sql(backup_path(), "SELECT count(*) FROM monthly"), "10");
}

TEST_F(BackupTest, RefusesMissingForeignAndSelf) {
  Result<BackupSummary> missing = backup_database(db_.path(), backup_path(), {});
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().code(), StatusCode::kNotFound);

  raw_sql(db_.path(), "CREATE TABLE t (x); PRAGMA application_id = 42");
  Result<BackupSummary> foreign = backup_database(db_.path(), backup_path(), {});
  ASSERT_FALSE(foreign.has_value());
  EXPECT_EQ(foreign.error().code(), StatusCode::kCorruption);
  EXPECT_NE(foreign.error().message().find("not a zhizao database"), std::string::npos);
  EXPECT_FALSE(fs::exists(backup_path()));
  EXPECT_FALSE(fs::exists(backup_path() + ".tmp"));

  Result<BackupSummary> self = backup_database(db_.path(), db_.path(), {});
  ASSERT_FALSE(self.has_value());
  EXPECT_EQ(self.error().code(), StatusCode::kUsage);
}

// Another connection commits small imports all along; the backup (one page a step, so that it
// restarts) must still end, with a state some commit left: 10 monthly rows per import batch.
TEST_F(BackupTest, ConsistentWhileAnotherConnectionWrites) {
  fill(db_.path(), 20'000, 0);  // batch 1: 20000 rows
  std::atomic<bool> stop{false};
  std::atomic<int> commits{0};
  std::thread writer([&] {
    auto db = Database::open(db_.path(), OpenMode::kMustExist);
    if (!db) return;
    for (int i = 0; !stop; ++i) {
      auto applied = (*db)->apply({{"w.csv", monthly_rows(10, i, 1000 + i)}});
      if (applied) ++commits;
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  });
  while (commits < 3) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  BackupOptions options;
  options.pages_per_step = 1;
  options.pause_between_steps = std::chrono::milliseconds(5);  // the writer commits meanwhile
  Result<BackupSummary> backup = backup_database(db_.path(), backup_path(), options);
  stop = true;
  writer.join();
  ASSERT_TRUE(backup.has_value()) << backup.error().to_string();
  // How often the copy restarted depends on the scheduler; the state must be whole regardless.
  RecordProperty("restarts", backup->restarts);
  EXPECT_EQ(raw_sql(backup_path(), "PRAGMA integrity_check"), "ok");
  long batches = std::stol(raw_sql(backup_path(), "SELECT count(*) FROM import_batch"));
  long rows = std::stol(raw_sql(backup_path(), "SELECT count(*) FROM monthly"));
  EXPECT_GE(batches, 4);
  EXPECT_EQ(rows, 20'000 + 10 * (batches - 1));
}

TEST_F(BackupTest, RestoreCreatesTheDatabaseAndAuditsIt) {
  fill(db_.path(), 300, 2);
  ASSERT_TRUE(backup_database(db_.path(), backup_path(), {}).has_value());
  std::string target = db_.path() + ".restored";
  Result<RestoreSummary> restored = restore_database(backup_path(), target, {});
  ASSERT_TRUE(restored.has_value()) << restored.error().to_string();
  EXPECT_EQ(restored->backup_schema_version, Database::schema_version());
  EXPECT_TRUE(restored->kept_as.empty());
  EXPECT_EQ(raw_sql(target, "SELECT count(*) FROM monthly"), "300");
  EXPECT_EQ(raw_sql(target, "SELECT action || ' ' || target FROM audit_log"),
            "database.restore " + target);
  EXPECT_FALSE(fs::exists(target + ".restore-tmp"));
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(target + suffix);
}

TEST_F(BackupTest, RestoreOverExistingNeedsForceAndKeepsTheOld) {
  fill(db_.path(), 300, 2);
  ASSERT_TRUE(backup_database(db_.path(), backup_path(), {}).has_value());
  {
    auto db = Database::open(db_.path(), OpenMode::kMustExist);
    ASSERT_TRUE(db.has_value());
    ASSERT_TRUE((*db)->apply({{"later.csv", monthly_rows(50, 0, 500)}}).has_value());
  }
  Result<RestoreSummary> refused = restore_database(backup_path(), db_.path(), {});
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code(), StatusCode::kUsage);
  EXPECT_EQ(raw_sql(db_.path(), "SELECT count(*) FROM monthly"), "350");

  RestoreOptions force;
  force.existing = ExistingFile::kReplace;
  Result<RestoreSummary> restored = restore_database(backup_path(), db_.path(), force);
  ASSERT_TRUE(restored.has_value()) << restored.error().to_string();
  EXPECT_EQ(raw_sql(db_.path(), "SELECT count(*) FROM monthly"), "300");
  ASSERT_FALSE(restored->kept_as.empty());
  EXPECT_EQ(restored->kept_as.rfind(db_.path() + ".before-restore-", 0), 0u) << restored->kept_as;
  EXPECT_EQ(raw_sql(restored->kept_as, "SELECT count(*) FROM monthly"), "350");

  force.replaced = ReplacedDatabase::kDiscard;
  Result<RestoreSummary> discarded = restore_database(backup_path(), db_.path(), force);
  ASSERT_TRUE(discarded.has_value()) << discarded.error().to_string();
  EXPECT_TRUE(discarded->kept_as.empty());
}

TEST_F(BackupTest, DamagedBackupIsRefusedAndTheDatabaseUntouched) {
  fill(db_.path(), 3000, 2);
  ASSERT_TRUE(backup_database(db_.path(), backup_path(), {}).has_value());
  damage_table(backup_path(), "monthly_year");
  RestoreOptions force;
  force.existing = ExistingFile::kReplace;
  Result<RestoreSummary> refused = restore_database(backup_path(), db_.path(), force);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code(), StatusCode::kCorruption);
  EXPECT_NE(refused.error().message().find("is damaged"), std::string::npos)
      << refused.error().message();
  EXPECT_EQ(raw_sql(db_.path(), "SELECT count(*) FROM monthly"), "3000");
  EXPECT_FALSE(fs::exists(db_.path() + ".restore-tmp"));
}

TEST_F(BackupTest, NewerSchemaIsRefused) {
  fill(db_.path(), 10, 2);
  ASSERT_TRUE(backup_database(db_.path(), backup_path(), {}).has_value());
  raw_sql(backup_path(), "PRAGMA user_version = " + std::to_string(Database::schema_version() + 1));
  std::string target = db_.path() + ".restored";
  Result<RestoreSummary> refused = restore_database(backup_path(), target, {});
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code(), StatusCode::kCorruption);
  EXPECT_NE(refused.error().message().find("newer"), std::string::npos)
      << refused.error().message();
  EXPECT_FALSE(fs::exists(target));
}

// A backup taken by a version with only the first migration: restore brings it up to date.
TEST_F(BackupTest, OlderSchemaIsMigrated) {
  std::string old_sql = std::string(detail::migrations()[0].sql) +
                        "; PRAGMA application_id = " + std::to_string(detail::kApplicationId) +
                        "; PRAGMA user_version = 1";
  raw_sql(backup_path(), old_sql);
  raw_sql(backup_path(), "INSERT INTO chain (id, name) VALUES ('c1', '装备')");
  std::string target = db_.path() + ".restored";
  Result<RestoreSummary> restored = restore_database(backup_path(), target, {});
  ASSERT_TRUE(restored.has_value()) << restored.error().to_string();
  EXPECT_EQ(restored->backup_schema_version, 1);
  EXPECT_EQ(restored->schema_version, Database::schema_version());
  EXPECT_EQ(raw_sql(target, "PRAGMA user_version"), std::to_string(Database::schema_version()));
  EXPECT_EQ(raw_sql(target, "SELECT name FROM chain"), "装备");
  EXPECT_EQ(raw_sql(target, "SELECT count(*) FROM user"), "0");
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(target + suffix);
}

TEST_F(BackupTest, CheckFindsNothingInAHealthyFile) {
  fill(db_.path(), 100, 2);
  Result<IntegrityReport> report = check_database_file(db_.path());
  ASSERT_TRUE(report.has_value()) << report.error().to_string();
  EXPECT_FALSE(report->damaged());
  EXPECT_EQ(report->schema_version, Database::schema_version());
}

TEST_F(BackupTest, CheckReportsADamagedTree) {
  fill(db_.path(), 3000, 2);
  damage_table(db_.path(), "monthly_year");
  Result<IntegrityReport> report = check_database_file(db_.path());
  ASSERT_TRUE(report.has_value()) << report.error().to_string();
  ASSERT_TRUE(report->damaged());
}

TEST_F(BackupTest, CheckReportsAMissingParent) {
  fill(db_.path(), 10, 2);
  // A raw connection does not enforce foreign keys (SQLite's default), as a careless tool would.
  raw_sql(db_.path(),
          "INSERT INTO revision (import_id, kind, key, uscc, old_value, new_value, changed_at, "
          "source) VALUES (99, 'monthly', 'k', '', '{}', '{}', '2021-01-01T00:00:00Z', 'x')");
  Result<IntegrityReport> report = check_database_file(db_.path());
  ASSERT_TRUE(report.has_value()) << report.error().to_string();
  ASSERT_EQ(report->problems.size(), 1u);
  EXPECT_EQ(report->problems[0], "foreign key: revision row 1 refers to a missing import_batch");
}

TEST_F(BackupTest, CheckRefusesMissingAndForeignFiles) {
  Result<IntegrityReport> missing = check_database_file(db_.path());
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().code(), StatusCode::kNotFound);
  std::ofstream(db_.path()) << "this is not SQLite, only text long enough to have a header....."
                               "..........................................................";
  Result<IntegrityReport> foreign = check_database_file(db_.path());
  ASSERT_FALSE(foreign.has_value());
  EXPECT_EQ(foreign.error().code(), StatusCode::kCorruption);
}

}  // namespace
}  // namespace zhizao
