// The division part of the nowcast on a database of invented readings (signals/nowcast.h,
// signals/division_nowcast.h): a division whose estimate is computed by hand, one with too little
// history, one without readings, the JSON and text rows, and a division whose Spring Festival
// moves from February (2019-02-05) to January (2020-01-25).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "signals/division_nowcast.h"
#include "signals/division_nowcast_render.h"
#include "signals/nowcast_render.h"
#include "signals/readings_database_fixture.h"
#include "signals/spring_festival.h"

namespace zhizao {
namespace {

// Division 13's enterprise reads at flat_level: flat within a month.
using testing::flat_growth;
using testing::flat_level;

using DivisionNowcastTest = testing::ReadingsDatabaseTest;

// Division 13 (enterprise A): statistics 1 + 0.8 × its electricity growth from March 2020 on.
// Division 34 (enterprise B, steady readings): statistics from March 2021 only. Division 22
// (enterprise C): registered, never read. Windows before June 2021 only.
WindowStatisticsOf statistics() {
  return [](YearMonth key) -> Result<WindowStatistics> {
    WindowStatistics s;
    if (key.month == 2 || key.year < 2020 || key >= YearMonth{2021, 6}) return s;
    s.city = 5;
    s.divisions["13"] = 1 + 0.8 * flat_growth(key.year, key.month);
    if (key >= YearMonth{2021, 3}) s.divisions["34"] = 3;
    return s;
  };
}

TEST_F(DivisionNowcastTest, EachDivisionIsEstimatedOrSaysWhyNot) {
  store_readings({"A", "B"}, {2019, 1, 1}, {2021, 6, 15}, [](const std::string& uscc, CivilDate d) {
    return uscc == "A" ? 100 * flat_level(d.year, d.month) : 40.0;
  });
  DivisionMembers members{{"13", {"A"}}, {"22", {"C"}}, {"34", {"B"}}};
  Result<Nowcast> n =
      compute_nowcast(DailyElectricityStore(*db_), statistics(), members, {2021, 6});
  ASSERT_TRUE(n.has_value()) << n.error().to_string();
  ASSERT_EQ(n->divisions.size(), 3u);

  // 13: June 2021 at level 1.00 against 1.15 in June 2020: growth 100 × (1/1.15 − 1) =
  // −13.0434782609%, estimate 1 + 0.8 × that = −9.4347826087%; an exact line, so no error.
  const DivisionNowcast& food = n->divisions[0];
  EXPECT_EQ(food.code, "13");
  EXPECT_EQ(food.days, 15);
  EXPECT_NEAR(*food.electricity_growth, -13.0434782609, 1e-9);
  EXPECT_EQ(food.gap, DivisionGap::kNone);
  ASSERT_TRUE(food.model.value_added_growth.has_value());
  EXPECT_NEAR(food.model.value_added_growth->estimate, -9.4347826087, 1e-9);
  EXPECT_NEAR(food.model.fit->slope, 0.8, 1e-9);
  // Windows March–December 2020 and March–May 2021: 13; back-tested after the first six.
  EXPECT_EQ(food.model.training_months, 13);
  EXPECT_EQ(food.model.backtest.size(), 7u);
  EXPECT_NEAR(*food.model.mean_absolute_error, 0, 1e-9);

  // 22: registered, no reading.
  EXPECT_EQ(n->divisions[1].days, 0);
  EXPECT_EQ(n->divisions[1].gap, DivisionGap::kNoReadings);
  // 34: three windows with statistics (March–May 2021) against the six a fit needs.
  const DivisionNowcast& machinery = n->divisions[2];
  EXPECT_EQ(machinery.days, 15);
  EXPECT_NEAR(*machinery.electricity_growth, 0, 1e-12);
  EXPECT_EQ(machinery.model.training_months, 3);
  EXPECT_EQ(machinery.gap, DivisionGap::kTooFewMonths);
  EXPECT_FALSE(machinery.model.value_added_growth.has_value());

  nlohmann::ordered_json json = nowcast_json(*n, NowcastJson::kContract);
  ASSERT_EQ(json["divisions"].size(), 3u);
  EXPECT_EQ(json["divisions"][0]["name"], "农副食品加工业");
  EXPECT_TRUE(json["divisions"][0]["reason"].is_null());
  EXPECT_EQ(json["divisions"][0]["backtest"]["months"], 7);
  EXPECT_EQ(json["divisions"][1]["reason"], "no_readings");
  EXPECT_EQ(json["divisions"][2]["reason"], "too_few_months");
  EXPECT_TRUE(json["divisions"][2]["value_added_growth"]["estimate"].is_null());
  std::string zh = nowcast_text(*n, Language::kZh);
  EXPECT_NE(zh.find("| 13 | 农副食品加工业 | -13.0% | -9.4% | -9.4% ～ -9.4% | 7 | 0.0 |"),
            std::string::npos)
      << zh;
  EXPECT_NE(zh.find("| 34 | 通用设备制造业 | 0.0% | 可供拟合的月份不足 | — | 0 | — |"),
            std::string::npos)
      << zh;
  EXPECT_NE(nowcast_text(*n, Language::kEn).find("| 22 | "), std::string::npos);
}

// A steady 100 kWh a day but 35 over the festival's week (its first seven days). January 2020
// holds the week (25–31 January), January 2019 does not: by the calendar the division "falls"
// 100 × ((24 × 100 + 7 × 35) / (31 × 100) − 1) = −14.6774193548%; aligned, 1–31 January 2020
// are compared with 12 January–11 February 2019, holiday week against holiday week: 0%.
TEST_F(DivisionNowcastTest, ASpringFestivalMovingFromFebruaryToJanuaryIsAligned) {
  auto festival_week = [](CivilDate d) {
    for (CivilDate start : {CivilDate{2019, 2, 5}, CivilDate{2020, 1, 25}}) {
      int from = days_since_epoch(start);
      if (days_since_epoch(d) >= from && days_since_epoch(d) <= from + 6) return true;
    }
    return false;
  };
  store_readings({"A", "B"}, {2019, 1, 1}, {2020, 1, 31},
                 [&](const std::string& uscc, CivilDate d) {
                   return uscc == "A" && festival_week(d) ? 35.0 : 100.0;
                 });
  DivisionMembers members{{"13", {"A"}}, {"34", {"B"}}};
  Result<Nowcast> n =
      compute_nowcast(DailyElectricityStore(*db_), statistics(), members, {2020, 1});
  ASSERT_TRUE(n.has_value()) << n.error().to_string();
  ASSERT_EQ(n->divisions.size(), 2u);
  const DivisionNowcast& food = n->divisions[0];
  EXPECT_NEAR(*food.electricity_growth, -14.6774193548, 1e-9);
  EXPECT_NEAR(*food.aligned_electricity_growth, 0, 1e-12);
  EXPECT_EQ(food.gap, DivisionGap::kTooFewMonths);     // no window before the first year compared
  const DivisionNowcast& machinery = n->divisions[1];  // no festival week: 0% either way
  EXPECT_NEAR(*machinery.electricity_growth, 0, 1e-12);
  EXPECT_NEAR(*machinery.aligned_electricity_growth, 0, 1e-12);
}

TEST(DivisionMembers, ManufacturingDivisionsOnlyEachEnterpriseOnce) {
  std::vector<Enterprise> enterprises(4);
  enterprises[0].uscc = "A";
  enterprises[0].division = "13";
  enterprises[1].uscc = "B";
  enterprises[1].division = "44";  // utilities: not a manufacturing division
  enterprises[2].uscc = "C";
  enterprises[2].division = "13";
  enterprises[3].uscc = "A";
  enterprises[3].division = "14";  // a second row: the first row's division holds
  DivisionMembers members = manufacturing_division_members(enterprises);
  ASSERT_EQ(members.size(), 1u);
  EXPECT_EQ(members["13"], (std::unordered_set<std::string>{"A", "C"}));
}

TEST(DivisionNowcastCut, ACutDayOutsideTheMonthIsAUsageError) {
  struct NoReadings : DailyReadingsSource {
    Result<std::vector<int>> years() const override { return std::vector<int>{}; }
    Result<std::vector<DailyElectricityYear>> year(int) const override {
      return std::vector<DailyElectricityYear>{};
    }
  } store;
  NowcastOptions options;
  options.cut_day = 32;
  Result<Nowcast> n = compute_nowcast(store, statistics(), {}, {2021, 6}, options);
  ASSERT_FALSE(n.has_value());
  EXPECT_EQ(n.error().code(), StatusCode::kUsage);
}

}  // namespace
}  // namespace zhizao
