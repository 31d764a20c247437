// The demo's daily readings: consistent with its monthly electricity (the days of a month sum to
// the month's 万千瓦时 × 10^4), the Spring Festival visible in them, deterministic, and leaving
// the demo's Dataset (so the article's figures) untouched.
#include "demo/demo_daily_electricity.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "demo/luoyang_demo.h"

namespace zhizao::detail {
namespace {

// Σ kWh of the month / 10^4, or nullopt without a reading (the contract's monthly electricity).
std::optional<double> monthly_electricity(const DailyYearBlock& block, int year, int month) {
  double kwh = 0;
  bool any = false;
  for (int day = 1; day <= days_in_month(year, month); ++day) {
    if (std::optional<double> reading = block.at(day_slot(month, day))) {
      kwh += *reading;
      any = true;
    }
  }
  return any ? std::optional<double>(kwh / 1e4) : std::nullopt;
}

const Dataset& demo() {
  static const Dataset dataset = *generate_luoyang_demo({});
  return dataset;
}

TEST(DemoDailyElectricity, DaysSumToTheMonthlyElectricity) {
  std::vector<DailyElectricityYear> years = demo_daily_electricity(demo(), 20210430);
  std::map<std::pair<std::string, int>, const DailyYearBlock*> by_key;
  for (const DailyElectricityYear& y : years) by_key[{y.uscc, y.year}] = &y.readings;
  std::set<std::pair<std::string, int>> januaries;
  for (const MonthlyRecord& row : demo().monthly) {
    if (row.period.month == 1) januaries.insert({row.uscc, row.period.year});
  }
  size_t checked = 0;
  for (const MonthlyRecord& row : demo().monthly) {
    if (!row.electricity) continue;
    const DailyYearBlock* block = by_key.at({row.uscc, row.period.year});
    std::optional<double> month = monthly_electricity(*block, row.period.year, row.period.month);
    ASSERT_TRUE(month.has_value()) << row.uscc << " " << row.period.to_string();
    if (row.period.month == 2 && !januaries.contains({row.uscc, row.period.year})) {
      *month += monthly_electricity(*block, row.period.year, 1).value_or(0);  // January folded in
    }
    EXPECT_NEAR(*month, *row.electricity, 1e-9 * std::max(1.0, *row.electricity));
    ++checked;
  }
  EXPECT_GT(checked, 40000u);
  // 2019-01 .. 2021-06, every day of a month with a reading.
  EXPECT_EQ(years.front().year, 2019);
}

TEST(DemoDailyElectricity, TheSpringFestivalWeekIsQuiet) {
  std::vector<DailyElectricityYear> years = demo_daily_electricity(demo(), 20210430);
  std::vector<DailyElectricityYear> y2021;
  for (DailyElectricityYear& y : years) {
    if (y.year == 2021) y2021.push_back(std::move(y));
  }
  auto day_total = [&](int month, int day) {
    double kwh = 0;
    for (const DailyElectricityYear& y : y2021)
      kwh += y.readings.at(day_slot(month, day)).value_or(0);
    return kwh;
  };
  // 12 February 2021 against the Wednesday a week later and the one two weeks before.
  EXPECT_LT(day_total(2, 12), 0.6 * day_total(1, 27));
  EXPECT_LT(day_total(2, 12), day_total(2, 24));
}

TEST(DemoDailyElectricity, DeterministicInItsSeed) {
  std::vector<DailyElectricityYear> a = demo_daily_electricity(demo(), 1);
  std::vector<DailyElectricityYear> b = demo_daily_electricity(demo(), 1);
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); i += 97) {
    EXPECT_EQ(a[i].uscc, b[i].uscc);
    for (int s = 0; s < kDaySlots; s += 7) EXPECT_EQ(a[i].readings.at(s), b[i].readings.at(s));
  }
  EXPECT_TRUE(demo().electricity_daily.empty());  // not in the Dataset
}

}  // namespace
}  // namespace zhizao::detail
