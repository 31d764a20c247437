#include "quality/digit_tests.h"

#include <algorithm>
#include <array>
#include <boost/math/special_functions/gamma.hpp>
#include <cmath>

namespace zhizao::detail {

double benford_share(int digit) { return std::log10(1.0 + 1.0 / digit); }

int first_digit(double value) {
  double mantissa = value / std::pow(10.0, std::floor(std::log10(value)));
  int digit = static_cast<int>(mantissa + 1e-9);  // 2.9999999 from 3 is still 3 after rounding
  return digit < 1 ? 1 : digit > 9 ? 9 : digit;
}

int reporting_decimals(std::span<const double> values) {
  // The most common precision among the figures (ties to the finer one): a figure written with
  // fewer decimals than the others is a rounded one, which is what the last-digit test looks for,
  // and one computed figure with many decimals must not make every other figure end in zeros.
  std::array<long, 5> counts{};
  for (double value : values) {
    int decimals = 0;
    while (decimals < 4) {
      double scaled = std::abs(value) * std::pow(10.0, decimals);
      if (std::abs(scaled - std::round(scaled)) <= 1e-6 * std::max(1.0, scaled)) break;
      ++decimals;
    }
    ++counts[static_cast<std::size_t>(decimals)];
  }
  int mode = 0;
  for (int d = 1; d < 5; ++d) {
    if (counts[static_cast<std::size_t>(d)] >= counts[static_cast<std::size_t>(mode)]) mode = d;
  }
  return mode;
}

std::optional<int> last_digit(double value, int decimals) {
  double scaled = std::round(std::abs(value) * std::pow(10.0, decimals));
  if (!(scaled >= 10) || scaled > 9e15) return std::nullopt;
  return static_cast<int>(std::fmod(scaled, 10.0));
}

double chi_square_p_value(double chi_square, int df) {
  if (!(chi_square > 0)) return 1;
  return boost::math::gamma_q(df / 2.0, chi_square / 2.0);
}

namespace {

void finish(DigitTest& test, int first, int last, double (*expected_share)(int)) {
  test.chi_square = 0;
  test.mad = 0;
  if (test.figures == 0) return;
  auto n = static_cast<double>(test.figures);
  for (int d = first; d <= last; ++d) {
    double expected = n * expected_share(d);
    double observed = static_cast<double>(test.counts[static_cast<std::size_t>(d)]);
    test.chi_square += (observed - expected) * (observed - expected) / expected;
    test.mad += std::abs(observed / n - expected_share(d));
  }
  test.mad /= last - first + 1;
  test.p_value = chi_square_p_value(test.chi_square, last - first);
}

double uniform_share(int /*digit*/) { return 0.1; }

}  // namespace

DigitTest benford_test(std::span<const double> values) {
  DigitTest test;
  for (double value : values) {
    if (!(value > 0) || !std::isfinite(value)) continue;
    ++test.counts[static_cast<std::size_t>(first_digit(value))];
    ++test.figures;
  }
  finish(test, 1, 9, benford_share);
  return test;
}

DigitTest last_digit_test(std::span<const double> values, int decimals) {
  DigitTest test;
  for (double value : values) {
    if (!(value > 0) || !std::isfinite(value)) continue;
    std::optional<int> digit = last_digit(value, decimals);
    if (!digit) continue;
    ++test.counts[static_cast<std::size_t>(*digit)];
    ++test.figures;
  }
  finish(test, 0, 9, uniform_share);
  return test;
}

}  // namespace zhizao::detail
