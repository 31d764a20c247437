// Adds enterprises' figures up into the figures of a set (a division, region, park, chain, ...):
// G(S) = 100 × (Σ cva / Σ prev_va − 1) over the comparable pairs of S, and likewise for output and
// electricity, with compensated sums so that national totals do not drift.
#pragma once

#include <string>

#include "engine/compensated_sum.h"
#include "engine/enterprise_figures.h"
#include "engine/report_data.h"

namespace zhizao::detail {

// Compensated sums of one ComparableSums.
class SumsAccumulator {
 public:
  void add(const ComparableSums& sums);
  ComparableSums sums() const;

 private:
  CompensatedSum current_;
  CompensatedSum previous_;
  long pairs_ = 0;
};

// Accumulates the members of one set. Value type; not thread-safe while being added to.
class SetAccumulator {
 public:
  void add(const EnterpriseFigures& enterprise);

  // Returns the set's figures: sums, growth rates, two-year average, enterprises, the current
  // prices flag. Contribution and pull are left empty (see set_share_of_total).
  SetFigures figures(std::string code, std::string name) const;

 private:
  SumsAccumulator value_added_;
  SumsAccumulator output_;
  SumsAccumulator electricity_;
  SumsAccumulator two_year_this_;
  SumsAccumulator two_year_last_;
  long enterprises_ = 0;
  bool at_current_prices_ = false;
};

// Sets the contribution and pull of `set` to the industrial total `total` (value added).
void set_share_of_total(SetFigures& set, const ComparableSums& total);

}  // namespace zhizao::detail
