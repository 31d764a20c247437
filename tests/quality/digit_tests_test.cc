#include "quality/digit_tests.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <vector>

#include "quality_fixture.h"

namespace zhizao::detail {
namespace {

TEST(DigitTests, BenfordSharesSumToOne) {
  double sum = 0;
  for (int d = 1; d <= 9; ++d) sum += benford_share(d);
  EXPECT_NEAR(sum, 1, 1e-12);
  EXPECT_NEAR(benford_share(1), 0.30103, 1e-5);
}

TEST(DigitTests, FirstAndLastDigits) {
  EXPECT_EQ(first_digit(3000), 3);
  EXPECT_EQ(first_digit(0.0421), 4);
  EXPECT_EQ(first_digit(999.9), 9);
  EXPECT_EQ(first_digit(1), 1);
  EXPECT_EQ(reporting_decimals(std::vector<double>{12, 13.5, 14.25}), 2);
  EXPECT_EQ(reporting_decimals(std::vector<double>{12.1, 13.5, 14.2, 14.25, 20}), 1);
  EXPECT_EQ(reporting_decimals(std::vector<double>{120, 130}), 0);
  EXPECT_EQ(last_digit(1234.5, 1), 5);
  EXPECT_EQ(last_digit(1230, 0), 0);
  EXPECT_EQ(last_digit(42, 0), 2);
  EXPECT_FALSE(last_digit(7, 0));  // one significant digit: its last digit is its first
}

TEST(DigitTests, ChiSquarePValueMatchesTables) {
  // Critical values of the chi-square distribution (NIST/SEMATECH e-Handbook, table 1.3.6.7.4).
  EXPECT_NEAR(chi_square_p_value(26.124, 8), 0.001, 1e-5);
  EXPECT_NEAR(chi_square_p_value(27.877, 9), 0.001, 1e-5);
  EXPECT_NEAR(chi_square_p_value(15.507, 8), 0.05, 1e-4);
  EXPECT_EQ(chi_square_p_value(0, 8), 1);
}

TEST(DigitTests, HandComputedChiSquare) {
  // 20 figures, ten ending in 0 and ten in 5: expected 2 per digit.
  std::vector<double> values;
  for (int i = 0; i < 10; ++i) values.push_back(100 + 10 * i);
  for (int i = 0; i < 10; ++i) values.push_back(105 + 10 * i);
  DigitTest test = last_digit_test(values, 0);
  EXPECT_EQ(test.figures, 20);
  EXPECT_EQ(test.counts[0], 10);
  EXPECT_EQ(test.counts[5], 10);
  // Σ (O − E)² / E = 2 × (10 − 2)² / 2 + 8 × 2² / 2 = 64 + 16 = 80.
  EXPECT_DOUBLE_EQ(test.chi_square, 80);
  EXPECT_LT(test.p_value, 1e-12);
}

// A long series spanning three orders of magnitude: made up with every first digit equally
// likely (what a person inventing figures does), or log-uniform (what Benford's law describes).
std::vector<double> spanning_series(bool fabricated, int count, unsigned seed) {
  std::mt19937 random(seed);
  std::uniform_real_distribution<double> unit(0, 1);
  std::vector<double> values;
  for (int i = 0; i < count; ++i) {
    if (fabricated) {
      int digit = 1 + static_cast<int>(unit(random) * 9);
      int magnitude = 1 + static_cast<int>(unit(random) * 3);
      values.push_back(testing_quality::tenth((digit + unit(random)) * std::pow(10, magnitude)));
    } else {
      values.push_back(testing_quality::tenth(std::pow(10, 1 + 3 * unit(random))));
    }
  }
  return values;
}

TEST(DigitTests, BenfordFailsOnAFabricatedLongSeries) {
  DigitTest test = benford_test(spanning_series(true, 120, 7));
  EXPECT_LT(test.p_value, 0.001);
}

TEST(DigitTests, BenfordPassesAGenuineLookingSeries) {
  DigitTest test = benford_test(spanning_series(false, 120, 7));
  EXPECT_GT(test.p_value, 0.01);
}

}  // namespace
}  // namespace zhizao::detail
