// "Projects, lagging" of the data contract (v2 additions).
#include <algorithm>
#include <optional>

#include "steering/steering.h"
#include "steering/steering_dates.h"

namespace zhizao {
namespace {

// True when `planned` is on or before `last_day` and `actual` is not.
bool missed(const std::optional<CivilDate>& planned, const std::optional<CivilDate>& actual,
            const CivilDate& last_day) {
  return planned && *planned <= last_day && !(actual && *actual <= last_day);
}

}  // namespace

std::vector<LaggingProject> lagging_projects(const Dataset& dataset,
                                             const detail::RegionScope& scope, YearMonth period) {
  const CivilDate last_day = detail::last_day_of(period);
  std::vector<LaggingProject> lagging;
  for (const Project& project : dataset.projects) {
    if (!scope.contains(project.region)) continue;
    const bool start = missed(project.planned_start, project.actual_start, last_day);
    const bool completion = missed(project.planned_completion, project.actual_completion, last_day);
    if (!start && !completion) continue;
    LaggingProject lag{.id = project.id,
                       .name = project.name,
                       .region = project.region,
                       .park = project.park,
                       .chain = project.chain,
                       .industry = project.industry,
                       .campaign = project.campaign};
    CivilDate earliest;
    if (start && completion) {
      lag.kind = LagKind::kStartAndCompletion;
      earliest = std::min(*project.planned_start, *project.planned_completion);
    } else if (start) {
      lag.kind = LagKind::kStart;
      earliest = *project.planned_start;
    } else {
      lag.kind = LagKind::kCompletion;
      earliest = *project.planned_completion;
    }
    lag.days_late = detail::days_between(earliest, last_day);
    lagging.push_back(std::move(lag));
  }
  std::sort(lagging.begin(), lagging.end(),
            [](const LaggingProject& a, const LaggingProject& b) { return a.id < b.id; });
  return lagging;
}

}  // namespace zhizao
