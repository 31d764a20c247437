#include "service/service_figures.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "domain/region.h"
#include "engine/region_scope.h"
#include "engine/window.h"
#include "service/service_dates.h"

namespace zhizao {
namespace {

// What the figures of one group are counted from before they become ServiceGroupFigures.
struct GroupTally {
  std::set<std::string> assigned;
  std::set<std::string> visited;
  std::vector<long> days;  // resolved − raised of the cases resolved in the window
  long on_time = 0;
  long rating_sum = 0;
  long ratings = 0;
  long open_overdue = 0;
};

// The enterprises of enterprises.csv by code (the first row of a code), and the scope.
class EnterpriseLookup {
 public:
  EnterpriseLookup(const Dataset& dataset, detail::RegionScope scope) : scope_(std::move(scope)) {
    for (const Enterprise& enterprise : dataset.enterprises) {
      by_uscc_.emplace(enterprise.uscc, &enterprise);
    }
  }

  const Enterprise* find(const std::string& uscc) const {
    auto it = by_uscc_.find(uscc);
    return it == by_uscc_.end() ? nullptr : it->second;
  }

  // Whether `uscc` counts in the report: every code without a scope, else a known enterprise in it.
  bool counts(const std::string& uscc) const {
    if (scope_.code().empty()) return true;
    const Enterprise* enterprise = find(uscc);
    return enterprise != nullptr && scope_.contains(enterprise->region);
  }

  // The enterprise's county, empty when it is not in enterprises.csv.
  std::string county(const std::string& uscc) const {
    const Enterprise* enterprise = find(uscc);
    return enterprise == nullptr ? std::string() : enterprise->region;
  }

