#include "steering/steering.h"

namespace zhizao {

Status complete_steering_figures(const detail::IndexedDataset& records,
                                 const ReportRequest& request, ReportData& report) {
  const Dataset& dataset = records.dataset();
  if (dataset.projects.empty() && dataset.campaigns.empty() && dataset.targets.empty()) {
    return Status::ok();
  }
  Result<detail::RegionScope> scope = detail::RegionScope::resolve(dataset, request.scope);
  if (!scope) return scope.error();
  report.projects.lagging = lagging_projects(dataset, *scope, request.period);
  report.campaigns = campaign_figures(dataset, *scope, request.period);
  report.targets = target_figures(records, request.period, *scope);
  return Status::ok();
}

}  // namespace zhizao
