// zhizao backup, restore and check's integrity part, black-box on the small dataset: a backup
// restores to the same report; a deliberately damaged file makes check exit 3.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "cli/cli_harness.h"
#include "cli/cli_test_support.h"

namespace zhizao::testing {
namespace {

namespace fs = std::filesystem;

// Returns the first column of the first row of `sql` on the file at `path` ("" when none).
std::string first_value(const std::string& path, const std::string& sql,
                        int flags = SQLITE_OPEN_READONLY) {
  sqlite3* db = nullptr;
  std::string value;
  if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) == SQLITE_OK) {
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK &&
        sqlite3_step(statement) == SQLITE_ROW && sqlite3_column_text(statement, 0) != nullptr) {
      value = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
    }
    sqlite3_finalize(statement);
  }
  sqlite3_close(db);
  return value;
}

class BackupCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fresh_directory("backup");
    db_ = (dir_ / "small.db").string();
    RunResult imported = import_into(db_, csv_files_in(test_data("cli/small"), FileOrder::kByName));
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string report() const {
    return run_zhizao({"report", "--db", db_, "--period", "2021-04", "--json"}).out;
  }

  fs::path dir_;
  std::string db_;
};

TEST_F(BackupCliTest, BackupThenRestoreGivesTheSameReport) {
  std::string before = report();
  ASSERT_FALSE(before.empty());
  std::string backup = (dir_ / "small-backup.db").string();
  RunResult made = run_zhizao({"backup", "--db", db_, backup});
  ASSERT_EQ(made.exit_code, 0) << made.err;
  EXPECT_NE(made.out.find("written to " + backup), std::string::npos) << made.out;
  EXPECT_NE(made.out.find("integrity ok"), std::string::npos) << made.out;

  RunResult again = run_zhizao({"backup", "--db", db_, backup});
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_NE(again.err.find("--force"), std::string::npos) << again.err;

  fs::remove(db_);
  RunResult restored = run_zhizao({"restore", "--db", db_, backup});
  ASSERT_EQ(restored.exit_code, 0) << restored.err;
  EXPECT_EQ(report(), before);

  RunResult refused = run_zhizao({"restore", "--db", db_, backup});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.err.find("pass --force"), std::string::npos) << refused.err;
  RunResult forced = run_zhizao({"restore", "--db", db_, backup, "--force"});
  ASSERT_EQ(forced.exit_code, 0) << forced.err;
  EXPECT_NE(forced.out.find("kept as " + db_ + ".before-restore-"), std::string::npos)
      << forced.out;
  EXPECT_EQ(report(), before);
}

TEST_F(BackupCliTest, CheckReportsASoundFile) {
  RunResult run = run_zhizao({"check", "--db", db_});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("database: integrity ok, foreign keys ok"), std::string::npos) << run.out;
  RunResult json = run_zhizao({"check", "--db", db_, "--json"});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  EXPECT_EQ(nlohmann::json::parse(json.out)["database"]["integrity"], "ok");
}

// Garbage over the root page of `monthly`: SQLite's integrity check must see it, check must say
// so with exit code 3, and backup must refuse to make a copy of it.
TEST_F(BackupCliTest, CheckExitsThreeOnADamagedFile) {
  long root =
      std::stol(first_value(db_, "SELECT rootpage FROM sqlite_schema WHERE name = 'monthly_year'"));
  long page_size = std::stol(first_value(db_, "PRAGMA page_size"));
  // Every page in the main file, so that the garbage is what SQLite reads.
  ASSERT_EQ(first_value(db_, "PRAGMA wal_checkpoint(TRUNCATE)", SQLITE_OPEN_READWRITE), "0");
  {
    std::fstream file(db_, std::ios::in | std::ios::out | std::ios::binary);
    file.seekp((root - 1) * page_size);
    std::string garbage(64, '\xff');
    file.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
  }
  RunResult run = run_zhizao({"check", "--db", db_});
  EXPECT_EQ(run.exit_code, 3) << run.out << run.err;
  EXPECT_NE(run.out.find("database: DAMAGED"), std::string::npos) << run.out;
  EXPECT_NE(run.err.find("is damaged"), std::string::npos) << run.err;
  RunResult json = run_zhizao({"check", "--db", db_, "--json"});
  EXPECT_EQ(json.exit_code, 3);
  EXPECT_EQ(nlohmann::json::parse(json.out)["database"]["integrity"], "damaged");

  std::string backup = (dir_ / "of-damaged.db").string();
  RunResult copy = run_zhizao({"backup", "--db", db_, backup});
  EXPECT_EQ(copy.exit_code, 1) << copy.out;
  EXPECT_NE(copy.err.find("is damaged"), std::string::npos) << copy.err;
  EXPECT_FALSE(fs::exists(backup));
  EXPECT_FALSE(fs::exists(backup + ".tmp"));
}

TEST_F(BackupCliTest, CheckExitsThreeOnAFileThatIsNotSqlite) {
  std::string text = (dir_ / "notes.db").string();
  std::ofstream(text) << std::string(200, 'x');
  RunResult run = run_zhizao({"check", "--db", text});
  EXPECT_EQ(run.exit_code, 3) << run.err;
  EXPECT_EQ(run_zhizao({"check", "--db", (dir_ / "absent.db").string()}).exit_code, 1);
}

}  // namespace
}  // namespace zhizao::testing
