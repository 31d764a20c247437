#include "engine/window.h"

#include <gtest/gtest.h>

#include "engine/engine.h"

namespace zhizao::detail {
namespace {

TEST(ReportWindow, CumulativeRunsFromJanuary) {
  Result<ReportWindow> window = report_window({2021, 4}, WindowKind::kCumulative);
  ASSERT_TRUE(window.has_value());
  EXPECT_EQ(window->from, (YearMonth{2021, 1}));
  EXPECT_EQ(window->to, (YearMonth{2021, 4}));
  EXPECT_TRUE(window->covers_january_february());
}

TEST(ReportWindow, MonthlyIsTheMonthAlone) {
  Result<ReportWindow> window = report_window({2021, 4}, WindowKind::kMonthly);
  ASSERT_TRUE(window.has_value());
  EXPECT_EQ(window->from, (YearMonth{2021, 4}));
  EXPECT_EQ(window->to, (YearMonth{2021, 4}));
  EXPECT_FALSE(window->covers_january_february());
}

TEST(ReportWindow, MonthlyFebruaryIsJanuaryToFebruary) {
  Result<ReportWindow> window = report_window({2021, 2}, WindowKind::kMonthly);
  ASSERT_TRUE(window.has_value());
  EXPECT_EQ(window->from, (YearMonth{2021, 1}));
  EXPECT_EQ(window->to, (YearMonth{2021, 2}));
}

TEST(ReportWindow, JanuaryAloneIsRefused) {
  for (WindowKind kind : {WindowKind::kCumulative, WindowKind::kMonthly}) {
    Result<ReportWindow> window = report_window({2021, 1}, kind);
    ASSERT_FALSE(window.has_value());
    EXPECT_EQ(window.error().code(), StatusCode::kUsage);
    EXPECT_EQ(window.error().message(),
              "January is released with February as 1–2月: ask for 2021-02");
  }
}

TEST(ReportWindow, MonthOutOfRangeIsRefused) {
  EXPECT_EQ(report_window({2021, 13}, WindowKind::kCumulative).error().code(), StatusCode::kUsage);
  EXPECT_EQ(report_window({2021, 0}, WindowKind::kMonthly).error().code(), StatusCode::kUsage);
}

TEST(PreviousReportWindow, NoneForFebruary) {
  EXPECT_FALSE(previous_report_window({2021, 2}, WindowKind::kCumulative).has_value());
  EXPECT_FALSE(previous_report_window({2021, 2}, WindowKind::kMonthly).has_value());
}

TEST(PreviousReportWindow, MarchLooksBackToJanuaryFebruary) {
  for (WindowKind kind : {WindowKind::kCumulative, WindowKind::kMonthly}) {
    std::optional<ReportWindow> previous = previous_report_window({2021, 3}, kind);
    ASSERT_TRUE(previous.has_value());
    EXPECT_EQ(previous->from, (YearMonth{2021, 1}));
    EXPECT_EQ(previous->to, (YearMonth{2021, 2}));
  }
}

TEST(PreviousReportWindow, CumulativeAndMonthlyLaterInTheYear) {
  std::optional<ReportWindow> cumulative =
      previous_report_window({2021, 6}, WindowKind::kCumulative);
  ASSERT_TRUE(cumulative.has_value());
  EXPECT_EQ(cumulative->from, (YearMonth{2021, 1}));
  EXPECT_EQ(cumulative->to, (YearMonth{2021, 5}));
  std::optional<ReportWindow> monthly = previous_report_window({2021, 6}, WindowKind::kMonthly);
  ASSERT_TRUE(monthly.has_value());
  EXPECT_EQ(monthly->from, (YearMonth{2021, 5}));
  EXPECT_EQ(monthly->to, (YearMonth{2021, 5}));
}

TEST(ComparableSums, GrowthIsNullWithoutDenominator) {
  ComparableSums empty;
  EXPECT_FALSE(empty.growth().has_value());
  ComparableSums zero_previous{5, 0, 1};
  EXPECT_FALSE(zero_previous.growth().has_value());
  ComparableSums sums{150, 100, 2};
  ASSERT_TRUE(sums.growth().has_value());
  EXPECT_DOUBLE_EQ(*sums.growth(), 50);
  EXPECT_DOUBLE_EQ(sums.increase(), 50);
}

}  // namespace
}  // namespace zhizao::detail
