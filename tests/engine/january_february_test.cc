// January and February: January alone is no period, and January reported apart or folded into
// February gives the same cumulative figures.
#include <gtest/gtest.h>

#include "engine/engine.h"
#include "engine_test_data.h"

namespace zhizao {
namespace {

using testing::firm;
using testing::va_record;

ReportData report_for(const Dataset& dataset, YearMonth period,
                      WindowKind window = WindowKind::kCumulative) {
  Result<ReportData> report = compute_report(dataset, {period, window, ""});
  EXPECT_TRUE(report.has_value()) << report.error().to_string();
  return report.value_or(ReportData{});
}

// 2020: January 100, February 200, March 300 (value added); 2021: January 120, February 210,
// March 330. Electricity 1/10 of value added.
MonthlyRecord with_electricity(MonthlyRecord record) {
  record.electricity = *record.value_added / 10;
  return record;
}

Dataset january_apart_in_both_years() {
  Dataset data;
  data.enterprises = {firm("A", "13")};
  for (auto [period, va] : std::vector<std::pair<YearMonth, double>>{{{2020, 1}, 100},
                                                                     {{2020, 2}, 200},
                                                                     {{2020, 3}, 300},
                                                                     {{2021, 1}, 120},
                                                                     {{2021, 2}, 210},
                                                                     {{2021, 3}, 330}}) {
    data.monthly.push_back(with_electricity(va_record("A", period, va)));
  }
  return data;
}

// 2021's January folded into its February row (330 = 120 + 210); 2020 reported apart.
Dataset january_folded_this_year() {
  Dataset data = january_apart_in_both_years();
  data.monthly.erase(data.monthly.begin() + 3);  // 2021-01
  data.monthly[3] = with_electricity(va_record("A", {2021, 2}, 330));
  return data;
}

// 2020's January folded into its February row (300 = 100 + 200); 2021 reported apart.
Dataset january_folded_last_year() {
  Dataset data = january_apart_in_both_years();
  data.monthly.erase(data.monthly.begin());  // 2020-01
  data.monthly[0] = with_electricity(va_record("A", {2020, 2}, 300));
  return data;
}

TEST(JanuaryFebruary, FoldedOrApartGivesTheSameCumulativeFigures) {
  for (YearMonth period : {YearMonth{2021, 2}, YearMonth{2021, 3}}) {
    ReportData apart = report_for(january_apart_in_both_years(), period);
    ReportData folded_now = report_for(january_folded_this_year(), period);
    ReportData folded_before = report_for(january_folded_last_year(), period);
    double expected = period.month == 2 ? 100.0 * (330.0 / 300.0 - 1) : 100.0 * (660.0 / 600 - 1);
    for (const ReportData* report : {&apart, &folded_now, &folded_before}) {
      ASSERT_TRUE(report->industry.value_added_growth.has_value());
      EXPECT_NEAR(*report->industry.value_added_growth, expected, 1e-12) << period.to_string();
      EXPECT_NEAR(*report->industry.output_growth, expected, 1e-12);
      EXPECT_NEAR(*report->industry.electricity_growth, expected, 1e-12);
      EXPECT_NEAR(report->industry.value_added.previous, period.month == 2 ? 300 : 600, 1e-12);
    }
    // One pair per month apart; one 1–2 pair when folded.
    EXPECT_EQ(apart.industry.value_added.pairs, period.month);
    EXPECT_EQ(folded_now.industry.value_added.pairs, period.month - 1);
    EXPECT_EQ(folded_before.industry.value_added.pairs, period.month - 1);
  }
}

TEST(JanuaryFebruary, MonthlyFebruaryIsTheFoldedPeriod) {
  ReportData apart = report_for(january_apart_in_both_years(), {2021, 2}, WindowKind::kMonthly);
  ReportData folded = report_for(january_folded_this_year(), {2021, 2}, WindowKind::kMonthly);
  EXPECT_NEAR(*apart.industry.value_added_growth, 10, 1e-12);
  EXPECT_NEAR(*folded.industry.value_added_growth, 10, 1e-12);
}

TEST(JanuaryFebruary, FoldedRowWithReportedPreviousUsesIt) {
  Dataset data = january_folded_this_year();
  data.monthly[3].value_added_prev = 250;  // overrides last year's 100 + 200
  ReportData report = report_for(data, {2021, 2});
  EXPECT_DOUBLE_EQ(report.industry.value_added.previous, 250);
  EXPECT_NEAR(*report.industry.value_added_growth, 100.0 * (330.0 / 250.0 - 1), 1e-12);
  // Output has no output_prev: last year's January and February records (1000 + 2000).
  EXPECT_DOUBLE_EQ(report.industry.output.previous, 3000);
}

TEST(JanuaryFebruary, FoldDeflatesEachMonthByItsOwnPpi) {
  Dataset data = january_folded_last_year();
  data.deflators = {testing::deflator("13", {2021, 1}, 120),
                    testing::deflator("13", {2021, 2}, 105)};
  ReportData report = report_for(data, {2021, 2});
  // cva = 120 / 1.2 + 210 / 1.05 = 100 + 200.
  EXPECT_NEAR(report.industry.value_added.current, 300, 1e-9);
  EXPECT_NEAR(*report.industry.value_added_growth, 0, 1e-9);
}

TEST(JanuaryFebruary, NewEntrantWithoutLastYearIsNotFolded) {
  Dataset data;
  data.enterprises = {firm("A", "13")};
  data.monthly = {va_record("A", {2021, 1}, 50), va_record("A", {2021, 2}, 60)};
  data.monthly[0].value_added_prev = 40;  // only January reports last year
  ReportData report = report_for(data, {2021, 2});
  EXPECT_EQ(report.industry.value_added.pairs, 1);
  EXPECT_NEAR(*report.industry.value_added_growth, 25, 1e-12);
}

}  // namespace
}  // namespace zhizao
