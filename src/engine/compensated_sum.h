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
    // Neumaier (1974): recover the low-order bits lost by whichever operand is smaller.
    if (std::abs(sum_) >= std::abs(x)) {
      compensation_ += (sum_ - t) + x;
    } else {
      compensation_ += (x - t) + sum_;
    }
    sum_ = t;
  }
  double value() const { return sum_ + compensation_; }

 private:
  double sum_ = 0;
  double compensation_ = 0;
};

}  // namespace zhizao::detail
