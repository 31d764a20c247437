// Puts a ReportData together from the scoped enterprises' figures; shared by compute_report and
// explain so that both see the same sets.
#pragma once

#include "engine/engine.h"
#include "engine/indexed_dataset.h"
#include "engine/scoped_enterprises.h"

namespace zhizao::detail {

// Returns the report of `request` from `scoped` (computed by scoped_enterprises for it).
ReportData assemble_report(const IndexedDataset& data, const ScopedEnterprises& scoped,
                           const ReportRequest& request);

}  // namespace zhizao::detail
