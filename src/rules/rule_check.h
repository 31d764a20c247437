// Confronting stored monthly data with audit rules, as Statistics Netherlands' R package
// `validate` does (confront() then summary(): items, passes, fails, nNA per rule;
// https://cran.r-project.org/package=validate). Used by `zhizao check`.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "base/result.h"
#include "domain/dataset.h"
#include "rules/rule_set.h"

namespace zhizao {

// A record that failed a rule.
struct FailingRecord {
  std::string uscc;
  YearMonth period;
};

// One rule's tally over the confronted records: items = passes + fails + missing.
struct RuleSummary {
  Rule rule;
  long items = 0;
  long passes = 0;
  long fails = 0;
  long missing = 0;                     // validate's nNA: a variable had no value
  std::vector<FailingRecord> failures;  // the first failing records, in (uscc, period) order
};

// A stored figure that breaks a physical limit (Rule::physical_limit): a value that cannot be
// true, found among the data already in the database.
struct Outlier {
  std::string uscc;
  std::string name;  // the enterprise's name, empty when it is not registered
  YearMonth period;
  std::string rule_id;
  std::string field;
  std::optional<double> value;  // the field's value (missing when the field is not a variable)
  std::string message;          // plain language, figures filled in (rule_message.h)
  std::string message_en;
};

struct CheckReport {
  std::string rules_source;  // the rules file, or "default"
  std::optional<YearMonth> period;
  long records = 0;  // records confronted
  std::vector<RuleSummary> rules;
  long outlier_count = 0;         // failures of physical limits, all of them
  std::vector<Outlier> outliers;  // the first of them, in (uscc, period, rule) order
};

struct CheckOptions {
  std::optional<YearMonth> period;  // only the records of this month (history still counts)
  std::size_t failures_kept = 5;    // failing records listed per rule
  std::size_t outliers_kept = 100;  // outliers listed
};

// Confronts every monthly record of `data` (or of options.period) with `rules`; each record's
// last year and previous month come from `data`, its division and key flag from
// data.enterprises. Failures of physical limits are also listed as outliers. Errors: kInvalidData
// when an expression does not compile (not for a parsed RuleSet). Pure; thread-safe.
Result<CheckReport> confront(const Dataset& data, const RuleSet& rules,
                             const CheckOptions& options);

// The report as JSON: {"rules_source", "period", "records", "rules": [{"id", "severity", "field",
// "description", "description_en", "expression", "items", "passes", "fails", "missing",
// "failures": [{"uscc", "period"}]}], "outlier_count", "outliers": [{"uscc", "name", "period",
// "rule", "field", "value" (null when missing or not finite), "value_text" (format_figure),
// "message", "message_en"}]}. Pure.
nlohmann::json check_report_to_json(const CheckReport& report);

// The report as a text table, one row per rule, then the first failing records of each failing
// rule, then the stored outliers (enterprise, month, field, value and the message). Pure.
std::string check_report_to_text(const CheckReport& report);

}  // namespace zhizao
