#include "engine/scoped_enterprises.h"

namespace zhizao::detail {

Result<ScopedEnterprises> scoped_enterprises(const IndexedDataset& data,
                                             const ReportRequest& request) {
  Result<ReportWindow> window = report_window(request.period, request.window);
  if (!window) return fail(window.error());
  Result<RegionScope> scope = RegionScope::resolve(data.dataset(), request.scope);
  if (!scope) return fail(scope.error());
  ScopedEnterprises scoped{*window, *scope, {}, {}};
  for (std::size_t i = 0; i < data.enterprises().size(); ++i) {
    if (!scoped.scope.contains(data.enterprises()[i].region)) continue;
    scoped.members.push_back(i);
    scoped.figures.push_back(enterprise_figures(data, i, *window, TwoYearAverage::kCompute));
  }
  return scoped;
}

std::vector<EnterpriseFigures> figures_for_window(const IndexedDataset& data,
                                                  const std::vector<std::size_t>& members,
                                                  const ReportWindow& window) {
  std::vector<EnterpriseFigures> figures;
  figures.reserve(members.size());
  for (std::size_t member : members) {
    figures.push_back(enterprise_figures(data, member, window, TwoYearAverage::kSkip));
  }
  return figures;
}

}  // namespace zhizao::detail
