// Comparable pairs (data contract, "Indicator definitions"): an enterprise's month of the window
// with its value and the value of the same month a year earlier, per measure. Only pairs where
// the enterprise is in scope and both values exist enter a growth rate.
//
// January/February fold. NBS releases January and February together, and an enterprise may report
// January apart in one year and folded into its February row in the other. When an enterprise has
// a January record in exactly one of the years Y and Y−1 (and both years have some January or
// February record), its January and February of both years form one 1–2 pair: current = Σ over
// its in-scope January/February records of Y (value added deflated by each month's own PPI);
// previous = Σ of those records' reported previous-year values if all of them report one, else
// Σ of every January/February record of Y−1 (missing if any of them lacks the measure). Otherwise
// months pair one to one. This makes cumulative figures the same whichever way January came.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <vector>

#include "engine/indexed_dataset.h"
#include "engine/value_added.h"

namespace zhizao::detail {

// Whether a month counts only when the enterprise was in scope (规上) then. The two-year average
// looks at last year's figures of this year's enterprises, whatever their scope was then.
enum class ScopeRule { kInScopeOnly, kAnyRecord };

struct MeasurePair {
  std::optional<double> current;   // value added: at comparable prices (cva)
  std::optional<double> previous;  // the same month(s) of the previous year, at current prices
};

// One unit of pairing: a single month, or January–February folded.
struct PairUnit {
  int first_month = 0;  // month numbers within the year
  int last_month = 0;
  bool in_scope = false;     // some record of the unit counts under the ScopeRule
  bool without_ppi = false;  // the current value added used ppi = 100 for lack of a PPI row
  std::array<MeasurePair, 3> measures;  // indexed by measure_slot()

  const MeasurePair& of(Measure measure) const { return measures[measure_slot(measure)]; }
  bool comparable(Measure measure) const {
    return in_scope && of(measure).current.has_value() && of(measure).previous.has_value();
  }
  bool folded() const { return first_month != last_month; }
};

// Returns the pair units of enterprise number `enterprise` for months first_month..last_month of
// `year`, in month order: one per month, or one for January–February when folded (see above).
// Months without a record give a unit that is not in scope.
std::vector<PairUnit> pair_units(const IndexedDataset& data, std::size_t enterprise, int year,
                                 int first_month, int last_month, ScopeRule rule);

// The same into `units` (cleared first), so that a caller pairing enterprise after enterprise
// reuses one buffer instead of allocating one per enterprise and year.
void pair_units(const IndexedDataset& data, std::size_t enterprise, int year, int first_month,
                int last_month, ScopeRule rule, std::vector<PairUnit>& units);

}  // namespace zhizao::detail
