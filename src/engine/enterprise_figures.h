// One enterprise's sums over its comparable pairs in a report window: the building block every
// set's figures are added up from.
#pragma once

#include <cstddef>
#include <span>

#include "engine/comparable_pair.h"
#include "engine/indexed_dataset.h"
#include "engine/report_data.h"
#include "engine/value_added.h"
#include "engine/window.h"

namespace zhizao::detail {

// Whether to compute the two-year average sums (they need two earlier years of records).
enum class TwoYearAverage { kCompute, kSkip };

struct EnterpriseFigures {
  ComparableSums value_added;  // Σ cva vs Σ prev_va
  ComparableSums output;
  ComparableSums electricity;
  ComparableSums two_year_this;    // value added of Y over the two-year enterprise-months
  ComparableSums two_year_last;    // value added of Y−1 over the same months
  bool at_current_prices = false;  // a comparable value-added pair had no PPI
  int months_in_scope = 0;         // months of the window with an in-scope record
  bool lacks_value_added = false;  // an in-scope month had neither value_added nor a ratio

  const ComparableSums& of(Measure measure) const;
};

// Adds one pair unit to `figures`: its comparable values to the sums, its flags. figures_of_units
// is this over the units of a window, in order; a caller that adds the units of a year one by one
// gets, after the unit ending in month M, the figures of the window from the year's first unit
// to M, the same bits.
void add_unit(const PairUnit& unit, EnterpriseFigures& figures);

// Returns the sums over the units of `units` (one enterprise's pair units of one year, in month
// order) that lie within months first_month..last_month: the figures of that window but
// months_in_scope and the two-year sums, which the caller adds. The same additions in the same
// order as for units read for that window alone, so the same bits.
EnterpriseFigures figures_of_units(std::span<const PairUnit> units, int first_month,
                                   int last_month);

// Returns the figures of enterprise number `enterprise` for `window`.
EnterpriseFigures enterprise_figures(const IndexedDataset& data, std::size_t enterprise,
                                     const ReportWindow& window, TwoYearAverage two_year);

// Whether the units of `shorter` are a prefix of those of `window` (same year and first month,
// an earlier last month), so that one reading of the records gives the figures of both.
bool is_prefix_window(const ReportWindow& shorter, const ReportWindow& window);

// The same as enterprise_figures(data, enterprise, window, two_year), and sets `shorter_figures`
// to enterprise_figures(data, enterprise, shorter, TwoYearAverage::kSkip) from the same units —
// the same additions in the same order, the same bits. Requires is_prefix_window(shorter,
// window).
EnterpriseFigures enterprise_figures(const IndexedDataset& data, std::size_t enterprise,
                                     const ReportWindow& window, TwoYearAverage two_year,
                                     const ReportWindow& shorter,
                                     EnterpriseFigures& shorter_figures);

}  // namespace zhizao::detail
