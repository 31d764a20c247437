// The safety warnings (docs/safety.md "Warnings") and their place among a report's warnings.
#include <fmt/format.h>

#include <algorithm>

#include "safety/safety_figures.h"

namespace zhizao {
namespace {

Warning hazard_warning(const OverdueHazard& hazard) {
  const bool major = hazard.level == "major";
  Warning warning;
  warning.level = major ? WarningLevel::kRed : WarningLevel::kOrange;
  warning.rule = major ? "safety_overdue_major_hazard" : "safety_overdue_hazard";
  warning.subject_kind = "enterprise";
  warning.subject_id = hazard.enterprise.uscc;
  warning.subject_name = hazard.enterprise.name;
  warning.reason = fmt::format("{}{}隐患{}整改期限{}已过{}天，仍未整改到位", hazard.enterprise.name,
                               major ? "重大" : "一般", hazard.id, hazard.deadline.to_string(),
                               hazard.days_overdue);
  warning.reason_en = fmt::format(
      "{} hazard {} of {} is {} day{} past its rectification deadline {}",
      major ? "Major" : "Ordinary", hazard.id, hazard.enterprise.name, hazard.days_overdue,
      hazard.days_overdue == 1 ? "" : "s", hazard.deadline.to_string());
  warning.figures = {{"days_overdue", static_cast<double>(hazard.days_overdue)}};
  return warning;
}

Warning plan_warning(const SafetyPlanFigures& plan, WarningLevel level) {
  Warning warning;
  warning.level = level;
  warning.subject_kind = "safety_plan";
  warning.subject_id = plan.id;
  warning.subject_name = plan.name;
  const double coverage = plan.coverage.value_or(0);
  const auto unchecked = static_cast<long>(plan.unchecked.size());
  if (level == WarningLevel::kOrange) {
    warning.rule = "safety_plan_unfinished";
    warning.reason = fmt::format("{}已于{}结束，仍有{}家企业未检查，检查覆盖率{:.1f}%", plan.name,
                                 plan.to.to_string(), unchecked, coverage);
    warning.reason_en =
        fmt::format("{} ended on {} with {} enterprise{} unchecked (coverage {:.1f}%)", plan.name,
                    plan.to.to_string(), unchecked, unchecked == 1 ? "" : "s", coverage);
  } else {
    warning.rule = "safety_plan_behind";
    warning.reason = fmt::format("{}检查覆盖率{:.1f}%，落后于时间进度{:.1f}%", plan.name, coverage,
                                 plan.time_progress);
    warning.reason_en = fmt::format(
        "{} has checked {:.1f}% of its enterprises, behind its time "
        "progress of {:.1f}%",
        plan.name, coverage, plan.time_progress);
  }
  warning.figures = {{"enterprises", static_cast<double>(plan.enterprises)},
                     {"checked", static_cast<double>(plan.checked)},
                     {"coverage", coverage},
                     {"time_progress", plan.time_progress}};
  return warning;
}

}  // namespace

std::vector<Warning> safety_warnings(const SafetyFigures& figures) {
  std::vector<Warning> warnings;
  for (const SafetyPlanFigures& plan : figures.plans) {
    for (const OverdueHazard& hazard : plan.overdue_hazards) {
      warnings.push_back(hazard_warning(hazard));
    }
    const bool ended = plan.to < figures.as_of;
    if (ended && !plan.unchecked.empty()) {
      warnings.push_back(plan_warning(plan, WarningLevel::kOrange));
    }
    if (!ended && plan.coverage && *plan.coverage < plan.time_progress) {
      warnings.push_back(plan_warning(plan, WarningLevel::kYellow));
    }
  }
  // WarningLevel is declared most severe first.
  std::stable_sort(warnings.begin(), warnings.end(),
                   [](const Warning& a, const Warning& b) { return a.level < b.level; });
  return warnings;
}

}  // namespace zhizao
