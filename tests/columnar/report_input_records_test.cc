// ReportInput::periods and records_of, which the server's /api/periods and enterprise months
// answer from: the same from the snapshot as from the loaded records, and what the records say.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "columnar/report_input.h"
#include "columnar/snapshot.h"
#include "demo/luoyang_demo.h"
#include "store/temp_database.h"

namespace zhizao {
namespace {

class ReportInputRecordsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<Dataset> demo = generate_luoyang_demo({});
    ASSERT_TRUE(demo.has_value()) << demo.error().message();
    demo_ = std::move(*demo);
    auto db = Database::open(db_path_, OpenMode::kCreateIfMissing);
    ASSERT_TRUE(db.has_value()) << db.error().message();
    ASSERT_TRUE((*db)->apply({{"demo", demo_}}).has_value());
    auto snapshot = open_or_rebuild_snapshot(**db, snapshot_path_for(db_path_));
    ASSERT_TRUE(snapshot.has_value()) << snapshot.error().message();
    from_snapshot_ = ReportInput::of_snapshot(std::move(*snapshot));
    auto loaded = (*db)->load();
    ASSERT_TRUE(loaded.has_value()) << loaded.error().message();
    from_records_ = ReportInput::of_dataset(std::move(*loaded));
  }

  Dataset demo_;
  testing_support::TempDatabasePath temp_;
  std::string db_path_ = temp_.path();
  ReportInput from_snapshot_;
  ReportInput from_records_;
};

TEST_F(ReportInputRecordsTest, PeriodsAreTheMonthsWithRecordsFromEitherInput) {
  std::set<YearMonth> expected;
  for (const MonthlyRecord& record : demo_.monthly) expected.insert(record.period);
  std::vector<YearMonth> periods = from_snapshot_.periods();
  EXPECT_EQ(periods, std::vector<YearMonth>(expected.begin(), expected.end()));
  EXPECT_EQ(from_records_.periods(), periods);
}

TEST_F(ReportInputRecordsTest, RecordsOfAnEnterpriseAreItsRowsOldestFirst) {
  // The demo's first enterprise, and one with the most awkward rows: months out of scope.
  std::vector<std::string> usccs = {demo_.enterprises.front().uscc};
  for (const MonthlyRecord& record : demo_.monthly) {
    if (!record.in_scope) {
      usccs.push_back(record.uscc);
      break;
    }
  }
  ASSERT_EQ(usccs.size(), 2u) << "the demo has no month out of scope";
  for (const std::string& uscc : usccs) {
    std::vector<MonthlyRecord> expected;
    for (const MonthlyRecord& record : demo_.monthly) {
      if (record.uscc == uscc) expected.push_back(record);
    }
    std::sort(expected.begin(), expected.end(),
              [](const MonthlyRecord& a, const MonthlyRecord& b) { return a.period < b.period; });
    ASSERT_FALSE(expected.empty());
    EXPECT_EQ(from_snapshot_.records_of(uscc), expected) << uscc;
    EXPECT_EQ(from_records_.records_of(uscc), expected) << uscc;
  }
}

TEST_F(ReportInputRecordsTest, AnUnknownEnterpriseHasNoRecords) {
  EXPECT_TRUE(from_snapshot_.records_of("91410300000000000X").empty());
  EXPECT_TRUE(from_records_.records_of("").empty());
}

TEST_F(ReportInputRecordsTest, FindEnterpriseFindsEveryRegisteredOneByCode) {
  for (const Enterprise& enterprise : demo_.enterprises) {
    const Enterprise* found = from_snapshot_.find_enterprise(enterprise.uscc);
    ASSERT_NE(found, nullptr) << enterprise.uscc;
    EXPECT_EQ(found->uscc, enterprise.uscc);
    EXPECT_EQ(found->name, enterprise.name);
    EXPECT_EQ(found->region, enterprise.region);
    ASSERT_NE(from_records_.find_enterprise(enterprise.uscc), nullptr) << enterprise.uscc;
  }
  EXPECT_EQ(from_snapshot_.find_enterprise("91410300000000000X"), nullptr);
  EXPECT_EQ(from_snapshot_.find_enterprise(""), nullptr);
}

// Rows not in code order (a dataset built by hand, not read from a database) are searched row by
// row when the binary search misses.
TEST_F(ReportInputRecordsTest, FindEnterpriseAlsoFindsRowsOutOfOrder) {
  Dataset tables;
  for (const char* uscc : {"91410300000000003X", "91410300000000001X", "91410300000000002X"}) {
    Enterprise enterprise;
    enterprise.uscc = uscc;
    enterprise.name = std::string("row ") + std::to_string(tables.enterprises.size());
    tables.enterprises.push_back(enterprise);
  }
  ReportInput input = ReportInput::of_dataset(std::move(tables));
  for (const char* uscc : {"91410300000000001X", "91410300000000002X", "91410300000000003X"}) {
    ASSERT_NE(input.find_enterprise(uscc), nullptr) << uscc;
  }
  EXPECT_EQ(input.find_enterprise("91410300000000001X")->name, "row 1");
  EXPECT_EQ(input.find_enterprise("91410300000000003X")->name, "row 0");
  EXPECT_EQ(input.find_enterprise("91410300000000004X"), nullptr);
}

}  // namespace
}  // namespace zhizao
