// A rebuild of the columnar snapshot killed (SIGKILL) at any moment never leaves a broken
// snapshot: the file at the snapshot's path is the old whole snapshot or the new one, and the
// next report rebuilds a stale one. Label "faults" (tests/CMakeLists.txt).
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "columnar/snapshot.h"

namespace zhizao {
namespace {

// Enough records that a rebuild takes a while: `enterprises` × 24 months.
Dataset generated(int enterprises, double scale) {
  Dataset rows;
  for (int e = 0; e < enterprises; ++e) {
    Enterprise enterprise;
    enterprise.uscc = "91410300MA" + std::to_string(10'000'000 + e);
    enterprise.name = "企业" + std::to_string(e);
    enterprise.industry = enterprise.division = e % 2 == 0 ? "34" : "13";
    enterprise.region = "410305";
    rows.enterprises.push_back(enterprise);
    for (int m = 0; m < 24; ++m) {
      MonthlyRecord record;
      record.uscc = enterprise.uscc;
      record.period = YearMonth{2020, 1}.plus_months(m);
      record.output = scale * (100 + e % 17 + m);
      record.value_added = record.output / 4;
      rows.monthly.push_back(record);
    }
  }
  return rows;
}

std::unique_ptr<Database> open_database(const std::string& path) {
  auto db = Database::open(path, OpenMode::kCreateIfMissing);
  EXPECT_TRUE(db.has_value()) << db.error().message();
  return db ? std::move(*db) : nullptr;
}

TEST(SnapshotKill, AKilledRebuildLeavesTheOldSnapshotOrTheNew) {
  const std::string db_path =
      ::testing::TempDir() + "zhizao_snapshot_kill_" + std::to_string(getpid()) + ".db";
  const std::string snapshot_path = snapshot_path_for(db_path);
  auto db = open_database(db_path);
  ASSERT_NE(db, nullptr);
  ASSERT_TRUE(db->apply({{"a.csv", generated(1500, 1)}}).has_value());
  ASSERT_TRUE(rebuild_snapshot(*db, snapshot_path).is_ok());
  const std::int64_t old_version = *db->data_version();
  ASSERT_TRUE(db->apply({{"b.csv", generated(1500, 2)}}).has_value());
  const std::int64_t new_version = *db->data_version();

  // How long a whole rebuild takes here, to spread the kills over it.
  auto started = std::chrono::steady_clock::now();
  ASSERT_TRUE(rebuild_snapshot(*db, db_path + ".timing").is_ok());
  auto took = std::chrono::steady_clock::now() - started;
  std::filesystem::remove(db_path + ".timing");

  constexpr int kKills = 6;
  int killed_midway = 0;
  for (int kill = 0; kill < kKills; ++kill) {
    pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      // Its own connection: an SQLite connection is not carried across fork.
      auto own = Database::open(db_path, OpenMode::kMustExist);
      _exit(own && rebuild_snapshot(**own, snapshot_path).is_ok() ? 0 : 1);
    }
    std::this_thread::sleep_for(took * kill / kKills);
    ::kill(child, SIGKILL);
    int status = 0;
    ASSERT_EQ(waitpid(child, &status, 0), child);
    if (WIFSIGNALED(status)) ++killed_midway;

    auto opened = ColumnarSnapshot::open(snapshot_path);
    ASSERT_TRUE(opened.has_value()) << "kill " << kill << ": " << opened.error().message();
    std::int64_t version = (*opened)->data_version();
    EXPECT_TRUE(version == old_version || version == new_version) << version;
  }
  EXPECT_GT(killed_midway, 0);
  // The next report's open finds the current data whatever the kills left.
  auto current = open_or_rebuild_snapshot(*db, snapshot_path);
  ASSERT_TRUE(current.has_value()) << current.error().message();
  EXPECT_EQ((*current)->data_version(), new_version);
  EXPECT_EQ((*current)->columns().column(MonthlyColumn::kOutput)[0], 2 * 100.0);

  db.reset();
  for (const auto& entry : std::filesystem::directory_iterator(::testing::TempDir())) {
    if (entry.path().string().starts_with(db_path)) std::filesystem::remove(entry.path());
  }
}

}  // namespace
}  // namespace zhizao
