// The day weighting of the nowcast on a tiny series computed by hand (signals/day_weighting.h):
// the weight the fit chooses, the estimate, the back-test, and what a window without a previous
// month can be used for.
#include "signals/day_weighting.h"

#include <gtest/gtest.h>

#include <vector>

namespace zhizao {
namespace {

WindowRegressors window(int month, double so_far, std::optional<double> previous,
                        std::optional<double> value_added) {
  WindowRegressors w;
  w.key = {2020, month};
  w.so_far = so_far;
  w.previous_month = previous;
  w.value_added_growth = value_added;
  return w;
}

// y = 2 + 0.5 × (0.5 s + 0.5 p) exactly, and no other weight of the grid fits exactly: with
// x = 10w, 10(1 − w), 20w for the first three windows, equal y for the first two needs w = 0.5.
//   window  s   p   x(0.5)  y
//   3       10  0   5       4.5
//   4       0   10  5       4.5
//   5       20  0   10      7
//   6       4   8   6       5
std::vector<WindowRegressors> tiny_series() {
  return {window(3, 10, 0, 4.5), window(4, 0, 10, 4.5), window(5, 20, 0, 7), window(6, 4, 8, 5)};
}

TEST(DayWeighting, TheFitChoosesTheWeightThatFitsTheTinySeries) {
  std::vector<WindowRegressors> past = tiny_series();
  std::optional<WeightedFit> fit = fit_day_weights(past);
  ASSERT_TRUE(fit.has_value());
  EXPECT_DOUBLE_EQ(fit->weight, 0.5);
  EXPECT_NEAR(fit->fit.intercept, 2, 1e-12);
  EXPECT_NEAR(fit->fit.slope, 0.5, 1e-12);
  EXPECT_NEAR(fit->fit.residual_variance, 0, 1e-20);
}

TEST(DayWeighting, EstimateAndBacktestOnTheTinySeries) {
  NowcastOptions options;
  options.min_training_months = 3;
  options.day_weighting = DayWeighting::kFitted;
  // July: 6 so far, 2 in June: x = 0.5 × 6 + 0.5 × 2 = 4, estimate 2 + 0.5 × 4 = 4.
  GroupNowcast n = nowcast_group(tiny_series(), window(7, 6, 2, std::nullopt), options);
  EXPECT_EQ(n.training_months, 4);
  ASSERT_TRUE(n.weight.has_value());
  EXPECT_DOUBLE_EQ(*n.weight, 0.5);
  EXPECT_NEAR(*n.regressor, 4, 1e-12);
  ASSERT_TRUE(n.value_added_growth.has_value());
  EXPECT_NEAR(n.value_added_growth->estimate, 4, 1e-9);
  EXPECT_NEAR(n.value_added_growth->high - n.value_added_growth->low, 0, 1e-9);  // s = 0
  // June back-tested from March–May (w = 0.5 again): x = 6, estimate 5 = its statistics.
  ASSERT_EQ(n.backtest.size(), 1u);
  EXPECT_EQ(n.backtest[0].period, (YearMonth{2020, 6}));
  EXPECT_NEAR(n.backtest[0].estimate, 5, 1e-9);
  EXPECT_NEAR(*n.mean_absolute_error, 0, 1e-9);
}

TEST(DayWeighting, WithoutWeightingTheWholeWindowsAreLearntFrom) {
  // kNone: trained on the whole windows (y = 1 + 2 × whole), applied to the days so far.
  std::vector<WindowRegressors> past;
  for (int month = 3; month <= 6; ++month) {
    WindowRegressors w = window(month, 99, std::nullopt, 1 + 2.0 * month);
    w.whole = month;
    past.push_back(w);
  }
  NowcastOptions options;
  options.min_training_months = 3;
  GroupNowcast n = nowcast_group(past, window(7, 2.5, 8, std::nullopt), options);
  EXPECT_FALSE(n.weight.has_value());
  ASSERT_TRUE(n.value_added_growth.has_value());
  EXPECT_NEAR(n.value_added_growth->estimate, 6, 1e-9);  // 1 + 2 × 2.5
  // June from March–May: the line is exact, so_far = 99 → 199, against 13.
  ASSERT_EQ(n.backtest.size(), 1u);
  EXPECT_NEAR(n.backtest[0].estimate, 199, 1e-9);
  EXPECT_NEAR(*n.mean_absolute_error, 186, 1e-9);
}

TEST(DayWeighting, AWindowWithoutAPreviousMonthCountsForTheDaysSoFarAlone) {
  WindowRegressors first = window(2, 3, std::nullopt, 1);
  EXPECT_EQ(day_weighted_regressor(first, DayWeighting::kFitted, 1), 3);
  EXPECT_FALSE(day_weighted_regressor(first, DayWeighting::kFitted, 0.5).has_value());
  EXPECT_FALSE(day_weighted_regressor(first, DayWeighting::kFitted, 0).has_value());
  EXPECT_EQ(day_weighted_regressor(window(3, 3, 7, 1), DayWeighting::kFitted, 0), 7);
  EXPECT_EQ(day_weighted_regressor(window(3, 3, 7, 1), DayWeighting::kNone, 0), 3);
}

TEST(DayWeighting, TooFewWindowsGiveNoEstimate) {
  NowcastOptions options;
  options.day_weighting = DayWeighting::kFitted;  // needs six windows by default
  GroupNowcast n = nowcast_group(tiny_series(), window(7, 6, 2, std::nullopt), options);
  EXPECT_EQ(n.training_months, 4);
  EXPECT_FALSE(n.value_added_growth.has_value());
  EXPECT_TRUE(n.backtest.empty());
  EXPECT_FALSE(n.mean_absolute_error.has_value());
  std::vector<WindowRegressors> two = tiny_series();
  two.resize(2);
  EXPECT_FALSE(fit_day_weights(two).has_value());  // a line needs three windows
}

}  // namespace
}  // namespace zhizao
