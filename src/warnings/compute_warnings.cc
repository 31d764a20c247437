#include "warnings/compute_warnings.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <tuple>

#include "area/installation_area.h"
#include "warnings/reason_template.h"
#include "warnings/warning_evaluators.h"
#include "warnings/warning_kinds.h"

namespace zhizao {
namespace {

std::string month_label(YearMonth month, Language language) {
  return language == Language::kZh ? fmt::format("{}年{}月", month.year, month.month)
                                   : month.to_string();
}

// The word for the whole the report is about ({whole}: 全市, 全省, 全国, 全县, or a region group's
// name), so that a province's warnings do not say 全市 (issue 16).
std::string whole_of_report(const Dataset& dataset, const ReportRequest& request,
                            const ReportData& figures, Language language) {
  if (request.scope.empty()) return whole_area_word(figures.area, language);
  if (Result<InstallationArea> area = area_of_code(request.scope)) {
    return whole_area_word(*area, language);
  }
  for (const RegionGroup& group : dataset.region_groups) {
    if (group.id == request.scope) return language == Language::kZh ? group.name : "the group";
  }
  return whole_area_word(figures.area, language);
}

std::string reason_of(const Warning& warning, const WarningRule& rule, YearMonth period,
                      const std::string& whole, Language language) {
  auto lookup = [&](std::string_view placeholder) -> std::optional<std::string> {
    if (placeholder == "whole") return whole;
    if (placeholder == "name") return warning.subject_name;
    if (placeholder == "id") return warning.subject_id;
    if (placeholder == "period") return month_label(period, language);
    if (placeholder == "since") return month_label(warning.since.value_or(period), language);
    // A figure first: `months` of output_falling is the run counted, not the rule's minimum.
    detail::PlaceholderName split = detail::split_placeholder(placeholder);
    for (const auto& [figure, value] : warning.figures) {
      if (figure == split.base) return detail::quote_figure(figure, value, split.form, language);
    }
    // A parameter as the file writes it: "-5", "0.5".
    auto parameter = rule.parameters.find(placeholder);
    if (parameter != rule.parameters.end()) return fmt::format("{}", parameter->second);
    return std::nullopt;
  };
  return detail::fill_template(language == Language::kZh ? rule.reason_zh : rule.reason_en, lookup);
}

// Of one kind's warnings about one subject, keeps the most severe (the earlier rule on a tie).
void keep_most_severe(std::vector<Warning>& warnings, const WarningRules& rules) {
  std::map<std::string, std::size_t, std::less<>> rank;  // rule id → position in the file
  std::map<std::string, WarningKind, std::less<>> kind;
  for (std::size_t i = 0; i < rules.rules.size(); ++i) {
    rank[rules.rules[i].id] = i;
    kind[rules.rules[i].id] = rules.rules[i].kind;
  }
  using Key = std::tuple<WarningKind, std::string, std::string>;
  std::map<Key, std::size_t> kept;  // → index into warnings
  std::vector<bool> keep(warnings.size(), true);
  for (std::size_t i = 0; i < warnings.size(); ++i) {
    const Warning& w = warnings[i];
    Key key{kind[w.rule], w.subject_kind, w.subject_id};
    auto [at, inserted] = kept.emplace(key, i);
    if (inserted) continue;
    const Warning& other = warnings[at->second];
    bool better =
        std::make_pair(w.level, rank[w.rule]) < std::make_pair(other.level, rank[other.rule]);
    keep[better ? at->second : i] = false;
    if (better) at->second = i;
  }
  std::size_t next = 0;
  for (std::size_t i = 0; i < warnings.size(); ++i) {
    if (!keep[i]) continue;
    if (next != i) warnings[next] = std::move(warnings[i]);  // never a self-move
    ++next;
  }
  warnings.resize(next);
}

}  // namespace

Result<std::vector<Warning>> compute_warnings(const detail::IndexedDataset& records,
                                              const ReportRequest& request,
                                              const ReportData& figures,
                                              const WarningRules& rules) {
  std::vector<Warning> warnings;
  if (rules.rules.empty()) return warnings;
  Result<detail::RegionScope> scope =
      detail::RegionScope::resolve(records.dataset(), request.scope);
  if (!scope) return fail(scope.error());
  std::vector<const WarningRule*> all;
  for (const WarningRule& rule : rules.rules) all.push_back(&rule);
  detail::add_enterprise_warnings(records, *scope, request.period, figures.key_enterprises, all,
                                  warnings);
  detail::add_set_warnings(figures, all, warnings);
  Status runs = detail::add_set_warning_runs(records, request, all, warnings);
  if (!runs.is_ok()) return fail(runs);
  detail::add_steering_warnings(
      figures, request.scope.empty() ? detail::Coverage::kWholeData : detail::Coverage::kScoped,
      all, warnings);
  detail::add_service_warnings(figures, all, warnings);
  keep_most_severe(warnings, rules);
  std::map<std::string_view, const WarningRule*> by_id;
  for (const WarningRule& rule : rules.rules) by_id[rule.id] = &rule;
  const std::string whole_zh = whole_of_report(records.dataset(), request, figures, Language::kZh);
  const std::string whole_en = whole_of_report(records.dataset(), request, figures, Language::kEn);
  for (Warning& w : warnings) {
    const WarningRule& rule = *by_id[w.rule];
    w.reason = reason_of(w, rule, request.period, whole_zh, Language::kZh);
    w.reason_en = reason_of(w, rule, request.period, whole_en, Language::kEn);
  }
  std::sort(warnings.begin(), warnings.end(), [](const Warning& a, const Warning& b) {
    return std::tie(a.level, a.rule, a.subject_kind, a.subject_id) <
           std::tie(b.level, b.rule, b.subject_kind, b.subject_id);
  });
  return warnings;
}

Status complete_warnings(const detail::IndexedDataset& records, const ReportRequest& request,
                         ReportData& report) {
  std::shared_ptr<const WarningRules> rules = active_warning_rules();
  Result<std::vector<Warning>> warnings = compute_warnings(records, request, report, *rules);
  if (!warnings) return warnings.error();
  report.warnings = std::move(*warnings);
  return Status::ok();
}

}  // namespace zhizao
