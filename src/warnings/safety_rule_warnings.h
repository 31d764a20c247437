// The flood-season safety warnings (docs/safety.md "Warnings") as rules of the warning rules file
// (rules/default_warnings.toml; docs/rules.md "Safety warnings"): the kinds
// safety_hazard_overdue, safety_plan_unfinished and safety_plan_behind, their thresholds and
// levels as data. The safety figures join a report after compute_warnings has run (the snapshot
// does not carry the safety tables), so these rules are evaluated here, over the report's safety
// figures, by the safety module when it joins them (safety/safety_figures.h). Pure function,
// thread-safe.
#pragma once

#include <string>
#include <vector>

#include "engine/safety_figures.h"
#include "engine/v2_figures.h"
#include "warnings/warning_rules.h"

namespace zhizao {

// The words a reason's {whole} quotes (the safety figures do not carry the report's area).
struct SafetyReasonWords {
  std::string whole_zh = "全市";
  std::string whole_en = "the city";
};

// The warnings the safety rules of `rules` raise for `figures`, at D = figures.as_of, for each
// plan in order: for each overdue hazard (in the plan's order) the most severe
// safety_hazard_overdue rule that holds for it — the hazard's level is one the rule applies to
// (`major`, `ordinary`) and its days overdue exceed `days` — about its enterprise; for a plan past
// its end (to < D) the most severe safety_plan_unfinished rule whose `coverage_below` its coverage
// is below; for a running plan (to ≥ D) the most severe safety_plan_behind rule for which time
// progress − coverage exceeds `points`. A plan without enterprises (coverage null) raises no plan
// warning. "Most severe": the level, then the earlier rule in the file. The result is sorted by
// level, stably. Reasons are the rules' templates filled with the figures and texts of
// warning_kinds.cc's safety kinds.
std::vector<Warning> safety_rule_warnings(const SafetyFigures& figures, const WarningRules& rules,
                                          const SafetyReasonWords& words = {});

}  // namespace zhizao
