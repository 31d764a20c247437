// The sets of a report — industry, manufacturing, sections, divisions, county-level regions and
// their city and province roll-ups, region groups, parks, chains — added up from the scoped
// enterprises' figures, with each set's contribution to and pull on the industrial total.
#pragma once

#include "engine/indexed_dataset.h"
#include "engine/report_data.h"
#include "engine/scoped_enterprises.h"

namespace zhizao::detail {

// Names of the two headline sets (SetFigures::code).
inline constexpr char kIndustryCode[] = "industry";
inline constexpr char kManufacturingCode[] = "manufacturing";

// Fills the set fields of `report` (industry through chains), manufacturing_breadth and
// divisions_at_current_prices. Divisions, regions, cities and provinces come in code order;
// groups in the dataset's order; parks and chains in the order of parks.csv/chains.csv, ids
// unknown there after them by id. A division, region, park or chain is listed when at least one
// enterprise of the scope belongs to it; every region group of the dataset is listed.
void fill_report_sets(const IndexedDataset& data, const ScopedEnterprises& scoped,
                      ReportData& report);

// The last step of fill_report_sets, for sets added up elsewhere (engine/set_membership.h):
// each set's contribution to and pull on the industrial total, the breadth, and the divisions
// at current prices.
void finish_report_sets(ReportData& report);

// Returns the headline figures (industry, manufacturing) of `figures` of `scoped.members`.
struct HeadlineFigures {
  SetFigures industry;
  SetFigures manufacturing;
};
HeadlineFigures headline_figures(const IndexedDataset& data, const ScopedEnterprises& scoped,
                                 const std::vector<EnterpriseFigures>& figures);

// The same for `window` read from the stored running figures (engine/running_figures.h), member
// by member in member order: the same bits as headline_figures of figures_for_window(data,
// scoped.members, window), without holding every member's figures. Requires
// has_running_cell(data, window).
HeadlineFigures headline_figures_of_cells(const IndexedDataset& data,
                                          const ScopedEnterprises& scoped,
                                          const ReportWindow& window);

// Returns 行业增长面 over the manufacturing divisions of `divisions`.
Breadth manufacturing_breadth(const std::vector<SetFigures>& divisions);

}  // namespace zhizao::detail
