// An import by another process while the server runs writes through the WAL, so the server's
// requests read the data as it was instead of waiting for a large import to commit
// (store/bulk_journal.h; the server holds a connection open for that).
#include <gtest/gtest.h>

#include <string>

#include "server_fixture.h"
#include "store/bulk_journal.h"

namespace zhizao::testing {
namespace {

TEST(ImportWhileServingTest, LargeImportStaysInWalWhileTheServerRuns) {
  TestServer server;
  Result<std::unique_ptr<Database>> db = Database::open(server.db_path(), OpenMode::kMustExist);
  ASSERT_TRUE(db.has_value()) << db.error().to_string();
  Dataset rows;
  for (size_t i = 0; i < detail::kRollbackJournalMinRows; ++i) {
    MonthlyRecord row;
    row.uscc = "914103000000" + std::to_string(100000 + i % 1000);
    row.period = YearMonth{2000, 1}.plus_months(static_cast<int>(i / 1000));
    row.output = 1.0;
    rows.monthly.push_back(row);
  }
  Result<ApplySummary> applied = (*db)->apply({{"national.csv", rows}});
  ASSERT_TRUE(applied.has_value()) << applied.error().to_string();
  EXPECT_EQ(applied->journal, ApplyJournal::kWal);
  auto health = server.client()->Get("/api/health");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
}

}  // namespace
}  // namespace zhizao::testing