 private:
  detail::RegionScope scope_;
  std::map<std::string, const Enterprise*> by_uscc_;
};

// The median of `values` (the mean of the two middle values for an even count); null when empty.
std::optional<double> median_of(std::vector<long> values) {
  if (values.empty()) return std::nullopt;
  std::sort(values.begin(), values.end());
  const std::size_t middle = values.size() / 2;
  if (values.size() % 2 == 1) return static_cast<double>(values[middle]);
  return (static_cast<double>(values[middle - 1]) + static_cast<double>(values[middle])) / 2.0;
}

std::optional<double> percent(long part, long whole) {
  if (whole == 0) return std::nullopt;
  return 100.0 * static_cast<double>(part) / static_cast<double>(whole);
}

ServiceGroupFigures figures_of(std::string key, std::string name, const GroupTally& tally) {
  ServiceGroupFigures group;
  group.key = std::move(key);
  group.name = std::move(name);
  group.assigned = static_cast<long>(tally.assigned.size());
  group.visited = static_cast<long>(tally.visited.size());
  group.visit_coverage = percent(group.visited, group.assigned);
  for (const std::string& uscc : tally.assigned) {
    if (!tally.visited.contains(uscc)) group.unvisited.push_back(uscc);  // std::set: sorted
  }
  group.cases_resolved = static_cast<long>(tally.days.size());
  group.resolved_on_time = tally.on_time;
  group.on_time_rate = percent(tally.on_time, group.cases_resolved);
  group.median_days = median_of(tally.days);
  group.ratings = tally.ratings;
  if (tally.ratings > 0) {
    group.mean_rating = static_cast<double>(tally.rating_sum) / static_cast<double>(tally.ratings);
  }
  group.open_overdue = tally.open_overdue;
  return group;
}

// Every tally of a report: the city and its breakdowns.
struct ServiceTallies {
  GroupTally city;
  std::map<std::string, GroupTally> cadres;
  std::map<std::string, GroupTally> departments;
  std::map<std::string, GroupTally> counties;
};

// Adds the assignments and the visits of month M: the city, departments and counties count a
// visit by anyone, a cadre only his own visits (每人必联、每月必访).
void tally_visits(const Dataset& dataset, const EnterpriseLookup& lookup, YearMonth month,
                  ServiceTallies& tallies) {
  std::set<std::string> visited;
  std::set<std::pair<std::string, std::string>> visited_by;  // (cadre, uscc)
  for (const Visit& visit : dataset.visits) {
    if (visit.date.year_month() != month) continue;
    visited.insert(visit.uscc);
    visited_by.emplace(visit.cadre, visit.uscc);
  }
  for (const Assignment& assignment : dataset.assignments) {
    const std::string& uscc = assignment.uscc;
    if (!lookup.counts(uscc)) continue;
    const bool seen = visited.contains(uscc);
    std::vector<GroupTally*> groups = {&tallies.city, &tallies.departments[assignment.department]};
    const std::string county = lookup.county(uscc);
    if (!county.empty()) groups.push_back(&tallies.counties[county]);
    for (GroupTally* group : groups) {
      group->assigned.insert(uscc);
      if (seen) group->visited.insert(uscc);
    }
    GroupTally& cadre = tallies.cadres[assignment.cadre];
    cadre.assigned.insert(uscc);
    if (visited_by.contains({assignment.cadre, uscc})) cadre.visited.insert(uscc);
  }
}

// The cases of cases.csv by id, the last row of an id winning.
std::vector<const ServiceCase*> cases_by_id(const Dataset& dataset) {
  std::map<std::string, const ServiceCase*> by_id;
  for (const ServiceCase& service_case : dataset.cases) by_id[service_case.id] = &service_case;
  std::vector<const ServiceCase*> cases;
  cases.reserve(by_id.size());
  for (const auto& [id, service_case] : by_id) cases.push_back(service_case);
  return cases;
}

bool resolved_by(const ServiceCase& service_case, const CivilDate& day) {
  return service_case.resolved.has_value() && *service_case.resolved <= day;
}

// Adds the cases: those resolved in the window's months, and those open and overdue at D.
void tally_cases(const Dataset& dataset, const EnterpriseLookup& lookup,
                 const detail::ReportWindow& window, const CivilDate& last_day,
                 ServiceTallies& tallies, std::vector<OverdueCase>& overdue) {
  for (const ServiceCase* service_case : cases_by_id(dataset)) {
    if (!lookup.counts(service_case->uscc)) continue;
    std::vector<GroupTally*> groups = {&tallies.city,
                                       &tallies.departments[service_case->department]};
    const std::string county = lookup.county(service_case->uscc);
    if (!county.empty()) groups.push_back(&tallies.counties[county]);
    if (service_case->resolved.has_value()) {
      const YearMonth resolved_month = service_case->resolved->year_month();
      if (window.from <= resolved_month && resolved_month <= window.to) {
        const long days = civil_days_between(service_case->raised, *service_case->resolved);
        const bool on_time = *service_case->resolved <= service_case->deadline;
        for (GroupTally* group : groups) {
          group->days.push_back(days);
          if (on_time) ++group->on_time;
          if (service_case->rating.has_value()) {
            group->rating_sum += *service_case->rating;
            ++group->ratings;
          }
        }
      }
    }
    if (service_case->raised <= last_day && !resolved_by(*service_case, last_day) &&
        service_case->deadline < last_day) {
      for (GroupTally* group : groups) ++group->open_overdue;
      const Enterprise* enterprise = lookup.find(service_case->uscc);
      overdue.push_back({service_case->id, service_case->uscc,
                         enterprise == nullptr ? std::string() : enterprise->name, county,
                         service_case->category, service_case->department, service_case->raised,
                         service_case->deadline,
                         civil_days_between(service_case->deadline, last_day)});
    }
  }
}

std::string county_name(const std::string& code) {
  const Region* region = find_region(code);
  return region == nullptr ? code : std::string(region->name);
}

}  // namespace

Result<ServiceFigures> service_figures(const Dataset& dataset, const ReportRequest& request) {
  Result<detail::ReportWindow> window = detail::report_window(request.period, request.window);
  if (!window) return fail(window.error());
  Result<detail::RegionScope> scope = detail::RegionScope::resolve(dataset, request.scope);
  if (!scope) return fail(scope.error());
  const EnterpriseLookup lookup(dataset, *scope);
  const CivilDate last_day = detail::service_last_day(request.period);

  ServiceTallies tallies;
  ServiceFigures figures;
  tally_visits(dataset, lookup, request.period, tallies);
  tally_cases(dataset, lookup, *window, last_day, tallies, figures.overdue);

  figures.city = figures_of("", "", tallies.city);
  for (const std::string& uscc : figures.city.unvisited) {
    const Enterprise* enterprise = lookup.find(uscc);
    figures.unvisited_names.push_back(enterprise == nullptr ? std::string() : enterprise->name);
  }
  for (const auto& [cadre, tally] : tallies.cadres) {
    figures.cadres.push_back(figures_of(cadre, cadre, tally));
  }
  for (const auto& [department, tally] : tallies.departments) {
    figures.departments.push_back(figures_of(department, department, tally));
  }
  for (const auto& [county, tally] : tallies.counties) {
    figures.counties.push_back(figures_of(county, county_name(county), tally));
  }
  std::sort(figures.overdue.begin(), figures.overdue.end(),
            [](const OverdueCase& a, const OverdueCase& b) {
              if (a.days_overdue != b.days_overdue) return a.days_overdue > b.days_overdue;
              return a.id < b.id;
            });
  return figures;
}

Status complete_service_figures(const detail::IndexedDataset& data, const ReportRequest& request,
                                ReportData& report) {
  const Dataset& dataset = data.dataset();
  if (dataset.assignments.empty() && dataset.cases.empty()) return Status::ok();
  Result<ServiceFigures> figures = service_figures(dataset, request);
  if (!figures) return figures.error();
  report.service = std::move(*figures);
  return Status::ok();
}

}  // namespace zhizao
