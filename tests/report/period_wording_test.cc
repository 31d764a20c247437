#include "report/period_wording.h"

#include <gtest/gtest.h>

namespace zhizao::detail {
namespace {

TEST(PeriodWording, Cumulative) {
  EXPECT_EQ(window_label(4, WindowKind::kCumulative, Language::kZh), "1—4月");
  EXPECT_EQ(window_label(2, WindowKind::kCumulative, Language::kZh), "1—2月");
  EXPECT_EQ(window_label(12, WindowKind::kCumulative, Language::kZh), "1—12月");
  EXPECT_EQ(window_label(4, WindowKind::kCumulative, Language::kEn), "January–April");
}

TEST(PeriodWording, MonthlyFebruaryIsJanuaryToFebruary) {
  EXPECT_EQ(window_label(4, WindowKind::kMonthly, Language::kZh), "4月份");
  EXPECT_EQ(window_label(2, WindowKind::kMonthly, Language::kZh), "1—2月");
  EXPECT_EQ(window_label(4, WindowKind::kMonthly, Language::kEn), "April");
  EXPECT_EQ(window_label(2, WindowKind::kMonthly, Language::kEn), "January–February");
}

TEST(PeriodWording, WithYear) {
  EXPECT_EQ(window_label_with_year({2021, 4}, WindowKind::kCumulative, Language::kZh),
            "2021年1—4月");
  EXPECT_EQ(window_label_with_year({2021, 4}, WindowKind::kMonthly, Language::kZh), "2021年4月份");
  EXPECT_EQ(window_label_with_year({2021, 4}, WindowKind::kCumulative, Language::kEn),
            "January–April 2021");
}

TEST(PeriodWording, PreviousPeriod) {
  EXPECT_EQ(previous_window_label(4, WindowKind::kCumulative, Language::kZh), "1—3月");
  EXPECT_EQ(previous_window_label(3, WindowKind::kCumulative, Language::kZh), "1—2月");
  EXPECT_EQ(previous_window_label(3, WindowKind::kMonthly, Language::kZh), "1—2月");
  EXPECT_EQ(previous_window_label(5, WindowKind::kMonthly, Language::kZh), "4月份");
  EXPECT_EQ(previous_window_label(2, WindowKind::kCumulative, Language::kZh), std::nullopt);
  EXPECT_EQ(previous_window_label(2, WindowKind::kMonthly, Language::kEn), std::nullopt);
  EXPECT_EQ(previous_window_label(5, WindowKind::kMonthly, Language::kEn), "April");
}

TEST(PeriodWording, EnglishMonthOutOfRangeIsNamedNotCrashed) {
  EXPECT_EQ(english_month(1), "January");
  EXPECT_EQ(english_month(12), "December");
  EXPECT_EQ(english_month(13), "month 13");
}

}  // namespace
}  // namespace zhizao::detail
