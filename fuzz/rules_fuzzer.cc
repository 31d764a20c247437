// Fuzz target: audit rules as the bureau writes them (rules/rule_set.h: TOML through
// toml++, expressions through muparser) and the evaluator (rules/rule_evaluator.h).
// Input: one selector byte (bit 0: a whole rules file, or one expression; bits 1-3 choose which
// variables have values), then the text.
// Invariants: errors are kInvalidData and every line of one is "SOURCE:LINE: reason"; a parsed
// set compiles in the evaluator and yields one outcome per rule, and its messages are UTF-8 with
// figures cut; an expression that
// expression_error accepts is accepted inside a rules file too.
#include <fmt/format.h>

#include <string>

#include "base/text.h"
#include "fuzz_support.h"
#include "rules/rule_evaluator.h"
#include "rules/rule_message.h"
#include "rules/rule_set.h"
#include "rules/rule_variables.h"

namespace {

using zhizao::fuzz::check;

constexpr std::string_view kSource = "fuzz.toml";

// Values for every variable, some missing as `pattern` says: a record may lack last year or
// the previous month.
zhizao::RuleValues values_for(uint8_t pattern) {
  zhizao::RuleValues values;
  for (size_t i = 0; i < zhizao::kRuleVariableCount; ++i) {
    if (((pattern >> (i % 3)) & 1) == 0) values.values[i] = static_cast<double>(i) * 1.5 - 3;
  }
  return values;
}

void fuzz_rules_file(std::string_view text, uint8_t pattern) {
  zhizao::Result<zhizao::RuleSet> rules = zhizao::parse_rule_set(text, kSource);
  if (!rules) {
    check(rules.error().code() == zhizao::StatusCode::kInvalidData, "errors are kInvalidData");
    const std::string& message = rules.error().message();
    check(!message.empty(), "an error has a message");
    for (std::string_view line : zhizao::split(message, '\n')) {
      check(line.starts_with(std::string(kSource) + ":"), "every fault starts with SOURCE:");
    }
    return;
  }
  zhizao::Result<zhizao::RuleEvaluator> evaluator = zhizao::RuleEvaluator::create(*rules);
  check(evaluator.has_value(), "a parsed rule set compiles");
  std::vector<zhizao::RuleOutcome> outcomes = evaluator->evaluate(values_for(pattern));
  check(outcomes.size() == rules->rules.size(), "one outcome per rule");
  // Messages fill the descriptions' placeholders with figures of at most 18 characters.
  for (const zhizao::Rule& rule : rules->rules) {
    for (zhizao::Language language : {zhizao::Language::kZh, zhizao::Language::kEn}) {
      std::string message = zhizao::rule_message(rule, values_for(pattern), language);
      check(zhizao::is_valid_utf8(message), "a message is UTF-8");
      const std::string& description =
          language == zhizao::Language::kZh ? rule.description_zh : rule.description_en;
      check(message.size() <= description.size() * 18 + 18, "figures are cut");
    }
  }
}

// True when `text` can stand inside a TOML basic string as is (no quote, backslash or control
// character, TOML 1.0 "Basic strings").
bool fits_basic_string(std::string_view text) {
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\' || (byte < 0x20 && c != '\t') || byte == 0x7F) return false;
  }
  return zhizao::is_valid_utf8(text);
}

void fuzz_expression(std::string_view text, uint8_t pattern) {
  std::string expression(text);
  bool compiles = zhizao::expression_error(expression).empty();
  if (!fits_basic_string(expression)) return;
  std::string file = fmt::format(
      "version = 1\n[[rule]]\nid = \"r1\"\ndescription_zh = \"规则\"\n"
      "description_en = \"rule\"\nseverity = \"hard\"\nfield = \"output\"\n"
      "expression = \"{}\"\n",
      expression);
  zhizao::Result<zhizao::RuleSet> rules = zhizao::parse_rule_set(file, kSource);
  check(rules.has_value() == compiles, "a rules file takes exactly the expressions that compile");
  if (rules) fuzz_rules_file(file, pattern);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  zhizao::fuzz::FuzzInput input(data, size);
  uint8_t selector = input.byte();
  auto pattern = static_cast<uint8_t>(selector >> 1);
  if ((selector & 1) == 0) {
    fuzz_rules_file(input.rest(), pattern);
  } else {
    fuzz_expression(input.rest(), pattern);
  }
  return 0;
}
