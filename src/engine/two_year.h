// 两年平均增长 (two-year average growth): the growth of this year and of last year over the same
// enterprise-months, combined as √((1 + g_Y)(1 + g_{Y−1})) − 1.
#pragma once

#include <optional>
#include <vector>

#include "engine/comparable_pair.h"
#include "engine/report_data.h"

namespace zhizao::detail {

// Adds to `this_year` and `last_year` the value-added sums of the enterprise-months kept for the
// two-year average: the comparable pairs of `this_year_units` (year Y, in scope) whose months of
// Y−1 in `last_year_units` (ScopeRule::kAnyRecord) have both a value added and a previous one.
// When January–February is folded in one year and not in the other, the two blocks are compared
// whole: the comparable January/February units of Y against all those of Y−1 (each of which must
// have both values).
void add_two_year_pairs(const std::vector<PairUnit>& this_year_units,
                        const std::vector<PairUnit>& last_year_units, ComparableSums& this_year,
                        ComparableSums& last_year);

// Returns 100 × (√((1 + g_Y/100)(1 + g_{Y−1}/100)) − 1), nullopt when either growth is.
std::optional<double> two_year_average(const ComparableSums& this_year,
                                       const ComparableSums& last_year);

}  // namespace zhizao::detail
