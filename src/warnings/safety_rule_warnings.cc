#include "warnings/safety_rule_warnings.h"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <optional>

#include "warnings/reason_template.h"

namespace zhizao {
namespace {

using Figures = std::vector<std::pair<std::string, double>>;
using Lookup = std::function<std::optional<std::string>(std::string_view, Language)>;

// The most severe rule of `kind` for which `holds` is true: lowest level, then file order.
const WarningRule* most_severe(const WarningRules& rules, WarningKind kind,
                               const std::function<bool(const WarningRule&)>& holds) {
  const WarningRule* best = nullptr;
  for (const WarningRule& rule : rules.rules) {
    if (rule.kind != kind || !holds(rule)) continue;
    if (best == nullptr || rule.level < best->level) best = &rule;
  }
  return best;
}

std::string month_label(const CivilDate& day, Language language) {
  return language == Language::kZh ? fmt::format("{}年{}月", day.year, day.month)
                                   : day.year_month().to_string();
}

// Fills the rule's reason in `language`: the common placeholders, then the warning's figures,
// then the kind's texts (`texts`), then the rule's parameters, as compute_warnings does.
std::string reason_of(const Warning& warning, const WarningRule& rule, const CivilDate& as_of,
                      const SafetyReasonWords& words, const Figures& quoted, const Lookup& texts,
                      Language language) {
  auto lookup = [&](std::string_view placeholder) -> std::optional<std::string> {
    if (placeholder == "whole") return language == Language::kZh ? words.whole_zh : words.whole_en;
    if (placeholder == "name") return warning.subject_name;
    if (placeholder == "id") return warning.subject_id;
    if (placeholder == "period" || placeholder == "since") return month_label(as_of, language);
    detail::PlaceholderName split = detail::split_placeholder(placeholder);
    for (const auto& [figure, value] : quoted) {
      if (figure == split.base) return detail::quote_figure(figure, value, split.form, language);
    }
    if (std::optional<std::string> text = texts(placeholder, language)) return text;
    auto parameter = rule.parameters.find(placeholder);
    if (parameter != rule.parameters.end()) return fmt::format("{}", parameter->second);
    return std::nullopt;
  };
  return detail::fill_template(language == Language::kZh ? rule.reason_zh : rule.reason_en, lookup);
}

Warning warning_of(const WarningRule& rule, std::string kind, std::string id, std::string name,
                   Figures figures) {
  Warning w;
  w.level = rule.level;
  w.rule = rule.id;
  w.subject_kind = std::move(kind);
  w.subject_id = std::move(id);
  w.subject_name = std::move(name);
  w.figures = std::move(figures);
  return w;
}

void fill_reasons(Warning& w, const WarningRule& rule, const CivilDate& as_of,
                  const SafetyReasonWords& words, const Figures& quoted, const Lookup& texts) {
  w.reason = reason_of(w, rule, as_of, words, quoted, texts, Language::kZh);
  w.reason_en = reason_of(w, rule, as_of, words, quoted, texts, Language::kEn);
}

std::optional<Warning> hazard_warning(const OverdueHazard& hazard, const WarningRules& rules,
                                      const CivilDate& as_of, const SafetyReasonWords& words) {
  const bool major = hazard.level == "major";
  const auto days = static_cast<double>(hazard.days_overdue);
  const WarningRule* rule =
      most_severe(rules, WarningKind::kSafetyHazardOverdue, [&](const WarningRule& r) {
        return r.parameter(major ? "major" : "ordinary") != 0 && days > r.parameter("days");
      });
  if (rule == nullptr) return std::nullopt;
  Figures figures = {{"days_overdue", days}};
  Warning w =
      warning_of(*rule, "enterprise", hazard.enterprise.uscc, hazard.enterprise.name, figures);
  Lookup texts = [&](std::string_view name, Language language) -> std::optional<std::string> {
    const bool zh = language == Language::kZh;
    if (name == "hazard") return hazard.id;
    if (name == "deadline") return hazard.deadline.to_string();
    if (name == "level") return std::string(zh ? (major ? "重大" : "一般") : hazard.level);
    if (name == "overdue") {
      if (zh) return fmt::format("{}天", hazard.days_overdue);
      return fmt::format("{} day{}", hazard.days_overdue, hazard.days_overdue == 1 ? "" : "s");
    }
    return std::nullopt;
  };
  fill_reasons(w, *rule, as_of, words, figures, texts);
  return w;
}

std::optional<Warning> plan_warning(const SafetyPlanFigures& plan, const WarningRules& rules,
                                    const CivilDate& as_of, const SafetyReasonWords& words) {
  if (!plan.coverage) return std::nullopt;
  const double coverage = *plan.coverage;
  const double gap = plan.time_progress - coverage;
  const bool ended = plan.to < as_of;
  const WarningRule* rule =
      ended ? most_severe(
                  rules, WarningKind::kSafetyPlanUnfinished,
                  [&](const WarningRule& r) { return coverage < r.parameter("coverage_below"); })
            : most_severe(rules, WarningKind::kSafetyPlanBehind,
                          [&](const WarningRule& r) { return gap > r.parameter("points"); });
  if (rule == nullptr) return std::nullopt;
  // The figures of docs/safety.md's table; the gap is quoted but not a figure of the JSON.
  Figures figures = {{"enterprises", static_cast<double>(plan.enterprises)},
                     {"checked", static_cast<double>(plan.checked)},
                     {"coverage", coverage},
                     {"time_progress", plan.time_progress}};
  Figures quoted = figures;
  quoted.emplace_back("gap", gap);
  Warning w = warning_of(*rule, "safety_plan", plan.id, plan.name, std::move(figures));
  const auto unchecked = static_cast<long>(plan.unchecked.size());
  Lookup texts = [&](std::string_view name, Language language) -> std::optional<std::string> {
    const bool zh = language == Language::kZh;
    if (name == "from") return plan.from.to_string();
    if (name == "to") return plan.to.to_string();
    if (name == "unchecked") return std::to_string(unchecked);
    if (name == "unchecked_enterprises") {
      if (zh) return fmt::format("{}家企业", unchecked);
      return fmt::format("{} enterprise{}", unchecked, unchecked == 1 ? "" : "s");
    }
    return std::nullopt;
  };
  fill_reasons(w, *rule, as_of, words, quoted, texts);
  return w;
}

}  // namespace

std::vector<Warning> safety_rule_warnings(const SafetyFigures& figures, const WarningRules& rules,
                                          const SafetyReasonWords& words) {
  std::vector<Warning> warnings;
  for (const SafetyPlanFigures& plan : figures.plans) {
    for (const OverdueHazard& hazard : plan.overdue_hazards) {
      if (std::optional<Warning> w = hazard_warning(hazard, rules, figures.as_of, words)) {
        warnings.push_back(*std::move(w));
      }
    }
    if (std::optional<Warning> w = plan_warning(plan, rules, figures.as_of, words)) {
      warnings.push_back(*std::move(w));
    }
  }
  // WarningLevel is declared most severe first.
  std::stable_sort(warnings.begin(), warnings.end(),
                   [](const Warning& a, const Warning& b) { return a.level < b.level; });
  return warnings;
}

}  // namespace zhizao
