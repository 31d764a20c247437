// The digit tests of the data-quality checks: first digits against Benford's law and last digits
// against the uniform distribution, each as Pearson's chi-square goodness-of-fit test (Nigrini,
// "Benford's Law", Wiley 2012, ch. 5 and 8). Pure functions; thread-safe.
#pragma once

#include <array>
#include <optional>
#include <span>

namespace zhizao::detail {

// The outcome of one goodness-of-fit test over digit counts.
struct DigitTest {
  std::array<long, 10> counts{};  // counts[d]: figures with digit d (first digit: 1..9 only)
  long figures = 0;
  double chi_square = 0;
  double p_value = 1;  // P(χ²(df) ≥ chi_square)
  double mad = 0;      // Nigrini's mean absolute deviation of the proportions
};

// Benford's expected share of first digit d (1..9): log10(1 + 1/d).
double benford_share(int digit);

// The first significant digit of `value` (> 0), 1..9.
int first_digit(double value);

// The precision its reporter used: the most common number of decimals (0..4) needed to write a
// figure of `values` exactly (ties to the larger).
int reporting_decimals(std::span<const double> values);

// The last digit of `value` written with `decimals` decimals, or nullopt when the figure has a
// single significant digit at that precision (its last digit is then its first, as in Nigrini's
// last-two-digits test, which takes figures of 10 and more).
std::optional<int> last_digit(double value, int decimals);

// The upper-tail probability of the chi-square distribution with `df` degrees of freedom.
double chi_square_p_value(double chi_square, int df);

// Tests the first digits of the positive `values` against Benford's law (8 degrees of freedom).
DigitTest benford_test(std::span<const double> values);

// Tests the last digits of the positive `values` at `decimals` against the uniform distribution
// (9 degrees of freedom); figures without a last digit (see last_digit) are left out.
DigitTest last_digit_test(std::span<const double> values, int decimals);

}  // namespace zhizao::detail
