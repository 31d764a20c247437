// confront(): every record against every rule, tallied per rule as validate's summary().
#include "rules/rule_check.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <span>
#include <unordered_map>

#include "base/text.h"
#include "rules/rule_evaluator.h"
#include "rules/rule_message.h"
#include "rules/rule_variables.h"

namespace zhizao {
namespace {

using Json = nlohmann::json;

void tally(RuleSummary& summary, RuleOutcome outcome, const MonthlyRecord& record,
           std::size_t failures_kept) {
  ++summary.items;
  switch (outcome) {
    case RuleOutcome::kPass:
      ++summary.passes;
      break;
    case RuleOutcome::kFail:
      ++summary.fails;
      if (summary.failures.size() < failures_kept) {
        summary.failures.push_back({record.uscc, record.period});
      }
      break;
    case RuleOutcome::kMissing:
      ++summary.missing;
      break;
  }
}

// The enterprises of `data` by uscc: their profile for the rules and their name for outliers.
struct KnownEnterprise {
  EnterpriseProfile profile;
  std::string name;
};
std::unordered_map<std::string, KnownEnterprise> enterprises_of(const Dataset& data) {
  std::unordered_map<std::string, KnownEnterprise> known;
  for (const Enterprise& e : data.enterprises) {
    known[e.uscc] = {{e.uscc, e.division, e.key}, e.name};
  }
  return known;
}

void add_outlier(CheckReport& report, const Rule& rule, const MonthlyRecord& record,
                 const KnownEnterprise* enterprise, const RuleValues& values,
                 std::size_t outliers_kept) {
  ++report.outlier_count;
  if (report.outliers.size() >= outliers_kept) return;
  report.outliers.push_back({record.uscc, enterprise ? enterprise->name : std::string(),
                             record.period, rule.id, rule.field, variable_value(values, rule.field),
                             rule_message(rule, values, Language::kZh),
                             rule_message(rule, values, Language::kEn)});
}

Json outlier_to_json(const Outlier& o) {
  Json value = o.value && std::isfinite(*o.value) ? Json(*o.value) : Json(nullptr);
  return Json{{"uscc", o.uscc},
              {"name", o.name},
              {"period", o.period.to_string()},
              {"rule", o.rule_id},
              {"field", o.field},
              {"value", std::move(value)},
              {"value_text", format_figure(o.value)},
              {"message", o.message},
              {"message_en", o.message_en}};
}

}  // namespace

Result<CheckReport> confront(const Dataset& data, const RuleSet& rules,
                             const CheckOptions& options) {
  Result<RuleEvaluator> evaluator = RuleEvaluator::create(rules);
  if (!evaluator) return fail(evaluator.error());
  CheckReport report;
  report.rules_source = rules.source;
  report.period = options.period;
  for (const Rule& rule : rules.rules) report.rules.push_back({rule, 0, 0, 0, 0, {}});
  // Sorted by (uscc, period) so that each enterprise's months are one contiguous span.
  std::vector<MonthlyRecord> months = data.monthly;
  std::sort(months.begin(), months.end(), [](const MonthlyRecord& a, const MonthlyRecord& b) {
    return std::tie(a.uscc, a.period) < std::tie(b.uscc, b.period);
  });
  const std::unordered_map<std::string, KnownEnterprise> enterprises = enterprises_of(data);
  std::size_t begin = 0;
  while (begin < months.size()) {
    std::size_t end = begin;
    while (end < months.size() && months[end].uscc == months[begin].uscc) ++end;
    std::span<const MonthlyRecord> history(months.data() + begin, end - begin);
    auto found = enterprises.find(months[begin].uscc);
    const KnownEnterprise* enterprise = found == enterprises.end() ? nullptr : &found->second;
    RuleContext context;
    context.enterprise = enterprise ? &enterprise->profile : nullptr;
    for (const MonthlyRecord& record : history) {
      if (options.period && record.period != *options.period) continue;
      ++report.records;
      RuleValues values = rule_values(record, history, context);
      std::vector<RuleOutcome> outcomes = evaluator->evaluate(values);
      for (std::size_t r = 0; r < outcomes.size(); ++r) {
        tally(report.rules[r], outcomes[r], record, options.failures_kept);
        const Rule& rule = rules.rules[r];
        if (outcomes[r] == RuleOutcome::kFail && rule.physical_limit) {
          add_outlier(report, rule, record, enterprise, values, options.outliers_kept);
        }
      }
    }
    begin = end;
  }
  return report;
}

nlohmann::json check_report_to_json(const CheckReport& report) {
  Json rules = Json::array();
  for (const RuleSummary& s : report.rules) {
    Json failures = Json::array();
    for (const FailingRecord& f : s.failures) {
      failures.push_back({{"uscc", f.uscc}, {"period", f.period.to_string()}});
    }
    rules.push_back({{"id", s.rule.id},
                     {"severity", severity_name(s.rule.severity)},
                     {"field", s.rule.field},
                     {"description", s.rule.description_zh},
                     {"description_en", s.rule.description_en},
                     {"expression", s.rule.expression},
                     {"items", s.items},
                     {"passes", s.passes},
                     {"fails", s.fails},
                     {"missing", s.missing},
                     {"failures", std::move(failures)}});
  }
  Json outliers = Json::array();
  for (const Outlier& o : report.outliers) outliers.push_back(outlier_to_json(o));
  return Json{{"rules_source", report.rules_source},
              {"period", report.period ? Json(report.period->to_string()) : Json(nullptr)},
              {"records", report.records},
              {"rules", std::move(rules)},
              {"outlier_count", report.outlier_count},
              {"outliers", std::move(outliers)}};
}

namespace {

// "stored outliers: none", or one line per outlier: who, when, which figure, and why.
std::string outliers_to_text(const CheckReport& report) {
  if (report.outlier_count == 0) return "\nstored outliers (beyond a physical limit): none\n";
  std::string out =
      fmt::format("\nstored outliers (beyond a physical limit): {}\n", report.outlier_count);
  for (const Outlier& o : report.outliers) {
    out += fmt::format("  {} {} {} {} = {}: {}（规则 {}）\n", o.uscc,
                       o.name.empty() ? "(unregistered)" : shorten_for_message(o.name, 20),
                       o.period.to_string(), o.field, format_figure(o.value), o.message, o.rule_id);
  }
  if (static_cast<long>(report.outliers.size()) < report.outlier_count) {
    out += fmt::format("  … and {} more\n",
                       report.outlier_count - static_cast<long>(report.outliers.size()));
  }
  return out;
}

}  // namespace

std::string check_report_to_text(const CheckReport& report) {
  std::size_t id_width = 4;
  for (const RuleSummary& s : report.rules) id_width = std::max(id_width, s.rule.id.size());
  const int width = static_cast<int>(id_width);
  std::string out = fmt::format("rules: {}; records: {}{}\n\n", report.rules_source, report.records,
                                report.period ? " of " + report.period->to_string() : "");
  out += fmt::format("{}  {:<4}  {:>8}  {:>8}  {:>8}  {:>8}\n",
                     pad_to_width("rule", width, Align::kLeft), "sev", "items", "passes", "fails",
                     "missing");
  for (const RuleSummary& s : report.rules) {
    out += fmt::format("{}  {:<4}  {:>8}  {:>8}  {:>8}  {:>8}\n",
                       pad_to_width(s.rule.id, width, Align::kLeft), severity_name(s.rule.severity),
                       s.items, s.passes, s.fails, s.missing);
  }
  for (const RuleSummary& s : report.rules) {
    if (s.fails == 0) continue;
    out += fmt::format("\n{} ({}): {} — first failing records:\n", s.rule.id, s.rule.description_zh,
                       s.rule.expression);
    for (const FailingRecord& f : s.failures) {
      out += fmt::format("  {} {}\n", f.uscc, f.period.to_string());
    }
    if (static_cast<long>(s.failures.size()) < s.fails) {
      out += fmt::format("  … and {} more\n", s.fails - static_cast<long>(s.failures.size()));
    }
  }
  out += outliers_to_text(report);
  return out;
}

}  // namespace zhizao
