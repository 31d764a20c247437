// Steering figures (data contract, "v2 additions", "Figures"): lagging projects, campaigns
// (百日攻坚) and plan targets, computed from the records of a report's data and filled into
// ReportData by complete_v2_figures (src/columnar/v2_figures_assembly.cc). Definitions in
// docs/methodology.md, "Campaigns, targets and lagging projects". Pure functions of their
// inputs; thread-safe.
#pragma once

#include <vector>

#include "base/status.h"
#include "base/year_month.h"
#include "domain/dataset.h"
#include "engine/engine.h"
#include "engine/indexed_dataset.h"
#include "engine/region_scope.h"
#include "engine/report_data.h"

namespace zhizao {

// Fills report.projects.lagging, report.campaigns and report.targets for `request` (its period
// and scope; the window kind does not matter: every steering figure is dated by the period's
// last day or its 12 months). Leaves them empty, at no cost, when the data has no projects,
// campaigns or targets. Errors: kUsage for an unknown request scope (as compute_report).
Status complete_steering_figures(const detail::IndexedDataset& records,
                                 const ReportRequest& request, ReportData& report);

// Returns the projects of `scope` (their region lies in it) that lag at D, the last day of
// `period`: planned start ≤ D without an actual start ≤ D, or planned completion ≤ D without an
// actual completion ≤ D. days_late = D − the earliest missed planned date. Sorted by id.
std::vector<LaggingProject> lagging_projects(const Dataset& dataset,
                                             const detail::RegionScope& scope, YearMonth period);

// Returns the figures of every campaign of dataset.campaigns, in the file's order, over the
// projects of `scope` whose `campaign` is its id, for the window from `from` to
// E = min(to, D). A campaign that starts after D has zeros.
std::vector<CampaignFigures> campaign_figures(const Dataset& dataset,
                                              const detail::RegionScope& scope, YearMonth period);

// Returns the figures of every target of records.dataset().targets, in the file's order, at
// `period` = Y-M: current over the 12 months ending at M of Y, progress, the pace needed and
// the pace achieved. With a non-empty `report_scope`, only the targets whose enterprises all
// lie in it (and that count at least one) are returned, so that a county's report shows no
// other county's figures.
std::vector<TargetFigures> target_figures(const detail::IndexedDataset& records, YearMonth period,
                                          const detail::RegionScope& report_scope);

}  // namespace zhizao
