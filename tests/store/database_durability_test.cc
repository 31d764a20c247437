#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "store/database.h"
#include "store/temp_database.h"

namespace zhizao {
namespace {

using testing_support::raw_sql;
using testing_support::TempDatabasePath;

constexpr int kRows = 200'000;

Dataset many_monthly_rows() {
  Dataset rows;
  rows.monthly.reserve(kRows);
  for (int i = 0; i < kRows; ++i) {
    MonthlyRecord row;
    row.uscc = "9141030000000" + std::to_string(10000 + i / 100);
    row.period = YearMonth{2000, 1}.plus_months(i % 100);
    row.output = i + 0.5;
    rows.monthly.push_back(row);
  }
  return rows;
}

// Kills a process in the middle of apply() with SIGKILL: the file must hold either nothing of
// the import or all of it, and pass SQLite's integrity check.
TEST(DatabaseDurability, KillDuringApplyLeavesBeforeOrAfter) {
  TempDatabasePath file;
  ASSERT_TRUE(Database::open(file.path(), OpenMode::kCreateIfMissing).has_value());
  int ready[2];
  ASSERT_EQ(pipe(ready), 0);
  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    close(ready[0]);
    auto db = Database::open(file.path(), OpenMode::kMustExist);
    if (!db) _exit(2);
    std::vector<SourcedBatch> batches{{"big.csv", many_monthly_rows()}};
    char byte = 'x';
    if (write(ready[1], &byte, 1) != 1) _exit(3);
    (*db)->apply(batches);
    _exit(0);
  }
  close(ready[1]);
  char byte = 0;
  ASSERT_EQ(read(ready[0], &byte, 1), 1);
  close(ready[0]);
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  kill(child, SIGKILL);
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);

  auto db = Database::open(file.path(), OpenMode::kMustExist);
  ASSERT_TRUE(db.has_value()) << db.error().to_string();
  Result<Dataset> loaded = (*db)->load();
  ASSERT_TRUE(loaded.has_value()) << loaded.error().to_string();
  size_t stored = loaded->monthly.size();
  EXPECT_TRUE(stored == 0 || stored == kRows) << stored << " rows survived";
  db->reset();
  EXPECT_EQ(raw_sql(file.path(), "PRAGMA integrity_check"), "ok");
  EXPECT_EQ(raw_sql(file.path(), "SELECT count(*) FROM import_batch"), stored == 0 ? "0" : "1");
  if (WIFSIGNALED(status)) {
    EXPECT_EQ(stored, 0u) << "killed before commit, yet rows were stored";
  }
}

}  // namespace
}  // namespace zhizao
