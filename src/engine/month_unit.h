// One month's pair unit read straight from the month-major columns (engine/monthly_columns.h):
// the single-month case of pair_units (engine/comparable_pair.h), which is nearly every unit of
// a report. The values follow value_added.h's definitions — va = value_added, else output ×
// ratio(division, year); cva = va / (PPI / 100), PPI 100 when missing; the previous-year value
// as the record reports it, else the m−12 record's own value — with the same operations as the
// record-based code, so the same bits, without building a MonthlyRecord per month (issue 17).
#pragma once

#include <cstddef>

#include "base/year_month.h"
#include "engine/comparable_pair.h"
#include "engine/indexed_dataset.h"

namespace zhizao::detail {

// Fills `unit` (default-constructed) with the unit of enterprise number `enterprise` for `month`
// alone: not in scope and without values when the enterprise has no record of that month.
void fill_single_month_unit(const IndexedDataset& data, std::size_t enterprise, YearMonth month,
                            ScopeRule rule, PairUnit& unit);

}  // namespace zhizao::detail
