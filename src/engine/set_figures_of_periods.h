// The sets of many reports over the same scope at once: what the runs of the early warnings read
// (docs/methodology.md, "Runs of reports": a set warning's `since` re-applies its rule to the
// reports before the period, up to 11 of them). Computed one report at a time, those reports
// cost up to eleven reports' reading of the records (issue 17: 2.9 s against 0.6 s for the report
// at 100,000 enterprises). Here each enterprise's pair units of a year are read once for every
// window of that year — a cumulative window is a prefix of the year's units, a monthly one a
// single unit — and each window's sets are added up member by member in member order, so every
// figure is the same bits as compute_report's.
#pragma once

#include <span>
#include <vector>

#include "base/result.h"
#include "base/year_month.h"
#include "engine/engine.h"
#include "engine/indexed_dataset.h"
#include "engine/report_data.h"
#include "engine/set_membership.h"

namespace zhizao::detail {

// Returns, for each of `periods` (report periods, in any order, each with request.window and
// request.scope), the set fields of compute_report's report of that period — industry through
// chains with their contribution and pull, the breadth, divisions_at_current_prices — bit for
// bit, except two_year_average_growth, which is left empty (no reader of many periods' sets
// needs it, and it would double the reading). period, window, window_from/to and scope are set;
// key enterprises, projects and the previous period's headline are left empty. Only the industry
// headline and the sets of `families` are added up; the others are left empty (a family costs an
// addition per member and window, and the runs read one or two). Memory: the figures of at most
// kChunk members per window at a time. Thread-safe over a const `data`; uses the second core at
// national scale.
// Errors: as compute_report — kUsage for a January period or an unknown scope.
Result<std::vector<ReportData>> set_figures_of_periods(const IndexedDataset& data,
                                                       const ReportRequest& request,
                                                       std::span<const YearMonth> periods,
                                                       SetFamilies families = SetFamilies::all());

}  // namespace zhizao::detail
