// Audit rules (审核规则) as data: a TOML file that the bureau edits, each rule an expression over a
// monthly record, the same month of last year and the previous month (docs/rules.md). As in
// NBS's online direct reporting system, hard rules (强制性) refuse a record and soft rules
// (核实性) accept it only with a written explanation.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace zhizao {

enum class Severity { kHard, kSoft };

// The severity's name in the JSON answers and the audit's summary: "hard" or "soft".
inline const char* severity_name(Severity severity) {
  return severity == Severity::kHard ? "hard" : "soft";
}

// What a rule yields when a variable it reads has no value for the record at hand.
enum class MissingPolicy {
  kSkip,  // the rule is "missing" for that record (validate's NA): neither passed nor failed
  kFail,  // a missing value is itself a failure (e.g. a required field)
  kPass,  // nothing to check without the value
};

// What an import does with a record that fails the rule (docs/rules.md, "Imports").
enum class ImportAction {
  kIgnore,  // the rule is not applied on import (the default)
  kWarn,    // the import goes on and prints a warning at the record's line
  kRefuse,  // an error at the record's line: nothing of the import is stored
};

struct Rule {
  std::string id;              // [a-z0-9_]+, unique in its set
  std::string description_zh;  // shown to enterprises and reviewers
  std::string description_en;
  Severity severity = Severity::kHard;
  std::string field;       // the form field the failure is reported on, e.g. "value_added"
  std::string expression;  // muparser expression; non-zero means the record passes
  MissingPolicy when_missing = MissingPolicy::kSkip;
  ImportAction on_import = ImportAction::kIgnore;
  // A physical limit (a figure beyond it cannot be true, not merely unusual): always hard, and
  // `zhizao check` lists the stored values that break it as outliers.
  bool physical_limit = false;
  int line = 0;  // line of the rule's [[rule]] header in its file, for messages
};

// A validated list of rules, in file order. A plain value; thread-compatible.
struct RuleSet {
  std::string source;  // file name, or "default" for the compiled-in rules
  std::vector<Rule> rules;
};

// Parses a rules file's text. Every expression is compiled and may use only the variables of
// rule_variables.h. Errors: kInvalidData with one line per fault, each `SOURCE:LINE: reason`
// (TOML syntax, missing or unknown keys, wrong types, duplicate ids, bad severity or on_import,
// a soft physical limit, expressions that do not compile or read unknown variables,
// descriptions with unknown {placeholders}).
Result<RuleSet> parse_rule_set(std::string_view text, std::string_view source);

// Reads and parses the rules file at `path`. Errors: kNotFound / kIoError when it cannot be
// read; kInvalidData when it is larger than kRulesFileMaxBytes (1 MiB) or not a regular file
// (base/bounded_file.h); otherwise as parse_rule_set, with `path` as the source.
Result<RuleSet> load_rule_set(const std::string& path);

// The text of rules/default_rules.toml, compiled into the binary.
std::string_view default_rules_text();

// The compiled-in default rules (parsed once; thread-safe). The default file is tested, so this
// does not fail.
const RuleSet& default_rule_set();

// Finds a rule by id, or nullptr.
const Rule* find_rule(const RuleSet& set, std::string_view id);

}  // namespace zhizao
