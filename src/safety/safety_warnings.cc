// The safety warnings (docs/safety.md "Warnings"): the rules of the kinds safety_hazard_overdue,
// safety_plan_unfinished and safety_plan_behind in the process's warning rules
// (rules/default_warnings.toml or --warning-rules FILE), evaluated over the safety figures by
// src/warnings (warnings/safety_rule_warnings.h).
#include "warnings/safety_rule_warnings.h"

#include "safety/safety_figures.h"

namespace zhizao {

std::vector<Warning> safety_warnings(const SafetyFigures& figures) {
  return safety_rule_warnings(figures, *active_warning_rules());
}

}  // namespace zhizao
