// The JSON form of the safety figures (report/safety_section.h, docs/safety.md "JSON").
#include "report/json_writer.h"
#include "report/safety_section.h"

namespace zhizao::detail {
namespace {

using json = nlohmann::ordered_json;

json counts_to_json(const HazardCounts& counts) {
  return {{"found", counts.found},
          {"rectified", counts.rectified},
          {"open", counts.open},
          {"overdue", counts.overdue},
          {"awaiting_reinspection", counts.awaiting_reinspection}};
}

json enterprise_to_json(const SafetyEnterprise& enterprise) {
  return {{"uscc", enterprise.uscc}, {"name", enterprise.name}, {"region", enterprise.region}};
}

json plan_to_json(const SafetyPlanFigures& plan) {
  json unchecked = json::array();
  for (const SafetyEnterprise& e : plan.unchecked) unchecked.push_back(e.uscc);
  json counties = json::array();
  for (const CountyHazards& county : plan.by_county) {
    json entry = {{"region", county.region}, {"name", county.name}};
    entry.update(counts_to_json(county.counts));
    counties.push_back(std::move(entry));
  }
  json overdue = json::array();
  for (const OverdueHazard& o : plan.overdue_hazards) {
    overdue.push_back({{"id", o.id},
                       {"level", o.level},
                       {"enterprise", enterprise_to_json(o.enterprise)},
                       {"deadline", o.deadline.to_string()},
                       {"days_overdue", o.days_overdue}});
  }
  json gaps = json::array();
  for (const CivilDate& day : plan.roster_gaps) gaps.push_back(day.to_string());
  return {{"id", plan.id},
          {"name", plan.name},
          {"kind", plan.kind},
          {"divisions", plan.divisions},
          {"region", plan.region.empty() ? json(nullptr) : json(plan.region)},
          {"from", plan.from.to_string()},
          {"to", plan.to.to_string()},
          {"enterprises", plan.enterprises},
          {"checked", plan.checked},
          {"unchecked", unchecked},
          {"coverage", optional_number(plan.coverage)},
          {"time_progress", plan.time_progress},
          {"hazards", counts_to_json(plan.hazards)},
          {"major", counts_to_json(plan.major)},
          {"ordinary", counts_to_json(plan.ordinary)},
          {"counties", counties},
          {"overdue_hazards", overdue},
          {"roster_gaps", gaps}};
}

}  // namespace

nlohmann::ordered_json safety_to_json(const SafetyFigures& safety) {
  json plans = json::array();
  for (const SafetyPlanFigures& plan : safety.plans) plans.push_back(plan_to_json(plan));
  return {{"as_of", safety.as_of.to_string()}, {"plans", plans}};
}

}  // namespace zhizao::detail
