// The hook of backup and restore for the proof files (store/backup.h BeforePublish): it gets the
// copy's proof names (table safety_proof, sorted) before the copy appears, and an error from it
// leaves nothing under the backup's name and the database untouched.
#include <gtest/gtest.h>

#include <filesystem>

#include "store/backup.h"
#include "store/database.h"
#include "store/temp_database.h"

namespace zhizao {
namespace {

namespace fs = std::filesystem;
using testing_support::raw_sql;
using testing_support::TempDatabasePath;

class BackupPublishHook : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = Database::open(db_.path(), OpenMode::kCreateIfMissing);
    ASSERT_TRUE(db.has_value());
  }
  void TearDown() override {
    std::error_code ignored;
    for (const auto& entry : fs::directory_iterator(fs::path(db_.path()).parent_path())) {
      std::string name = entry.path().string();
      if (name.rfind(db_.path() + ".", 0) == 0 || name.rfind(target(), 0) == 0) {
        fs::remove(entry.path(), ignored);
      }
    }
  }
  void register_proof(const std::string& name) {
    raw_sql(db_.path(),
            "INSERT INTO safety_proof (name, content_type, bytes, uploaded_by, uploaded_at) "
            "VALUES ('" +
                name + "', 'image/png', 10, 'u', '2021-06-30T00:00:00Z')");
  }
  std::string backup_path() const { return db_.path() + ".backup"; }
  std::string target() const { return db_.path() + "-restored"; }

  TempDatabasePath db_;
};

TEST_F(BackupPublishHook, GetsTheSortedNamesBeforeTheCopyAppears) {
  register_proof(std::string(64, 'b') + ".png");
  register_proof(std::string(64, 'a') + ".pdf");
  std::vector<std::string> seen;
  bool existed = true;
  BackupOptions options;
  options.before_publish = [&](const std::vector<std::string>& names) {
    seen = names;
    existed = fs::exists(backup_path());
    return Status::ok();
  };
  ASSERT_TRUE(backup_database(db_.path(), backup_path(), options).has_value());
  EXPECT_EQ(seen, (std::vector<std::string>{std::string(64, 'a') + ".pdf",
                                            std::string(64, 'b') + ".png"}));
  EXPECT_FALSE(existed);
  EXPECT_TRUE(fs::exists(backup_path()));

  RestoreOptions restore;
  seen.clear();
  restore.before_publish = [&](const std::vector<std::string>& names) {
    seen = names;
    existed = fs::exists(target());
    return Status::ok();
  };
  ASSERT_TRUE(restore_database(backup_path(), target(), restore).has_value());
  EXPECT_EQ(seen.size(), 2u);
  EXPECT_FALSE(existed);
}

TEST_F(BackupPublishHook, AnErrorLeavesNoBackupAndNoRestore) {
  BackupOptions options;
  options.before_publish = [](const std::vector<std::string>& names) {
    EXPECT_TRUE(names.empty());  // no proof registered
    return Status::corruption("a proof is damaged");
  };
  Result<BackupSummary> refused = backup_database(db_.path(), backup_path(), options);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code(), StatusCode::kCorruption);
  EXPECT_FALSE(fs::exists(backup_path()));
  EXPECT_FALSE(fs::exists(backup_path() + ".tmp"));

  ASSERT_TRUE(backup_database(db_.path(), backup_path(), {}).has_value());
  register_proof(std::string(64, 'c') + ".jpg");  // after the backup: marks the database
  RestoreOptions restore;
  restore.existing = ExistingFile::kReplace;
  restore.before_publish = [](const std::vector<std::string>&) {
    return Status::io_error("disk full");
  };
  Result<RestoreSummary> failed = restore_database(backup_path(), db_.path(), restore);
  ASSERT_FALSE(failed.has_value());
  EXPECT_EQ(failed.error().code(), StatusCode::kIoError);
  // The database is the one before the restore: its marker proof is still there.
  EXPECT_EQ(raw_sql(db_.path(), "SELECT count(*) FROM safety_proof"), "1");
  EXPECT_FALSE(fs::exists(db_.path() + ".restore-tmp"));
}

}  // namespace
}  // namespace zhizao
