// The one place where a report gains the figures of the data contract's v2 additions
// (engine/v2_figures.h): products, campaigns, targets, lagging projects and the warnings that read
// them, computed by their own modules from the same records as the v1 figures. ReportInput::report
// calls it after the engine, so the CLI, the server and the office documents carry the same
// figures.
#pragma once

#include "base/status.h"
#include "engine/engine.h"
#include "engine/indexed_dataset.h"
#include "engine/report_data.h"

namespace zhizao {

// Fills the v2 members of `report` (computed by compute_report for `request`) from `records`
// (every table of the data, its monthly records as columns). A module whose input tables are
// empty adds nothing and costs nothing. Errors: a module's own (e.g. kInvalidArgument for a bad
// warning rules file).
Status complete_v2_figures(const detail::IndexedDataset& records, const ReportRequest& request,
                           ReportData& report);

}  // namespace zhizao
