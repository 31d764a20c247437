// Import of electricity_daily.csv (data contract "v2 additions"): all or nothing, errors as
// FILE:LINE: COLUMN, GB18030, unknown enterprises, bad dates, negative readings and duplicate
// (uscc, date) keys refused; readings stored as year blocks with revisions for replaced values.
#include <iconv.h>

#include "import_fixture.h"
#include "ingest/gb18030_test_text.h"
#include "store/daily_electricity_store.h"

namespace zhizao::testing_support {
namespace {

SourceFile daily_enterprises() {
  return {"enterprises.csv", "uscc,name,industry,region\n" + kU1 + ",甲公司,1311,410302\n" + kU2 +
                                 ",乙公司,3411,410305\n"};
}

class DailyElectricityImport : public ImportTest {
 protected:
  std::vector<DailyElectricity> readings() {
    Result<std::vector<DailyElectricity>> all = DailyElectricityStore(*db_).all_readings();
    EXPECT_TRUE(all.has_value());
    return all ? *all : std::vector<DailyElectricity>{};
  }
};

TEST_F(DailyElectricityImport, StoresReadingsByFileNameWithEnterprisesOfTheSameImport) {
  ImportOutcome outcome =
      import_ok({{"electricity_daily.csv", "uscc,date,kwh\n" + kU1 + ",2020-02-29,1200.5\n" + kU1 +
                                               ",2021-03-01,1300\n" + kU2 + ",2021/3/2,0\n"},
                 daily_enterprises()});
  EXPECT_EQ(outcome.summary.inserted, 2 + 3);
  ASSERT_EQ(outcome.files.size(), 2u);
  EXPECT_EQ(outcome.files[0].kind, "electricity_daily");
  EXPECT_EQ(readings(),
            (std::vector<DailyElectricity>{
                {kU1, {2020, 2, 29}, 1200.5}, {kU1, {2021, 3, 1}, 1300}, {kU2, {2021, 3, 2}, 0}}));
  // One row per enterprise and year.
  Result<std::vector<DailyElectricityYear>> year = DailyElectricityStore(*db_).year(2021);
  ASSERT_TRUE(year.has_value());
  ASSERT_EQ(year->size(), 2u);
  EXPECT_EQ((*year)[0].uscc, kU1);
  EXPECT_EQ((*year)[0].readings.days(), 1);
  EXPECT_EQ(*DailyElectricityStore(*db_).years(), (std::vector<int>{2020, 2021}));
  // Not loaded with the records the reports read.
  EXPECT_TRUE(stored().electricity_daily.empty());
}

TEST_F(DailyElectricityImport, ChineseHeadersInGb18030AreToldByTheirHeader) {
  import_ok({daily_enterprises()});
  ImportOutcome outcome =
      import_ok({{"readings.csv", to_gb18030("统一社会信用代码,日期,日用电量(千瓦时)\n" + kU1 +
                                             ",2021-01-05,88\n")}});
  EXPECT_EQ(outcome.files[0].kind, "electricity_daily");
  EXPECT_EQ(readings(), (std::vector<DailyElectricity>{{kU1, {2021, 1, 5}, 88}}));
}

TEST_F(DailyElectricityImport, RefusesEveryBadRowAndStoresNothing) {
  std::vector<std::string> errors =
      errors_of({daily_enterprises(),
                 {"electricity_daily.csv", "uscc,date,kwh\n" + kU1 + ",2021-02-29,5\n" + kU1 +
                                               ",2021-03-01,-1\n" + kU3 + ",2021-03-01,5\n" + kU1 +
                                               ",2021-03-02,\n" + kU1 + ",,7\n" + kU1 +
                                               ",2021-03-03,abc\n"}});
  EXPECT_EQ(errors, (std::vector<std::string>{
                        "electricity_daily.csv:2: date: not a date: \"2021-02-29\"",
                        "electricity_daily.csv:3: kwh: must not be negative: \"-1\"",
                        "electricity_daily.csv:4: uscc: unknown enterprise: \"" + kU3 + "\"",
                        "electricity_daily.csv:5: kwh: missing value",
                        "electricity_daily.csv:6: date: missing value",
                        "electricity_daily.csv:7: kwh: not a number: \"abc\""}));
  EXPECT_TRUE(readings().empty());
  EXPECT_TRUE(stored().enterprises.empty());  // all or nothing, across the import's files
}

TEST_F(DailyElectricityImport, RefusesADuplicateDayInOneFileAndAcrossFiles) {
  import_ok({daily_enterprises()});
  std::vector<std::string> errors =
      errors_of({{"electricity_daily_1.csv", "uscc,date,kwh\n" + kU1 + ",2021-03-01,5\n" + kU1 +
                                                 ",2021-03-02,5\n" + kU1 + ",2021-3-1,6\n"},
                 {"electricity_daily_2.csv", "uscc,date,kwh\n" + kU1 + ",2021-03-02,9\n"}});
  EXPECT_EQ(errors,
            (std::vector<std::string>{"electricity_daily_1.csv:4: uscc: duplicate key \"" + kU1 +
                                          "|2021-03-01\" (first on line 2)",
                                      "electricity_daily_2.csv:2: uscc: duplicate key \"" + kU1 +
                                          "|2021-03-02\" (first in electricity_daily_1.csv:3)"}));
  EXPECT_TRUE(readings().empty());
}

TEST_F(DailyElectricityImport, ReplacingAReadingKeepsItsRevision) {
  import_ok({daily_enterprises(),
             {"electricity_daily.csv",
              "uscc,date,kwh\n" + kU1 + ",2021-03-01,5\n" + kU1 + ",2021-03-02,6\n"}});
  ImportOutcome again =
      import_ok({{"electricity_daily_fix.csv", "uscc,date,kwh\n" + kU1 + ",2021-03-01,5\n" + kU1 +
                                                   ",2021-03-02,7.5\n" + kU1 + ",2021-03-03,8\n"}});
  EXPECT_EQ(again.summary.inserted, 1);
  EXPECT_EQ(again.summary.replaced, 1);
  EXPECT_EQ(again.summary.unchanged, 1);
  EXPECT_EQ(readings(),
            (std::vector<DailyElectricity>{
                {kU1, {2021, 3, 1}, 5}, {kU1, {2021, 3, 2}, 7.5}, {kU1, {2021, 3, 3}, 8}}));
  Result<std::vector<Revision>> revisions = db_->revisions({std::nullopt, "electricity_daily"});
  ASSERT_TRUE(revisions.has_value());
  ASSERT_EQ(revisions->size(), 1u);
  EXPECT_EQ((*revisions)[0].key, kU1 + "|2021-03-02");
  EXPECT_EQ((*revisions)[0].uscc, kU1);
  EXPECT_EQ((*revisions)[0].old_value,
            "{\"uscc\":\"" + kU1 + "\",\"date\":\"2021-03-02\",\"kwh\":6.0}");
  EXPECT_EQ((*revisions)[0].new_value,
            "{\"uscc\":\"" + kU1 + "\",\"date\":\"2021-03-02\",\"kwh\":7.5}");
  EXPECT_EQ((*revisions)[0].source, "electricity_daily_fix.csv");
}

}  // namespace
}  // namespace zhizao::testing_support
