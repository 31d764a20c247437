#include "report/json_service.h"

#include <vector>

#include "report/json_writer.h"

namespace zhizao::detail {
namespace {

using json = nlohmann::ordered_json;

// Which figures a group carries: cadres have no cases (cases.csv names a department, no cadre).
enum class GroupFigures { kVisitsOnly, kVisitsAndCases };

json group_to_json(const ServiceGroupFigures& group, GroupFigures which) {
  json out = {{"visit_coverage", optional_number(group.visit_coverage)},
              {"unvisited", group.unvisited},
              {"assigned", group.assigned},
              {"visited", group.visited}};
  if (which == GroupFigures::kVisitsOnly) return out;
  out["cases_resolved"] = group.cases_resolved;
  out["on_time_rate"] = optional_number(group.on_time_rate);
  out["median_days"] = optional_number(group.median_days);
  out["mean_rating"] = optional_number(group.mean_rating);
  out["open_overdue"] = group.open_overdue;
  out["resolved_on_time"] = group.resolved_on_time;
  out["ratings"] = group.ratings;
  return out;
}

json groups_to_json(const std::vector<ServiceGroupFigures>& groups, const char* key_name,
                    GroupFigures which) {
  json out = json::array();
  for (const ServiceGroupFigures& group : groups) {
    json entry = {{key_name, group.key}};
    if (group.name != group.key) entry["name"] = group.name;
    entry.update(group_to_json(group, which));
    out.push_back(std::move(entry));
  }
  return out;
}

json overdue_to_json(const std::vector<OverdueCase>& cases) {
  json out = json::array();
  for (const OverdueCase& c : cases) {
    out.push_back({{"id", c.id},
                   {"uscc", c.uscc},
                   {"name", c.name},
                   {"region", c.region},
                   {"category", c.category},
                   {"department", c.department},
                   {"raised", c.raised.to_string()},
                   {"deadline", c.deadline.to_string()},
                   {"days_overdue", c.days_overdue}});
  }
  return out;
}

}  // namespace

json service_to_json(const ServiceFigures& service) {
  const ServiceGroupFigures& city = service.city;
  // The contract's keys first, in its order.
  json out = {{"visit_coverage", optional_number(city.visit_coverage)},
              {"unvisited", city.unvisited},
              {"cases_resolved", city.cases_resolved},
              {"on_time_rate", optional_number(city.on_time_rate)},
              {"median_days", optional_number(city.median_days)},
              {"mean_rating", optional_number(city.mean_rating)},
              {"open_overdue", city.open_overdue}};
  out["assigned"] = city.assigned;
  out["visited"] = city.visited;
  out["resolved_on_time"] = city.resolved_on_time;
  out["ratings"] = city.ratings;
  out["cadres"] = groups_to_json(service.cadres, "cadre", GroupFigures::kVisitsOnly);
  out["departments"] =
      groups_to_json(service.departments, "department", GroupFigures::kVisitsAndCases);
  out["counties"] = groups_to_json(service.counties, "code", GroupFigures::kVisitsAndCases);
  out["overdue_cases"] = overdue_to_json(service.overdue);
  return out;
}

}  // namespace zhizao::detail
