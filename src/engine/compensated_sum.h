// CompensatedSum: Neumaier's improved Kahan summation, so that a national total of hundreds of
// thousands of monthly values does not depend on the order they were added in beyond the last
// bit. Used for every Σ of the indicator definitions.
#pragma once

#include <cmath>

namespace zhizao::detail {

// A running sum with a compensation term. Value type; not thread-safe while being added to.
class CompensatedSum {
 public:
  void add(double x) {
    double t = sum_ + x;
    // Neumaier (1974): recover the low-order bits lost by whichever operand is smaller. Both
    // corrections are computed and one is selected, the same value as a branch would add: the
    // comparison is data-dependent, and its mispredictions were most of the set sums' time at
    // national scale (issue 17).
    double lost_of_x = (sum_ - t) + x;
    double lost_of_sum = (x - t) + sum_;
    compensation_ += std::abs(sum_) >= std::abs(x) ? lost_of_x : lost_of_sum;
    sum_ = t;
  }
  double value() const { return sum_ + compensation_; }

 private:
  double sum_ = 0;
  double compensation_ = 0;
};

}  // namespace zhizao::detail
