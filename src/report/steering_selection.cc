// Names and groupings the steering paragraphs and tables share (report/steering_section.h).
#include <algorithm>
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "base/number_format.h"
#include "domain/region.h"
#include "report/report_selection.h"
#include "report/steering_section.h"

namespace zhizao::detail {
namespace {

const SetFigures* find_set(const std::vector<SetFigures>& sets, const std::string& code) {
  for (const SetFigures& set : sets) {
    if (set.code == code) return &set;
  }
  return nullptr;
}

std::string park_or_chain_name(const std::vector<SetFigures>& sets, const std::string& id) {
  const SetFigures* set = find_set(sets, id);
  return set != nullptr && !set->name.empty() ? set->name : id;
}

std::string county_name(const ReportData& report, const std::string& code) {
  std::string name = region_display_name(report, code);
  if (name != code) return name;
  const Region* region = find_region(code);
  return region != nullptr ? std::string(region->name) : code;
}

}  // namespace

CivilDate last_day_of(YearMonth period) {
  return {period.year, period.month, days_in_month(period.year, period.month)};
}

const char* lag_kind_key(LagKind kind) {
  switch (kind) {
    case LagKind::kStart:
      return "start";
    case LagKind::kCompletion:
      return "completion";
    case LagKind::kStartAndCompletion:
      return "start_and_completion";
  }
  return "start";
}

std::string project_division(const LaggingProject& project) {
  return project.industry.size() >= 2 ? project.industry.substr(0, 2) : "";
}

std::string target_scope_name(const ReportData& report, const std::string& scope,
                              const std::string& area) {
  if (scope == "all") return area;
  if (find_region(scope) != nullptr) return county_name(report, scope);
  if (const SetFigures* group = find_set(report.region_groups, scope)) {
    if (!group->name.empty()) return group->name;
  }
  if (const SetFigures* park = find_set(report.parks, scope)) return park->name;
  if (const SetFigures* chain = find_set(report.chains, scope)) return chain->name;
  return scope;
}

std::vector<LagCount> lagging_by(const ReportData& report, LagDimension dimension,
                                 Language language) {
  std::map<std::string, LagCount> counts;  // by code, so that ties are in code order
  for (const LaggingProject& project : report.projects.lagging) {
    std::string code;
    switch (dimension) {
      case LagDimension::kCounty:
        code = project.region;
        break;
      case LagDimension::kPark:
        code = project.park;
        break;
      case LagDimension::kChain:
        code = project.chain;
        break;
      case LagDimension::kDivision:
        code = project_division(project);
        break;
    }
    if (code.empty()) continue;
    LagCount& count = counts[code];
    if (count.name.empty()) {
      switch (dimension) {
        case LagDimension::kCounty:
          count.name = county_name(report, code);
          break;
        case LagDimension::kPark:
          count.name = park_or_chain_name(report.parks, code);
          break;
        case LagDimension::kChain:
          count.name = park_or_chain_name(report.chains, code);
          break;
        case LagDimension::kDivision:
          count.name = division_display_name(code, language);
          break;
      }
    }
    ++count.count;
  }
  std::vector<LagCount> out;
  for (const auto& [code, count] : counts) out.push_back(count);
  std::stable_sort(out.begin(), out.end(),
                   [](const LagCount& a, const LagCount& b) { return a.count > b.count; });
  return out;
}

std::string plain_number(double value) {
  if (std::isfinite(value) && value == std::floor(value) && std::abs(value) < 1e15) {
    return fmt::format("{:.0f}", value);
  }
  return format_fixed(value, kRateDecimals);
}

}  // namespace zhizao::detail
