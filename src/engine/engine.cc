// compute_report: the indicator definitions of the data contract, put together.
#include "engine/engine.h"

#include "engine/indexed_dataset.h"
#include "engine/key_enterprises.h"
#include "engine/projects.h"
#include "engine/report_assembly.h"
#include "engine/report_sets.h"
#include "engine/running_figures.h"
#include "engine/scoped_enterprises.h"

namespace zhizao {
namespace detail {

namespace {

// The report's request fields and its sets (industry through chains).
ReportData report_of_sets(const IndexedDataset& data, const ScopedEnterprises& scoped,
                          const ReportRequest& request) {
  ReportData report;
  report.period = request.period;
  report.window = request.window;
  report.window_from = scoped.window.from;
  report.window_to = scoped.window.to;
  report.scope = request.scope;
  fill_report_sets(data, scoped, report);
  return report;
}

}  // namespace

ReportData assemble_report(const IndexedDataset& data, const ScopedEnterprises& scoped,
                           const ReportRequest& request) {
  ReportData report = report_of_sets(data, scoped, request);
  report.area = installation_area(data.dataset().area_code, data.enterprises());
  report.key_enterprises = key_enterprise_figures(data, scoped);
  report.projects = project_figures(data.dataset(), scoped.scope, request.period);

  if (auto previous = previous_report_window(request.period, request.window)) {
    // The previous window's figures: from the report's own units when a prefix, else read
    // from the stored running figures when it runs from January, else summed again.
    HeadlineFigures headline =
        scoped.previous_figures ? headline_figures(data, scoped, *scoped.previous_figures)
        : has_running_cell(data, *previous)
            ? headline_figures_of_cells(data, scoped, *previous)
            : headline_figures(data, scoped, figures_for_window(data, scoped.members, *previous));
    report.previous_value_added_growth = headline.industry.value_added_growth;
    report.previous_manufacturing_growth = headline.manufacturing.value_added_growth;
  }
  return report;
}

}  // namespace detail

namespace {

Result<ReportData> report_of(const detail::IndexedDataset& data, const ReportRequest& request) {
  Result<detail::ScopedEnterprises> scoped =
      detail::scoped_enterprises(data, request, detail::PreviousReport::kComputeWhenPrefix);
  if (!scoped) return fail(scoped.error());
  return detail::assemble_report(data, *scoped, request);
}

}  // namespace

Result<ReportData> compute_report(const Dataset& dataset, const ReportRequest& request) {
  return report_of(detail::IndexedDataset(dataset), request);
}

Result<ReportData> compute_report(const ColumnarData& data, const ReportRequest& request) {
  return report_of(detail::IndexedDataset(data.tables, data.columns), request);
}

}  // namespace zhizao
