// The steering keys of `report --json` (data contract v2: `projects.lagging`, `campaigns`,
// `targets`), with extra keys beside the contract's.
#include "report/json_writer.h"
#include "report/steering_section.h"

namespace zhizao::detail {
namespace {

using json = nlohmann::ordered_json;

template <typename T>
json optional_value(const std::optional<T>& value) {
  if (!value) return nullptr;
  return *value;
}

json campaign_to_json(const CampaignFigures& c) {
  return {{"id", c.id},
          {"investment", c.investment},
          {"actual_starts", c.actual_starts},
          {"actual_completions", c.actual_completions},
          {"time_progress", c.time_progress},
          // Extra keys, beyond the contract.
          {"name", c.name},
          {"from", c.from.to_string()},
          {"to", c.to.to_string()},
          {"projects", c.projects},
          {"planned_starts", optional_value(c.planned_starts)},
          {"planned_completions", optional_value(c.planned_completions)},
          {"planned_investment", optional_number(c.planned_investment)},
          {"investment_progress", optional_number(c.investment_progress)}};
}

json target_to_json(const TargetFigures& t) {
  return {{"id", t.id},
          {"current", t.current},
          {"progress", optional_number(t.progress)},
          {"pace_needed", optional_number(t.pace_needed)},
          {"pace_achieved", optional_number(t.pace_achieved)},
          // Extra keys, beyond the contract.
          {"name", t.name},
          {"indicator", t.indicator},
          {"scope", t.scope},
          {"year", t.year},
          {"value", t.value},
          {"threshold", optional_number(t.threshold)}};
}

json lagging_to_json(const LaggingProject& p) {
  return {{"id", p.id},
          {"name", p.name},
          {"kind", lag_kind_key(p.kind)},
          {"days_late", p.days_late},
          {"region", p.region},
          {"park", p.park},
          {"chain", p.chain},
          {"industry", p.industry},
          {"division", project_division(p)},
          {"campaign", p.campaign}};
}

}  // namespace

void add_steering_json(const ReportData& report, nlohmann::ordered_json& out) {
  json ids = json::array();
  json lagging = json::array();
  for (const LaggingProject& project : report.projects.lagging) {  // sorted by id
    ids.push_back(project.id);
    lagging.push_back(lagging_to_json(project));
  }
  out["projects"]["lagging"] = std::move(ids);
  out["lagging_projects"] = std::move(lagging);
  json campaigns = json::array();
  for (const CampaignFigures& campaign : report.campaigns) {
    campaigns.push_back(campaign_to_json(campaign));
  }
  out["campaigns"] = std::move(campaigns);
  json targets = json::array();
  for (const TargetFigures& target : report.targets) targets.push_back(target_to_json(target));
  out["targets"] = std::move(targets);
}

}  // namespace zhizao::detail
