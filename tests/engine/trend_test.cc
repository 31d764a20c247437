#include "engine/trend.h"

#include <gtest/gtest.h>

#include "engine/engine_test_data.h"

namespace zhizao {
namespace {

using testing::firm;
using testing::va_record;

// Two enterprises with value added every month of 2019-11 .. 2021-04: the second grows 10%.
Dataset two_year_dataset() {
  Dataset dataset;
  dataset.enterprises = {firm("A", "34"), firm("B", "13", "410303")};
  for (int index = YearMonth{2019, 11}.index(); index <= YearMonth{2021, 4}.index(); ++index) {
    YearMonth month = YearMonth::from_index(index);
    double scale = month.year == 2021 ? 1.1 : 1.0;
    dataset.monthly.push_back(va_record("A", month, 100 + month.month));
    dataset.monthly.push_back(va_record("B", month, (50 + month.month) * scale));
  }
  return dataset;
}

TEST(Trend, SkipsJanuaryAndMatchesTheReportOfEachMonth) {
  Dataset dataset = two_year_dataset();
  ReportRequest request{{2021, 4}, WindowKind::kCumulative, ""};
  auto trend = compute_trend(dataset, request, 6);
  ASSERT_TRUE(trend.has_value()) << trend.error().to_string();
  // 2020-11 .. 2021-04 without 2021-01: five points, oldest first.
  ASSERT_EQ(trend->size(), 5u);
  EXPECT_EQ(trend->front().period, (YearMonth{2020, 11}));
  EXPECT_EQ(trend->back().period, (YearMonth{2021, 4}));
  for (const TrendPoint& point : *trend) {
    EXPECT_NE(point.period.month, 1);
    auto report = compute_report(dataset, {point.period, WindowKind::kCumulative, ""});
    ASSERT_TRUE(report.has_value());
    EXPECT_EQ(point.value_added_growth, report->industry.value_added_growth);
    EXPECT_EQ(point.electricity_growth, report->industry.electricity_growth);
    EXPECT_EQ(point.output_growth, report->industry.output_growth);
    EXPECT_EQ(point.manufacturing_value_added_growth, report->manufacturing.value_added_growth);
    EXPECT_EQ(point.two_year_average_growth, report->industry.two_year_average_growth);
  }
}

TEST(Trend, RefusesAnUnknownScopeLikeTheReport) {
  Dataset dataset = two_year_dataset();
  auto trend = compute_trend(dataset, {{2021, 4}, WindowKind::kCumulative, "999999"}, 3);
  ASSERT_FALSE(trend.has_value());
  EXPECT_EQ(trend.error().code(), StatusCode::kUsage);
}

}  // namespace
}  // namespace zhizao
