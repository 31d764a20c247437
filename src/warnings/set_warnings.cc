// The rules over the report's sets: a division or county pulling the total down (negative_pull),
// a county, park or chain growing slower than the whole report (behind_city), and electricity
// falling while output rises in a division or county (electricity_diverging). They read the
// report's own figures, over its window and scope.
#include "warnings/warning_evaluators.h"

namespace zhizao::detail {
namespace {

const std::vector<SetFigures>& sets_of(const ReportData& figures, const std::string& subject) {
  if (subject == "division") return figures.divisions;
  if (subject == "park") return figures.parks;
  if (subject == "chain") return figures.chains;
  return figures.regions;
}

void add_negative_pull(const ReportData& figures, const WarningRule& rule,
                       std::vector<Warning>& out) {
  double beyond = rule.parameter("beyond");
  for (const SetFigures& set : sets_of(figures, rule.subject)) {
    if (!set.pull || *set.pull >= -beyond) continue;
    Warning w = warning_of(rule, rule.subject, set.code, set.name);
    w.figures.emplace_back("pull", *set.pull);
    if (set.value_added_growth) w.figures.emplace_back("growth", *set.value_added_growth);
    out.push_back(std::move(w));
  }
}

void add_behind_city(const ReportData& figures, const WarningRule& rule,
                     std::vector<Warning>& out) {
  const std::optional<double>& whole = figures.industry.value_added_growth;
  if (!whole) return;
  double points = rule.parameter("points");
  for (const SetFigures& set : sets_of(figures, rule.subject)) {
    if (!set.value_added_growth) continue;
    double gap = *whole - *set.value_added_growth;
    if (gap <= points) continue;
    Warning w = warning_of(rule, rule.subject, set.code, set.name);
    w.figures = {{"growth", *set.value_added_growth}, {"city_growth", *whole}, {"gap", gap}};
    out.push_back(std::move(w));
  }
}

void add_electricity_diverging(const ReportData& figures, const WarningRule& rule,
                               std::vector<Warning>& out) {
  double electricity_below = rule.parameter("electricity_below");
  double output_above = rule.parameter("output_above");
  for (const SetFigures& set : sets_of(figures, rule.subject)) {
    if (!set.electricity_growth || !set.output_growth) continue;
    if (*set.electricity_growth >= electricity_below || *set.output_growth <= output_above) {
      continue;
    }
    Warning w = warning_of(rule, rule.subject, set.code, set.name);
    w.figures = {{"electricity_growth", *set.electricity_growth},
                 {"output_growth", *set.output_growth}};
    out.push_back(std::move(w));
  }
}

}  // namespace

void add_set_warnings(const ReportData& figures, std::span<const WarningRule* const> rules,
                      std::vector<Warning>& out) {
  for (const WarningRule* rule : rules) {
    switch (rule->kind) {
      case WarningKind::kNegativePull:
        add_negative_pull(figures, *rule, out);
        break;
      case WarningKind::kBehindCity:
        add_behind_city(figures, *rule, out);
        break;
      case WarningKind::kElectricityDiverging:
        add_electricity_diverging(figures, *rule, out);
        break;
      default:
        break;
    }
  }
}

}  // namespace zhizao::detail
