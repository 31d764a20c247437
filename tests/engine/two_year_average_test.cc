// 两年平均增长 over the same enterprise-months.
#include <gtest/gtest.h>

#include <cmath>

#include "engine/engine.h"
#include "engine_test_data.h"

namespace zhizao {
namespace {

using testing::deflator;
using testing::firm;
using testing::va_record;

TEST(TwoYearAverage, OverTheSameEnterpriseMonths) {
  Dataset data;
  data.enterprises = {firm("A", "13"), firm("B", "13")};
  // A: 2019 100, 2020 120, 2021 150 in March. B has no 2019: in G but not in the average.
  data.monthly = {va_record("A", {2019, 3}, 100), va_record("A", {2020, 3}, 120),
                  va_record("A", {2021, 3}, 150), va_record("B", {2020, 3}, 100),
                  va_record("B", {2021, 3}, 300)};
  Result<ReportData> report = compute_report(data, {{2021, 3}, WindowKind::kMonthly, ""});
  ASSERT_TRUE(report.has_value());
  EXPECT_NEAR(*report->industry.value_added_growth, 100.0 * (450.0 / 220 - 1), 1e-12);
  // g_2021 = 25, g_2020 = 20: √(1.25 × 1.2) − 1.
  ASSERT_TRUE(report->industry.two_year_average_growth.has_value());
  EXPECT_NEAR(*report->industry.two_year_average_growth, 100.0 * (std::sqrt(1.5) - 1), 1e-12);
}

TEST(TwoYearAverage, LastYearDeflatedByLastYearsPpiAndScopeIgnored) {
  Dataset data;
  data.enterprises = {firm("A", "13")};
  data.monthly = {va_record("A", {2019, 3}, 100), va_record("A", {2020, 3}, 132),
                  va_record("A", {2021, 3}, 150)};
  data.monthly[1].in_scope = false;  // last year's scope does not matter
  data.deflators = {deflator("13", {2020, 3}, 110)};
  Result<ReportData> report = compute_report(data, {{2021, 3}, WindowKind::kMonthly, ""});
  ASSERT_TRUE(report.has_value());
  // g_2021 = 150 / 132 − 1; g_2020 = (132 / 1.1) / 100 − 1 = 20%.
  double product = (150.0 / 132) * 1.2;
  EXPECT_NEAR(*report->industry.two_year_average_growth, 100.0 * (std::sqrt(product) - 1), 1e-9);
}

TEST(TwoYearAverage, NullWithoutTwoEarlierYears) {
  Dataset data;
  data.enterprises = {firm("A", "13")};
  data.monthly = {va_record("A", {2020, 3}, 120), va_record("A", {2021, 3}, 150)};
  Result<ReportData> report = compute_report(data, {{2021, 3}, WindowKind::kMonthly, ""});
  ASSERT_TRUE(report.has_value());
  EXPECT_TRUE(report->industry.value_added_growth.has_value());
  EXPECT_FALSE(report->industry.two_year_average_growth.has_value());
}

TEST(TwoYearAverage, JanuaryFoldedInOneYearOnly) {
  Dataset data;
  data.enterprises = {firm("A", "13")};
  // 2019 and 2020 apart, 2021 folded: 2021 1–2 = 150 vs 2020 (60 + 60) vs 2019 (50 + 50).
  data.monthly = {va_record("A", {2019, 1}, 50), va_record("A", {2019, 2}, 50),
                  va_record("A", {2020, 1}, 60), va_record("A", {2020, 2}, 60),
                  va_record("A", {2021, 2}, 150)};
  Result<ReportData> report = compute_report(data, {{2021, 2}, WindowKind::kCumulative, ""});
  ASSERT_TRUE(report.has_value());
  EXPECT_NEAR(*report->industry.value_added_growth, 25, 1e-12);
  EXPECT_NEAR(*report->industry.two_year_average_growth, 100.0 * (std::sqrt(1.25 * 1.2) - 1),
              1e-12);
}

}  // namespace
}  // namespace zhizao
