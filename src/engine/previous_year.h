// The previous-year values a month is compared with (data contract, "Indicator definitions"):
// for one monthly record, stored or only submitted, what the engine's growth rates divide by.
// The dashboard's review page shows them beside each submitted figure (issue #18, item 6).
#pragma once

#include <optional>
#include <span>
#include <vector>

#include "domain/dataset.h"
#include "domain/records.h"
#include "engine/engine.h"

namespace zhizao {

// At current prices, as the contract defines them; nullopt where there is none.
struct PreviousYearValues {
  std::optional<double> output;       // output_prev, else the output of month m−12
  std::optional<double> value_added;  // prev_va: value_added_prev, else output_prev × ratio(Y−1),
                                      // else the va of month m−12 (its value added, else its
                                      // output × ratio(Y−1))
  std::optional<double> electricity;  // electricity_prev, else the electricity of month m−12
};

// Returns, for each of `records` (any uscc and period), the values the engine pairs that month
// with: the record's own _prev columns first, else the stored record of the same enterprise a
// year earlier (whatever its in_scope flag), with the value-added ratios of the dataset. Months
// pair one to one: when an enterprise's January is folded into February the report compares
// 1–2月 as a whole (docs/methodology.md), which a single month cannot show. An enterprise that
// is not registered has only its reported _prev values (and no ratio). Pure; thread-safe.
std::vector<PreviousYearValues> previous_year_values(const Dataset& dataset,
                                                     std::span<const MonthlyRecord> records);

// As above over the columnar data (the snapshot).
std::vector<PreviousYearValues> previous_year_values(const ColumnarData& data,
                                                     std::span<const MonthlyRecord> records);

}  // namespace zhizao
