// The nowcast on a database of invented readings whose statistics are an exact line of the
// electricity growth: the fit, the estimate, the back-test, the days so far and the January
// window; and what it says without readings or without enough months.
#include "signals/nowcast.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <map>

#include "signals/daily_growth.h"
#include "signals/nowcast_render.h"
#include "signals/readings_database_fixture.h"
#include "signals/spring_festival.h"

namespace zhizao {
namespace {

using testing::flat_growth;
using testing::flat_level;

class NowcastTest : public testing::ReadingsDatabaseTest {
 protected:
  // Readings of two enterprises every day from 1 January 2019 to `last` (inclusive).
  void store_readings(CivilDate last) {
    ReadingsDatabaseTest::store_readings({"A", "B"}, {2019, 1, 1}, last,
                                         [](const std::string& uscc, CivilDate date) {
                                           double base = uscc[0] == 'A' ? 1000 : 250;
                                           return base * flat_level(date.year, date.month);
                                         });
  }
};

// Statistics: 1 + 0.8 × electricity growth, none for January–February windows (whose aligned
// growth reaches into other months) nor from `stored_until` on.
ValueAddedGrowthOf statistics(YearMonth stored_until) {
  return [stored_until](YearMonth key) -> Result<std::optional<double>> {
    if (key.month == 2 || key >= stored_until || key.year < 2020) return std::optional<double>();
    return std::optional<double>(1 + 0.8 * flat_growth(key.year, key.month));
  };
}

TEST_F(NowcastTest, EstimatesTheMonthFromItsDaysSoFarWithTheFittedLine) {
  store_readings({2021, 6, 15});
  Result<Nowcast> n =
      compute_nowcast(DailyElectricityStore(*db_), statistics({2021, 6}), {2021, 6});
  ASSERT_TRUE(n.has_value()) << n.error().to_string();
  EXPECT_EQ(n->days, 15);
  EXPECT_EQ(n->cut_day, 15);
  EXPECT_NEAR(*n->electricity_growth, flat_growth(2021, 6), 1e-9);
  EXPECT_NEAR(*n->aligned_electricity_growth, flat_growth(2021, 6), 1e-9);
  // Windows with statistics: March–December 2020 and March–May 2021.
  EXPECT_EQ(n->training_months, 13);
  ASSERT_TRUE(n->value_added_growth.has_value());
  EXPECT_NEAR(n->value_added_growth->estimate, 1 + 0.8 * flat_growth(2021, 6), 1e-9);
  EXPECT_NEAR(n->value_added_growth->low, n->value_added_growth->estimate, 1e-6);
  EXPECT_NEAR(n->fit->slope, 0.8, 1e-9);
  // Back-tested on every window after the first six: 2020-09 .. 2021-05.
  ASSERT_EQ(n->backtest.size(), 7u);
  EXPECT_EQ(n->backtest.front().period, (YearMonth{2020, 9}));
  EXPECT_EQ(n->backtest.back().period, (YearMonth{2021, 5}));
  EXPECT_NEAR(*n->mean_absolute_error, 0, 1e-9);
  EXPECT_FALSE(n->actual.has_value());

  nlohmann::ordered_json json = nowcast_json(*n, NowcastJson::kContract);
  std::vector<std::string> keys;
  for (const auto& item : json.items()) keys.push_back(item.key());
  // The contract's keys, then the divisions (none here: the city-only overload).
  EXPECT_EQ(keys, (std::vector<std::string>{"period", "days", "electricity_growth",
                                            "value_added_growth", "backtest", "divisions"}));
  EXPECT_TRUE(json["divisions"].empty());
  EXPECT_EQ(json["period"], "2021-06");
  EXPECT_EQ(json["backtest"]["months"], 7);
  EXPECT_EQ(json["value_added_growth"].size(), 3u);
  EXPECT_NE(nowcast_text(*n, Language::kZh).find("回测：7个月"), std::string::npos);
  EXPECT_NE(nowcast_text(*n, Language::kEn).find("Back-test: 7 months"), std::string::npos);
}

TEST_F(NowcastTest, TheStatisticsOfTheMonthAreShownNeverUsed) {
  store_readings({2021, 6, 30});
  Result<Nowcast> n =
      compute_nowcast(DailyElectricityStore(*db_), statistics({2030, 1}), {2021, 6});
  ASSERT_TRUE(n.has_value());
  EXPECT_NEAR(*n->actual, 1 + 0.8 * flat_growth(2021, 6), 1e-12);
  EXPECT_EQ(n->training_months, 13);  // windows before June only
}

TEST_F(NowcastTest, JanuaryIsEstimatedForTheJanuaryFebruaryWindow) {
  store_readings({2021, 1, 20});
  Result<Nowcast> n =
      compute_nowcast(DailyElectricityStore(*db_), statistics({2021, 1}), {2021, 1});
  ASSERT_TRUE(n.has_value());
  EXPECT_EQ(n->window_from, (YearMonth{2021, 1}));
  EXPECT_EQ(n->window_to, (YearMonth{2021, 2}));
  EXPECT_EQ(n->days, 20);
  EXPECT_NEAR(*n->electricity_growth, flat_growth(2021, 1), 1e-9);
  EXPECT_TRUE(n->aligned_electricity_growth.has_value());
  EXPECT_TRUE(n->value_added_growth.has_value());  // March–December 2020: ten windows
}

TEST_F(NowcastTest, WithoutReadingsOrEnoughMonthsThereIsNoEstimate) {
  store_readings({2020, 5, 31});
  Result<Nowcast> none =
      compute_nowcast(DailyElectricityStore(*db_), statistics({2030, 1}), {2020, 7});
  ASSERT_TRUE(none.has_value());
  EXPECT_EQ(none->days, 0);
  EXPECT_FALSE(none->electricity_growth.has_value());
  EXPECT_FALSE(none->value_added_growth.has_value());
  nlohmann::ordered_json json = nowcast_json(*none, NowcastJson::kContract);
  EXPECT_TRUE(json["value_added_growth"]["estimate"].is_null());
  EXPECT_TRUE(json["backtest"]["mean_absolute_error"].is_null());

  // May 2020: March and April 2020 are all it could learn from.
  Result<Nowcast> few =
      compute_nowcast(DailyElectricityStore(*db_), statistics({2030, 1}), {2020, 5});
  ASSERT_TRUE(few.has_value());
  EXPECT_EQ(few->days, 31);
  EXPECT_TRUE(few->electricity_growth.has_value());
  EXPECT_EQ(few->training_months, 2);
  EXPECT_FALSE(few->value_added_growth.has_value());
  EXPECT_TRUE(few->backtest.empty());
}

TEST_F(NowcastTest, StatisticsErrorsPassThrough) {
  store_readings({2021, 6, 30});
  ValueAddedGrowthOf broken = [](YearMonth) -> Result<std::optional<double>> {
    return fail(Status::io_error("disk"));
  };
  EXPECT_EQ(compute_nowcast(DailyElectricityStore(*db_), broken, {2021, 6}).error().code(),
            StatusCode::kIoError);
}

// The text rounds once, half away from zero, as the report: 15.45 is 15.5 (fmt's "{:.1f}" of the
// double 15.4499… gave 15.4), -0.04 is 0.0, not -0.0.
TEST(NowcastTextTest, FiguresAreRoundedAsTheReportRoundsThem) {
  Nowcast n;
  n.period = {2021, 6};
  n.window_from = n.window_to = {2021, 6};
  n.days = 30;
  n.cut_day = 30;
  n.electricity_growth = -0.04;
  n.value_added_growth = PredictionInterval{15.45, 12.25, 18.65};
  n.mean_absolute_error = 2.35;
  n.actual = 15.45;
  std::string zh = nowcast_text(n, Language::kZh);
  EXPECT_NE(zh.find("日用电量同比增长：0.0%"), std::string::npos) << zh;
  EXPECT_NE(zh.find("：15.5%，90%预测区间 12.3% ～ 18.7%"), std::string::npos) << zh;
  EXPECT_NE(zh.find("平均绝对误差 2.4个百分点"), std::string::npos) << zh;
  EXPECT_NE(zh.find("已报统计数：15.5%"), std::string::npos) << zh;
  std::string en = nowcast_text(n, Language::kEn);
  EXPECT_NE(en.find("estimate 15.5%, 90% interval 12.3% to 18.7%"), std::string::npos) << en;
}

}  // namespace
}  // namespace zhizao

namespace zhizao {
namespace {

TEST(NowcastTextTest, AMonthWithoutReadingsSaysSoInsteadOfDayZero) {
  Nowcast none;
  none.period = {2021, 7};
  none.window_from = none.window_to = {2021, 7};
  std::string zh = nowcast_text(none, Language::kZh);
  EXPECT_NE(zh.find("2021年7月 用电看经济（本月尚无日用电量）"), std::string::npos) << zh;
  EXPECT_EQ(zh.find("7月0日"), std::string::npos) << zh;
  std::string en = nowcast_text(none, Language::kEn);
  EXPECT_NE(en.find("Nowcast for 2021-07: no reading of the month yet"), std::string::npos) << en;
  none.days = 12;
  none.cut_day = 12;
  EXPECT_NE(nowcast_text(none, Language::kZh).find("截至7月12日，12天有日用电量"),
            std::string::npos);
}

}  // namespace
}  // namespace zhizao
