#include "signals/line_fit.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace zhizao {
namespace {

TEST(LineFit, HandComputedLineAndPredictionInterval) {
  // x̄ = 1.5, ȳ = 2.75, Sxx = 5, Sxy = 5.5: slope 1.1, intercept 1.1; residuals −0.1, 0.8, −1.3,
  // 0.6: s² = 2.7 / 2 = 1.35.
  std::vector<Observation> points = {{0, 1}, {1, 3}, {2, 2}, {3, 5}};
  std::optional<LineFit> fit = fit_line(points);
  ASSERT_TRUE(fit.has_value());
  EXPECT_NEAR(fit->slope, 1.1, 1e-12);
  EXPECT_NEAR(fit->intercept, 1.1, 1e-12);
  EXPECT_NEAR(fit->residual_variance, 1.35, 1e-12);
  // At x = 4: 5.5 ± t(0.95, 2) × √(1.35 × (1 + 1/4 + 2.5² / 5)); t(0.95, 2) = 2.919986.
  PredictionInterval p = predict(*fit, 4, 0.90);
  EXPECT_NEAR(p.estimate, 5.5, 1e-12);
  EXPECT_NEAR(p.high - p.estimate, 2.919986 * std::sqrt(3.375), 1e-5);
  EXPECT_NEAR(p.estimate - p.low, p.high - p.estimate, 1e-12);
}

TEST(LineFit, AnExactLineHasNoSpread) {
  std::vector<Observation> points = {{-2, 1}, {0, 2}, {4, 4}};
  std::optional<LineFit> fit = fit_line(points);
  ASSERT_TRUE(fit.has_value());
  PredictionInterval p = predict(*fit, 10, 0.9);
  EXPECT_NEAR(p.estimate, 7, 1e-12);
  EXPECT_NEAR(p.low, 7, 1e-9);
  EXPECT_NEAR(p.high, 7, 1e-9);
}

TEST(LineFit, TooFewPointsOrNoSpreadInXCannotBeFitted) {
  std::vector<Observation> two = {{0, 1}, {1, 2}};
  EXPECT_FALSE(fit_line(two).has_value());
  std::vector<Observation> same_x = {{1, 1}, {1, 2}, {1, 3}};
  EXPECT_FALSE(fit_line(same_x).has_value());
}

}  // namespace
}  // namespace zhizao
