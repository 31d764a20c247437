#include "safety/safety_figures.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <utility>

#include "base/civil_days.h"
#include "domain/region.h"
#include "engine/region_scope.h"

namespace zhizao {
namespace {

using detail::RegionScope;

// The enterprises of enterprises.csv by code (the first row of a code, as the engine).
class EnterpriseIndex {
 public:
  explicit EnterpriseIndex(const Dataset& tables) {
    for (const Enterprise& enterprise : tables.enterprises) {
      by_code_.emplace(enterprise.uscc, &enterprise);
    }
  }
  const Enterprise* find(const std::string& uscc) const {
    auto found = by_code_.find(uscc);
    return found == by_code_.end() ? nullptr : found->second;
  }

 private:
  std::map<std::string, const Enterprise*> by_code_;
};

SafetyEnterprise named(const Enterprise& enterprise) {
  return {enterprise.uscc, enterprise.name, enterprise.region};
}

std::string county_name(const std::string& code) {
  const Region* region = find_region(code);
  return region == nullptr ? code : std::string(region->name);
}

// The hazard's state at D (docs/safety.md): rectified unless a re-inspection by D failed.
bool rectified_by(const Hazard& hazard, const CivilDate& as_of) {
  if (!hazard.rectified || as_of < *hazard.rectified) return false;
  bool failed = hazard.reinspected && !(as_of < *hazard.reinspected) &&
                hazard.reinspection == ReinspectionResult::kFailed;
  return !failed;
}

void count(HazardCounts& counts, const Hazard& hazard, const CivilDate& as_of) {
  ++counts.found;
  if (rectified_by(hazard, as_of)) {
    ++counts.rectified;
    if (!hazard.reinspected || as_of < *hazard.reinspected) ++counts.awaiting_reinspection;
    return;
  }
  ++counts.open;
  if (hazard.deadline < as_of) ++counts.overdue;
}

double time_progress(const SafetyPlan& plan, const CivilDate& as_of) {
  const CivilDate end = std::min(plan.to, as_of);
  const long elapsed = std::max(0L, civil_days_between(plan.from, end) + 1);
  const long season = civil_days_between(plan.from, plan.to) + 1;
  return 100.0 * static_cast<double>(elapsed) / static_cast<double>(season);
}

struct PlanInputs {
  const SafetyRegister& records;
  const EnterpriseIndex& enterprises;
  const Dataset& tables;
  const RegionScope& scope;
  const std::set<CivilDate>& duty_days;
  const CivilDate& as_of;
};

void add_enterprises(const SafetyPlan& plan, const PlanInputs& in, const RegionScope& area,
                     SafetyPlanFigures& out) {
  std::set<std::string> checked;
  for (const SafetyCheck& check : in.records.checks) {
    if (check.plan == plan.id && !(check.date < plan.from) && !(in.as_of < check.date)) {
      checked.insert(check.uscc);
    }
  }
  std::set<std::string> seen;
  for (const Enterprise& enterprise : in.tables.enterprises) {
    if (!seen.insert(enterprise.uscc).second) continue;
    const bool division = std::find(plan.divisions.begin(), plan.divisions.end(),
                                    enterprise.division) != plan.divisions.end();
    if (!division || !area.contains(enterprise.region) || !in.scope.contains(enterprise.region)) {
      continue;
    }
    ++out.enterprises;
    if (checked.contains(enterprise.uscc)) {
      ++out.checked;
    } else {
      out.unchecked.push_back(named(enterprise));
    }
  }
  std::sort(out.unchecked.begin(), out.unchecked.end(),
            [](const auto& a, const auto& b) { return a.uscc < b.uscc; });
  if (out.enterprises > 0) {
    out.coverage = 100.0 * static_cast<double>(out.checked) / static_cast<double>(out.enterprises);
  }
}

void add_hazards(const SafetyPlan& plan, const PlanInputs& in, SafetyPlanFigures& out) {
  std::map<std::string, const SafetyCheck*> checks;
  for (const SafetyCheck& check : in.records.checks) {
    if (check.plan == plan.id) checks.emplace(check.id, &check);
  }
  std::map<std::string, HazardCounts> by_county;
  for (const Hazard& hazard : in.records.hazards) {
    auto check = checks.find(hazard.check);
    if (check == checks.end() || in.as_of < hazard.found) continue;
    const Enterprise* enterprise = in.enterprises.find(check->second->uscc);
    if (enterprise == nullptr || !in.scope.contains(enterprise->region)) continue;
    count(out.hazards, hazard, in.as_of);
    count(hazard.level == HazardLevel::kMajor ? out.major : out.ordinary, hazard, in.as_of);
    count(by_county[enterprise->region], hazard, in.as_of);
    if (!rectified_by(hazard, in.as_of) && hazard.deadline < in.as_of) {
      out.overdue_hazards.push_back(
          OverdueHazard{hazard.id, std::string(hazard_level_name(hazard.level)), named(*enterprise),
                        hazard.deadline, civil_days_between(hazard.deadline, in.as_of)});
    }
  }
  for (auto& [region, counts] : by_county) {
    out.by_county.push_back(CountyHazards{region, county_name(region), counts});
  }
  std::sort(out.overdue_hazards.begin(), out.overdue_hazards.end(),
            [](const OverdueHazard& a, const OverdueHazard& b) {
              return std::tuple(a.level != "major", -a.days_overdue, a.id) <
                     std::tuple(b.level != "major", -b.days_overdue, b.id);
            });
}

void add_roster_gaps(const SafetyPlan& plan, const PlanInputs& in, SafetyPlanFigures& out) {
  const CivilDate end = std::min(plan.to, in.as_of);
  for (CivilDate day = plan.from; !(end < day); day = civil_add_days(day, 1)) {
    if (!in.duty_days.contains(day)) out.roster_gaps.push_back(day);
  }
}

}  // namespace

SafetyFigureRequest safety_request_of(const ReportData& report) {
  return SafetyFigureRequest{CivilDate{report.period.year, report.period.month,
                                       days_in_month(report.period.year, report.period.month)},
                             CivilDate{report.window_from.year, report.window_from.month, 1},
                             report.scope};
}

Result<std::optional<SafetyFigures>> compute_safety_figures(const SafetyRegister& records,
                                                            const Dataset& tables,
                                                            const SafetyFigureRequest& request) {
  Result<RegionScope> scope = RegionScope::resolve(tables, request.scope);
  if (!scope) return fail(scope.error());
  const EnterpriseIndex enterprises(tables);
  std::set<CivilDate> duty_days;
  for (const DutyShift& duty : records.roster) duty_days.insert(duty.date);
  const PlanInputs in{records, enterprises, tables, *scope, duty_days, request.as_of};
  SafetyFigures figures;
  figures.as_of = request.as_of;
  for (const SafetyPlan& plan : records.plans) {
    if (request.as_of < plan.from || plan.to < request.window_first) continue;
    Result<RegionScope> area = RegionScope::resolve(tables, plan.region);
    if (!area) return fail(area.error());
    SafetyPlanFigures out;
    out.id = plan.id;
    out.name = plan.name;
    out.kind = plan.kind;
    out.divisions = plan.divisions;
    out.region = plan.region;
    out.from = plan.from;
    out.to = plan.to;
    out.time_progress = time_progress(plan, request.as_of);
    add_enterprises(plan, in, *area, out);
    add_hazards(plan, in, out);
    add_roster_gaps(plan, in, out);
    figures.plans.push_back(std::move(out));
  }
  std::sort(figures.plans.begin(), figures.plans.end(),
            [](const auto& a, const auto& b) { return a.id < b.id; });
  if (figures.plans.empty()) return std::optional<SafetyFigures>();
  return std::optional<SafetyFigures>(std::move(figures));
}

}  // namespace zhizao
