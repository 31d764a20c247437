// The "Enterprise service" figures of the data contract's v2 additions (五每,
// ../shared/data-contract.md "Figures"; docs/methodology.md "Enterprise service"): visit coverage
// of the assigned enterprises in month M, the unvisited ones, and the cases resolved in the report
// window (on time, median days, mean rating) and open and overdue at D, the last day of M — for the
// city and per cadre, department and county, over the enterprises of the report's scope.
#pragma once

#include "base/result.h"
#include "base/status.h"
#include "domain/dataset.h"
#include "engine/engine.h"
#include "engine/indexed_dataset.h"
#include "engine/report_data.h"
#include "engine/v2_figures.h"

namespace zhizao {

// Returns the service figures of `request` over `dataset` (assignments.csv, visits.csv, cases.csv
// and the enterprises for names, counties and the scope). With a scope, only enterprises of
// enterprises.csv whose county lies in it count; without one, every code the three files name
// counts, known or not. Of two cases with one id the last row wins, as an import would have
// replaced the first. Errors: kUsage for a January period or an unknown scope (as
// compute_report). Pure; thread-safe.
Result<ServiceFigures> service_figures(const Dataset& dataset, const ReportRequest& request);

// Sets report.service (the hook of complete_v2_figures); nothing, at no cost, when there are no
// assignments and no cases. Errors: as service_figures.
Status complete_service_figures(const detail::IndexedDataset& data, const ReportRequest& request,
                                ReportData& report);

}  // namespace zhizao
