// Value-added growth of the industrial total over comparable pairs: which (enterprise, month)
// pairs count and how their values are found.
#include <gtest/gtest.h>

#include "engine/engine.h"
#include "engine_test_data.h"

namespace zhizao {
namespace {

using testing::deflator;
using testing::firm;
using testing::output_record;
using testing::ratio;
using testing::va_record;

ReportData report_for(const Dataset& dataset, YearMonth period,
                      WindowKind window = WindowKind::kCumulative) {
  Result<ReportData> report = compute_report(dataset, {period, window, ""});
  EXPECT_TRUE(report.has_value()) << report.error().to_string();
  return report.value_or(ReportData{});
}

TEST(ValueAddedGrowth, ComparablePairsOfBothYears) {
  Dataset data;
  data.enterprises = {firm("A", "13")};
  data.monthly = {va_record("A", {2020, 1}, 100), va_record("A", {2020, 2}, 200),
                  va_record("A", {2021, 1}, 110), va_record("A", {2021, 2}, 220)};
  ReportData report = report_for(data, {2021, 2});
  EXPECT_EQ(report.industry.value_added.pairs, 2);
  EXPECT_DOUBLE_EQ(report.industry.value_added.current, 330);
  EXPECT_DOUBLE_EQ(report.industry.value_added.previous, 300);
  ASSERT_TRUE(report.industry.value_added_growth.has_value());
  EXPECT_NEAR(*report.industry.value_added_growth, 10, 1e-12);
  // Output is 10 × value added in these records: same growth, no deflation.
  EXPECT_NEAR(*report.industry.output_growth, 10, 1e-12);
  EXPECT_FALSE(report.industry.electricity_growth.has_value());  // none reported
  EXPECT_EQ(report.industry.enterprises, 1);
  EXPECT_EQ(report.window_from, (YearMonth{2021, 1}));
  EXPECT_EQ(report.window_to, (YearMonth{2021, 2}));
}

TEST(ValueAddedGrowth, NewEntrantWithReportedPreviousYearCounts) {
  Dataset data;
  data.enterprises = {firm("A", "13"), firm("B", "13")};
  data.monthly = {va_record("A", {2020, 3}, 100), va_record("A", {2021, 3}, 110),
                  va_record("B", {2021, 3}, 60)};
  data.monthly.back().value_added_prev = 40;
  ReportData report = report_for(data, {2021, 3}, WindowKind::kMonthly);
  EXPECT_EQ(report.industry.value_added.pairs, 2);
  EXPECT_NEAR(*report.industry.value_added_growth, 100.0 * (170.0 / 140.0 - 1), 1e-12);
}

TEST(ValueAddedGrowth, NewEntrantWithoutPreviousYearIsLeftOut) {
  Dataset data;
  data.enterprises = {firm("A", "13"), firm("C", "13")};
  data.monthly = {va_record("A", {2020, 3}, 100), va_record("A", {2021, 3}, 110),
                  va_record("C", {2021, 3}, 500)};
  ReportData report = report_for(data, {2021, 3}, WindowKind::kMonthly);
  EXPECT_EQ(report.industry.value_added.pairs, 1);
  EXPECT_DOUBLE_EQ(report.industry.value_added.current, 110);
  EXPECT_NEAR(*report.industry.value_added_growth, 10, 1e-12);
  EXPECT_EQ(report.industry.enterprises, 2);  // C is in scope, only not comparable
}

TEST(ValueAddedGrowth, MonthsOutOfScopeAreLeftOut) {
  Dataset data;
  data.enterprises = {firm("A", "13"), firm("D", "13")};
  data.monthly = {va_record("A", {2020, 3}, 100), va_record("A", {2021, 3}, 120),
                  va_record("D", {2020, 3}, 100), va_record("D", {2021, 3}, 300)};
  data.monthly.back().in_scope = false;
  ReportData report = report_for(data, {2021, 3}, WindowKind::kMonthly);
  EXPECT_EQ(report.industry.value_added.pairs, 1);
  EXPECT_NEAR(*report.industry.value_added_growth, 20, 1e-12);
  EXPECT_EQ(report.industry.enterprises, 1);
}

TEST(ValueAddedGrowth, LastYearsRecordCountsWhateverItsScope) {
  Dataset data;
  data.enterprises = {firm("A", "13")};
  data.monthly = {va_record("A", {2020, 3}, 100), va_record("A", {2021, 3}, 150)};
  data.monthly.front().in_scope = false;  // 规下 last year: 同口径 still compares with it
  ReportData report = report_for(data, {2021, 3}, WindowKind::kMonthly);
  EXPECT_NEAR(*report.industry.value_added_growth, 50, 1e-12);
}

TEST(ValueAddedGrowth, ValueAddedFromTheRatiosOfBothYears) {
  Dataset data;
  data.enterprises = {firm("A", "13")};
  MonthlyRecord record = output_record("A", {2021, 3}, 1000);
  record.output_prev = 800;
  data.monthly = {record};
  data.va_ratios = {ratio("13", 2021, 0.25), ratio("13", 2020, 0.2)};
  ReportData report = report_for(data, {2021, 3}, WindowKind::kMonthly);
  // va = 1000 × 0.25 = 250; prev_va = 800 × 0.2 = 160.
  EXPECT_DOUBLE_EQ(report.industry.value_added.current, 250);
  EXPECT_DOUBLE_EQ(report.industry.value_added.previous, 160);
  EXPECT_NEAR(*report.industry.value_added_growth, 100.0 * (250.0 / 160.0 - 1), 1e-12);
  EXPECT_NEAR(*report.industry.output_growth, 25, 1e-12);
}

TEST(ValueAddedGrowth, PreviousFromLastYearsRecordWithLastYearsRatio) {
  Dataset data;
  data.enterprises = {firm("A", "13")};
  data.monthly = {output_record("A", {2020, 3}, 500), output_record("A", {2021, 3}, 600)};
  data.va_ratios = {ratio("13", 2021, 0.3), ratio("13", 2020, 0.2)};
  ReportData report = report_for(data, {2021, 3}, WindowKind::kMonthly);
  // va = 600 × 0.3 = 180; prev_va = 500 × 0.2 = 100.
  EXPECT_DOUBLE_EQ(report.industry.value_added.current, 180);
  EXPECT_DOUBLE_EQ(report.industry.value_added.previous, 100);
  EXPECT_NEAR(*report.industry.output_growth, 20, 1e-12);
}

TEST(ValueAddedGrowth, NoValueAddedAndNoRatioIsNotComparable) {
  Dataset data;
  data.enterprises = {firm("A", "13")};
  data.monthly = {output_record("A", {2020, 3}, 500), output_record("A", {2021, 3}, 600)};
  ReportData report = report_for(data, {2021, 3}, WindowKind::kMonthly);
  EXPECT_EQ(report.industry.value_added.pairs, 0);
  EXPECT_FALSE(report.industry.value_added_growth.has_value());
  EXPECT_NEAR(*report.industry.output_growth, 20, 1e-12);  // output pairs still count
}

TEST(ValueAddedGrowth, ElectricityFromPreviousFieldOrLastYear) {
  Dataset data;
  data.enterprises = {firm("A", "13"), firm("B", "13")};
  data.monthly = {va_record("A", {2020, 3}, 100), va_record("A", {2021, 3}, 100),
                  va_record("B", {2021, 3}, 100)};
  data.monthly[0].electricity = 10;
  data.monthly[1].electricity = 12;
  data.monthly[2].electricity = 30;
  data.monthly[2].electricity_prev = 20;
  ReportData report = report_for(data, {2021, 3}, WindowKind::kMonthly);
  EXPECT_EQ(report.industry.electricity.pairs, 2);
  EXPECT_NEAR(*report.industry.electricity_growth, 100.0 * (42.0 / 30.0 - 1), 1e-12);
}

TEST(ValueAddedGrowth, DeflatedByTheDivisionsPpi) {
  Dataset data;
  data.enterprises = {firm("A", "13")};
  data.monthly = {va_record("A", {2020, 3}, 100), va_record("A", {2021, 3}, 126)};
  data.deflators = {deflator("13", {2021, 3}, 105)};
  ReportData report = report_for(data, {2021, 3}, WindowKind::kMonthly);
  // cva = 126 / 1.05 = 120.
  EXPECT_NEAR(report.industry.value_added.current, 120, 1e-12);
  EXPECT_NEAR(*report.industry.value_added_growth, 20, 1e-9);
  EXPECT_NEAR(*report.industry.output_growth, 26, 1e-9);  // output is not deflated
  EXPECT_FALSE(report.industry.at_current_prices);
  EXPECT_TRUE(report.divisions_at_current_prices.empty());
}

TEST(ValueAddedGrowth, WithoutPpiTheSetIsAtCurrentPrices) {
  Dataset data;
  data.enterprises = {firm("A", "13"), firm("B", "14")};
  data.monthly = {va_record("A", {2020, 3}, 100), va_record("A", {2021, 3}, 126),
                  va_record("B", {2020, 3}, 100), va_record("B", {2021, 3}, 105)};
  data.deflators = {deflator("14", {2021, 3}, 105)};
  ReportData report = report_for(data, {2021, 3}, WindowKind::kMonthly);
  // 13 has no PPI: ppi = 100, cva = 126; 14: 105 / 1.05 = 100.
  EXPECT_NEAR(report.industry.value_added.current, 226, 1e-12);
  EXPECT_TRUE(report.industry.at_current_prices);
  ASSERT_EQ(report.divisions.size(), 2u);
  EXPECT_TRUE(report.divisions[0].at_current_prices);
  EXPECT_FALSE(report.divisions[1].at_current_prices);
  EXPECT_EQ(report.divisions_at_current_prices, std::vector<std::string>{"13"});
}

TEST(ValueAddedGrowth, ZeroPreviousGivesNullNotZero) {
  Dataset data;
  data.enterprises = {firm("A", "13")};
  data.monthly = {va_record("A", {2021, 3}, 50)};
  data.monthly[0].value_added_prev = 0;
  data.monthly[0].output_prev = 0;
  ReportData report = report_for(data, {2021, 3}, WindowKind::kMonthly);
  EXPECT_EQ(report.industry.value_added.pairs, 1);
  EXPECT_FALSE(report.industry.value_added_growth.has_value());
  EXPECT_FALSE(report.industry.output_growth.has_value());
  EXPECT_FALSE(report.industry.pull.has_value());
}

TEST(ValueAddedGrowth, EmptyDataGivesNulls) {
  ReportData report = report_for(Dataset{}, {2021, 3});
  EXPECT_FALSE(report.industry.value_added_growth.has_value());
  EXPECT_FALSE(report.industry.contribution.has_value());
  EXPECT_FALSE(report.manufacturing_breadth.share.has_value());
  EXPECT_EQ(report.industry.enterprises, 0);
  EXPECT_EQ(report.sections.size(), 3u);
}

TEST(ValueAddedGrowth, JanuaryAloneIsRefused) {
  Result<ReportData> report = compute_report(Dataset{}, {{2021, 1}, WindowKind::kMonthly, ""});
  ASSERT_FALSE(report.has_value());
  EXPECT_EQ(report.error().code(), StatusCode::kUsage);
  EXPECT_NE(report.error().message().find("ask for 2021-02"), std::string::npos);
}

TEST(ValueAddedGrowth, PreviousPeriodGrowth) {
  Dataset data;
  data.enterprises = {firm("A", "13"), firm("M", "08")};
  data.monthly = {va_record("A", {2020, 1}, 100), va_record("A", {2021, 1}, 110),
                  va_record("A", {2020, 2}, 100), va_record("A", {2021, 2}, 130),
                  va_record("A", {2020, 3}, 100), va_record("A", {2021, 3}, 150),
                  va_record("M", {2020, 3}, 100), va_record("M", {2021, 3}, 50)};
  ReportData cumulative = report_for(data, {2021, 3});
  ASSERT_TRUE(cumulative.previous_value_added_growth.has_value());
  EXPECT_NEAR(*cumulative.previous_value_added_growth, 20, 1e-12);  // 240 / 200
  EXPECT_NEAR(*cumulative.previous_manufacturing_growth, 20, 1e-12);
  EXPECT_NEAR(*cumulative.industry.value_added_growth, 10, 1e-12);       // 440 / 400
  EXPECT_NEAR(*cumulative.manufacturing.value_added_growth, 30, 1e-12);  // 390 / 300
  ReportData monthly = report_for(data, {2021, 3}, WindowKind::kMonthly);
  EXPECT_NEAR(*monthly.previous_value_added_growth, 20, 1e-12);  // 1–2月
  EXPECT_NEAR(*monthly.industry.value_added_growth, 0, 1e-12);   // 200 / 200
  ReportData february = report_for(data, {2021, 2});
  EXPECT_FALSE(february.previous_value_added_growth.has_value());
  EXPECT_FALSE(february.previous_manufacturing_growth.has_value());
}

}  // namespace
}  // namespace zhizao
