// confront(): every record against every rule, tallied per rule as validate's summary().
#include "rules/rule_check.h"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <span>

#include "base/text.h"
#include "rules/rule_evaluator.h"
#include "rules/rule_variables.h"

namespace zhizao {
namespace {

using Json = nlohmann::json;

const char* severity_name(Severity severity) {
  return severity == Severity::kHard ? "hard" : "soft";
}

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
  std::size_t begin = 0;
  while (begin < months.size()) {
    std::size_t end = begin;
    while (end < months.size() && months[end].uscc == months[begin].uscc) ++end;
    std::span<const MonthlyRecord> history(months.data() + begin, end - begin);
    for (const MonthlyRecord& record : history) {
      if (options.period && record.period != *options.period) continue;
      ++report.records;
      std::vector<RuleOutcome> outcomes = evaluator->evaluate(rule_values(record, history));
      for (std::size_t r = 0; r < outcomes.size(); ++r) {
        tally(report.rules[r], outcomes[r], record, options.failures_kept);
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
  return Json{{"rules_source", report.rules_source},
              {"period", report.period ? Json(report.period->to_string()) : Json(nullptr)},
              {"records", report.records},
              {"rules", std::move(rules)}};
}

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
  return out;
}

}  // namespace zhizao
