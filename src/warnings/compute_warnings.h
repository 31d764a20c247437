// Early warnings (预警): the rules of a WarningRules set applied to a report's records and figures
// (docs/methodology.md, "Early warnings"). Pure functions of their inputs; thread-safe.
#pragma once

#include <vector>

#include "base/status.h"
#include "engine/engine.h"
#include "engine/indexed_dataset.h"
#include "engine/report_data.h"
#include "warnings/warning_rules.h"

namespace zhizao {

// Returns the warnings `rules` raise for `request` (its period and scope) from `records` (the
// enterprise rules read the monthly columns: one pass over the scope's enterprises, only the
// months a run needs) and `figures`, the report computed for the same request with its v2
// figures (lagging projects, targets, campaigns) already filled in. Of the rules of one kind that
// raise a warning about the same subject only the most severe is kept (the first in the file on a
// tie). Sorted most severe first, then by rule id, subject kind and subject id. Reasons are the
// rules' templates filled in both languages.
// Errors: kUsage when request.scope is neither a region nor a group of the data (as
// compute_report).
Result<std::vector<Warning>> compute_warnings(const detail::IndexedDataset& records,
                                              const ReportRequest& request,
                                              const ReportData& figures, const WarningRules& rules);

// Sets report.warnings from active_warning_rules(): the one call of complete_v2_figures
// (src/columnar/v2_figures_assembly.cc), after every other v2 figure. Errors: as
// compute_warnings.
Status complete_warnings(const detail::IndexedDataset& records, const ReportRequest& request,
                         ReportData& report);

}  // namespace zhizao
