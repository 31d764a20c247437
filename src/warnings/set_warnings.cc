// The rules over the report's sets: a division or county pulling the total down (negative_pull),
// a county, park or chain growing slower than the whole report (behind_city), and electricity
// falling while output rises in a division or county (electricity_diverging). They read the
// report's own figures, over its window and scope; since when each holds is set_warning_runs.cc's.
#include "warnings/warning_evaluators.h"

namespace zhizao::detail {
namespace {

const std::vector<SetFigures>& sets_of(const ReportData& figures, const std::string& subject) {
  if (subject == "division") return figures.divisions;
  if (subject == "park") return figures.parks;
  if (subject == "chain") return figures.chains;
  return figures.regions;
}

// The figures behind a warning of `rule` about `set`, or nullopt when the rule does not hold.
std::optional<std::vector<std::pair<std::string, double>>> figures_if_holds(
    const ReportData& figures, const WarningRule& rule, const SetFigures& set) {
  switch (rule.kind) {
    case WarningKind::kNegativePull: {
      if (!set.pull || *set.pull >= -rule.parameter("beyond")) return std::nullopt;
      std::vector<std::pair<std::string, double>> out{{"pull", *set.pull}};
      if (set.value_added_growth) out.emplace_back("growth", *set.value_added_growth);
      return out;
    }
    case WarningKind::kBehindCity: {
      const std::optional<double>& whole = figures.industry.value_added_growth;
      if (!whole || !set.value_added_growth) return std::nullopt;
      double gap = *whole - *set.value_added_growth;
      if (gap <= rule.parameter("points")) return std::nullopt;
      return std::vector<std::pair<std::string, double>>{
          {"growth", *set.value_added_growth}, {"city_growth", *whole}, {"gap", gap}};
    }
    case WarningKind::kElectricityDiverging: {
      if (!set.electricity_growth || !set.output_growth) return std::nullopt;
      if (*set.electricity_growth >= rule.parameter("electricity_below") ||
          *set.output_growth <= rule.parameter("output_above")) {
        return std::nullopt;
      }
      return std::vector<std::pair<std::string, double>>{
          {"electricity_growth", *set.electricity_growth}, {"output_growth", *set.output_growth}};
    }
    default:
      return std::nullopt;
  }
}

}  // namespace

bool is_set_kind(WarningKind kind) {
  return kind == WarningKind::kNegativePull || kind == WarningKind::kBehindCity ||
         kind == WarningKind::kElectricityDiverging;
}

const std::vector<SetFigures>& subject_sets(const ReportData& figures, const WarningRule& rule) {
  return sets_of(figures, rule.subject);
}

SetFamily subject_family(const WarningRule& rule) {
  // As sets_of: the family whose sets it returns.
  if (rule.subject == "division") return SetFamily::kDivisions;
  if (rule.subject == "park") return SetFamily::kParks;
  if (rule.subject == "chain") return SetFamily::kChains;
  return SetFamily::kRegions;
}

bool set_rule_holds(const ReportData& figures, const WarningRule& rule, const SetFigures& set) {
  return figures_if_holds(figures, rule, set).has_value();
}

void add_set_warnings(const ReportData& figures, std::span<const WarningRule* const> rules,
                      std::vector<Warning>& out) {
  for (const WarningRule* rule : rules) {
    if (!is_set_kind(rule->kind)) continue;
    for (const SetFigures& set : sets_of(figures, rule->subject)) {
      auto held = figures_if_holds(figures, *rule, set);
      if (!held) continue;
      Warning w = warning_of(*rule, rule->subject, set.code, set.name);
      w.figures = std::move(*held);
      out.push_back(std::move(w));
    }
  }
}

}  // namespace zhizao::detail
