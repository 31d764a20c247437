#include "base/number_format.h"

#include <cmath>
#include <limits>

#include <gtest/gtest.h>

namespace zhizao::detail {
namespace {

TEST(NumberFormat, RoundsHalfAwayFromZero) {
  EXPECT_EQ(format_fixed(12.65, 1), "12.7");
  EXPECT_EQ(format_fixed(-12.65, 1), "-12.7");
  EXPECT_EQ(format_fixed(0.05, 1), "0.1");
  EXPECT_EQ(format_fixed(-0.05, 1), "-0.1");
  EXPECT_EQ(format_fixed(20.1345, 2), "20.13");
  EXPECT_EQ(format_fixed(20.135, 2), "20.14");
  EXPECT_EQ(format_fixed(83.870967741935, 1), "83.9");
  EXPECT_EQ(format_fixed(7.0, 1), "7.0");
  EXPECT_EQ(format_fixed(1234.5, 0), "1235");
}

TEST(NumberFormat, NeverShowsNegativeZero) {
  EXPECT_EQ(format_fixed(-0.04, 1), "0.0");
  EXPECT_EQ(format_fixed(-0.0, 1), "0.0");
  EXPECT_EQ(format_fixed(-0.004, 2), "0.00");
}

TEST(NumberFormat, TrendIsDecidedOnTheDisplayedValue) {
  EXPECT_EQ(display_trend(0.04, 1), Trend::kFlat);
  EXPECT_EQ(display_trend(-0.04, 1), Trend::kFlat);
  EXPECT_EQ(display_trend(0.0, 1), Trend::kFlat);
  EXPECT_EQ(display_trend(0.05, 1), Trend::kUp);
  EXPECT_EQ(display_trend(-0.05, 1), Trend::kDown);
  EXPECT_EQ(display_trend(0.004, 2), Trend::kFlat);
  EXPECT_EQ(display_trend(0.005, 2), Trend::kUp);
}

TEST(NumberFormat, MagnitudeDropsTheSign) {
  EXPECT_EQ(format_magnitude(-3.04, 1), "3.0");
  EXPECT_EQ(format_magnitude(-0.05, 1), "0.1");
  EXPECT_EQ(format_magnitude(4.56, 1), "4.6");
}

TEST(NumberFormat, MissingFiguresShowADash) {
  EXPECT_EQ(format_optional(std::nullopt, 1), "—");
  EXPECT_EQ(format_optional(2.25, 1), "2.3");
  EXPECT_EQ(format_fixed(std::numeric_limits<double>::quiet_NaN(), 1), "—");
  EXPECT_EQ(format_fixed(std::numeric_limits<double>::infinity(), 1), "—");
  EXPECT_FALSE(has_figure(std::nullopt));
  EXPECT_FALSE(has_figure(std::numeric_limits<double>::quiet_NaN()));
  EXPECT_TRUE(has_figure(0.0));
}

TEST(NumberFormat, ConvertsWanYuanToYiYuan) {
  EXPECT_EQ(format_yi_yuan(2255000), "225.5");
  EXPECT_EQ(format_yi_yuan(2254950), "225.5");  // 225.495 rounds up
  EXPECT_EQ(format_yi_yuan(0), "0.0");
  EXPECT_EQ(format_yi_yuan(499), "0.0");
  EXPECT_EQ(format_yi_yuan(500), "0.1");
}

}  // namespace
}  // namespace zhizao::detail

namespace zhizao::detail {
namespace {

TEST(NumberFormat, HugeValuesDoNotOverflow) {
  EXPECT_EQ(display_trend(1e300, 1), Trend::kUp);
  EXPECT_EQ(display_trend(-1e300, 1), Trend::kDown);
  EXPECT_EQ(format_fixed(1e19, 1), "10000000000000000000.0");
  EXPECT_EQ(format_magnitude(-1e19, 1), "10000000000000000000.0");
}

}  // namespace
}  // namespace zhizao::detail
