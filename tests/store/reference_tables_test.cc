// load_all_but_monthly: every table but the monthly one, as Database::load reads them.
#include "store/reference_tables.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include "store/database.h"
#include "store/temp_database.h"

namespace zhizao {
namespace {

using testing_support::TempDatabasePath;

Enterprise enterprise(std::string uscc, std::vector<std::string> chains) {
  Enterprise row;
  row.uscc = std::move(uscc);
  row.name = "企业" + row.uscc.substr(row.uscc.size() - 2);
  row.industry = "3441";
  row.division = "34";
  row.region = "410302";
  row.chains = std::move(chains);
  return row;
}

TEST(LoadAllButMonthly, ReadsWhatLoadReadsButTheMonthlyRecords) {
  TempDatabasePath file;
  auto db = Database::open(file.path(), OpenMode::kCreateIfMissing);
  ASSERT_TRUE(db.has_value()) << db.error().to_string();
  SourcedBatch batch{"files", {}};
  // Given out of uscc order, with chain lists out of alphabetical order: the two scans must
  // still attach each list to its enterprise in the order given.
  batch.rows.enterprises = {enterprise("91410302MA400003XX", {"c2", "c1"}),
                            enterprise("91410302MA400001XM", {}),
                            enterprise("91410302MA400002X2", {"c3"})};
  batch.rows.chains = {{"c1", "装备制造"}, {"c2", "新材料"}, {"c3", "电子信息"}};
  batch.rows.parks = {{"p1", "洛阳高新区", "410302", ""}};
  MonthlyRecord month;
  month.uscc = "91410302MA400001XM";
  month.period = YearMonth{2021, 4};
  month.output = 100;
  batch.rows.monthly = {month};
  ASSERT_TRUE((*db)->apply({batch}).has_value());

  Dataset tables;
  Status loaded = detail::load_all_but_monthly((*db)->native_handle(), tables);
  ASSERT_TRUE(loaded.is_ok()) << loaded.to_string();
  EXPECT_TRUE(tables.monthly.empty());
  ASSERT_EQ(tables.enterprises.size(), 3u);
  EXPECT_EQ(tables.enterprises[0].uscc, "91410302MA400001XM");
  EXPECT_TRUE(tables.enterprises[0].chains.empty());
  EXPECT_EQ(tables.enterprises[1].chains, (std::vector<std::string>{"c3"}));
  EXPECT_EQ(tables.enterprises[2].chains, (std::vector<std::string>{"c2", "c1"}));
  EXPECT_EQ(tables.chains.size(), 3u);
  EXPECT_EQ(tables.parks.size(), 1u);
  EXPECT_EQ(tables.region_groups.size(), 1u);  // the default group migration 2 seeds

  Result<Dataset> everything = (*db)->load();
  ASSERT_TRUE(everything.has_value()) << everything.error().to_string();
  EXPECT_EQ(everything->monthly, (std::vector<MonthlyRecord>{month}));
  everything->monthly.clear();
  EXPECT_EQ(*everything, tables);
}

TEST(LoadAllButMonthly, AFileWithoutTheSchemaIsAnIoError) {
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(":memory:", &raw), SQLITE_OK);
  Dataset tables;
  Status loaded = detail::load_all_but_monthly(raw, tables);
  EXPECT_EQ(loaded.code(), StatusCode::kIoError) << loaded.to_string();
  EXPECT_TRUE(tables.enterprises.empty());
  sqlite3_close(raw);
}

}  // namespace
}  // namespace zhizao
