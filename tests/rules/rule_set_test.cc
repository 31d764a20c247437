// Parsing of rules files: a good file, the compiled-in defaults, and each malformed case with the
// line it is reported on.
#include "rules/rule_set.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace zhizao {
namespace {

constexpr std::string_view kGood = R"(version = 1

[[rule]]
id = "va_le_output"
severity = "hard"
field = "value_added"
expression = "value_added <= output"
description_zh = "增加值不得大于总产值"
description_en = "Value added must not exceed output"

[[rule]]
id = "yoy"
severity = "soft"
field = "output"
expression = "abs(output - ly_output) <= 0.5 * ly_output"
when_missing = "pass"
description_zh = "同比超过50%"
)";

// Returns the error message of parsing `text` as "r.toml", or "" when it parses.
std::string parse_error(std::string_view text) {
  Result<RuleSet> set = parse_rule_set(text, "r.toml");
  return set ? std::string() : set.error().message();
}

TEST(RuleSetTest, ParsesAGoodFile) {
  Result<RuleSet> set = parse_rule_set(kGood, "r.toml");
  ASSERT_TRUE(set) << set.error().to_string();
  EXPECT_EQ(set->source, "r.toml");
  ASSERT_EQ(set->rules.size(), 2u);
  const Rule& first = set->rules[0];
  EXPECT_EQ(first.id, "va_le_output");
  EXPECT_EQ(first.severity, Severity::kHard);
  EXPECT_EQ(first.field, "value_added");
  EXPECT_EQ(first.expression, "value_added <= output");
  EXPECT_EQ(first.when_missing, MissingPolicy::kSkip);
  EXPECT_EQ(first.description_zh, "增加值不得大于总产值");
  EXPECT_EQ(first.line, 3);
  const Rule& second = set->rules[1];
  EXPECT_EQ(second.severity, Severity::kSoft);
  EXPECT_EQ(second.when_missing, MissingPolicy::kPass);
  EXPECT_EQ(second.description_en, "同比超过50%");  // falls back to the Chinese text
  EXPECT_EQ(second.line, 11);
  EXPECT_EQ(find_rule(*set, "yoy"), &set->rules[1]);
  EXPECT_EQ(find_rule(*set, "nope"), nullptr);
}

TEST(RuleSetTest, DefaultRulesParseAndMatchTheShippedFile) {
  Result<RuleSet> parsed = parse_rule_set(default_rules_text(), "default");
  ASSERT_TRUE(parsed) << parsed.error().to_string();
  const RuleSet& set = default_rule_set();
  EXPECT_EQ(set.rules.size(), parsed->rules.size());
  EXPECT_GE(set.rules.size(), 10u);
  for (const char* id : {"output_required", "output_non_negative", "value_added_within_output",
                         "value_added_ratio_band", "cumulative_not_below_previous",
                         "output_yoy_band", "electricity_against_output"}) {
    EXPECT_NE(find_rule(set, id), nullptr) << id;
  }
  std::ifstream in(std::string(ZHIZAO_TEST_DATA) + "/../../rules/default_rules.toml");
  ASSERT_TRUE(in);
  std::ostringstream file;
  file << in.rdbuf();
  EXPECT_EQ(file.str(), default_rules_text());
}

TEST(RuleSetTest, TomlSyntaxErrorNamesItsLine) {
  EXPECT_EQ(parse_error("version = 1\n\n[[rule]\nid = \"x\"\n").substr(0, 9), "r.toml:3:");
}

TEST(RuleSetTest, MissingKeysAreReportedOnTheRuleLine) {
  std::string error = parse_error("version = 1\n[[rule]]\nid = \"x\"\nseverity = \"hard\"\n");
  EXPECT_NE(error.find("r.toml:2: rule x: missing key \"field\""), std::string::npos) << error;
  EXPECT_NE(error.find("r.toml:2: rule x: missing key \"expression\""), std::string::npos);
  EXPECT_NE(error.find("r.toml:2: rule x: missing key \"description_zh\""), std::string::npos);
}

constexpr std::string_view kRuleHead =
    "[[rule]]\nid = \"x\"\nfield = \"output\"\ndescription_zh = \"说明\"\n";

TEST(RuleSetTest, BadSeverityIsReportedOnItsLine) {
  std::string text = std::string(kRuleHead) + "severity = \"fatal\"\nexpression = \"output > 0\"\n";
  EXPECT_EQ(parse_error(text),
            "r.toml:5: rule x: severity must be \"hard\" or \"soft\", not \"fatal\"");
}

TEST(RuleSetTest, BadWhenMissingIsReportedOnItsLine) {
  std::string text = std::string(kRuleHead) +
                     "severity = \"hard\"\nexpression = \"output > 0\"\nwhen_missing = \"maybe\"\n";
  EXPECT_EQ(parse_error(text),
            "r.toml:7: rule x: when_missing must be \"skip\", \"fail\" or \"pass\", not \"maybe\"");
}

TEST(RuleSetTest, UnknownVariableIsReportedOnTheExpressionLine) {
  std::string text = std::string(kRuleHead) + "severity = \"hard\"\nexpression = \"outptu > 0\"\n";
  std::string error = parse_error(text);
  EXPECT_EQ(error.substr(0, 42), "r.toml:6: rule x: expression \"outptu > 0\":") << error;
}

TEST(RuleSetTest, SyntaxErrorInExpressionIsReported) {
  std::string text = std::string(kRuleHead) + "severity = \"hard\"\nexpression = \"output >\"\n";
  EXPECT_EQ(parse_error(text).substr(0, 9), "r.toml:6:");
}

TEST(RuleSetTest, ExpressionWithoutVariableIsRefused) {
  std::string text = std::string(kRuleHead) + "severity = \"hard\"\nexpression = \"1\"\n";
  EXPECT_EQ(parse_error(text), "r.toml:6: rule x: expression \"1\": reads no variable");
}

TEST(RuleSetTest, WrongTypeIsRefused) {
  std::string text = std::string(kRuleHead) + "severity = \"hard\"\nexpression = 3\n";
  EXPECT_EQ(parse_error(text), "r.toml:6: rule x: \"expression\" must be a non-empty string");
}

TEST(RuleSetTest, UnknownKeysAreRefused) {
  std::string text = "colour = \"red\"\n" + std::string(kRuleHead) +
                     "severity = \"hard\"\nexpression = \"output > 0\"\nweight = 2\n";
  std::string error = parse_error(text);
  EXPECT_NE(error.find("r.toml:1: unknown key \"colour\""), std::string::npos) << error;
  EXPECT_NE(error.find("r.toml:8: rule x: unknown key \"weight\""), std::string::npos) << error;
}

TEST(RuleSetTest, DuplicateIdsAreRefused) {
  std::string rule = std::string(kRuleHead) + "severity = \"hard\"\nexpression = \"output > 0\"\n";
  EXPECT_EQ(parse_error(rule + rule), "r.toml:7: rule x: duplicate id");
}

TEST(RuleSetTest, BadIdIsRefused) {
  std::string text =
      "[[rule]]\nid = \"Bad Id\"\nfield = \"output\"\ndescription_zh = \"说明\"\n"
      "severity = \"hard\"\nexpression = \"output > 0\"\n";
  EXPECT_EQ(parse_error(text),
            "r.toml:2: rule id \"Bad Id\" must be lower-case letters, digits and _");
}

TEST(RuleSetTest, FileWithoutRulesIsRefused) {
  EXPECT_EQ(parse_error("version = 1\n"), "r.toml:1: no rules: expected [[rule]] tables");
  EXPECT_EQ(parse_error("rule = 3\n"), "r.toml:1: \"rule\" must be written as [[rule]] tables");
  EXPECT_EQ(parse_error("version = 2\n[[rule]]\nid = \"x\"\nfield = \"output\"\n"
                        "description_zh = \"d\"\nseverity = \"hard\"\nexpression = \"output\"\n"),
            "r.toml:1: version must be 1");
}

TEST(RuleSetTest, EveryFaultIsReportedNotOnlyTheFirst) {
  std::string text = std::string(kRuleHead) + "severity = \"x\"\nexpression = \"nope\"\n";
  std::string error = parse_error(text);
  EXPECT_NE(error.find("r.toml:5:"), std::string::npos) << error;
  EXPECT_NE(error.find("r.toml:6:"), std::string::npos) << error;
}

TEST(RuleSetTest, LoadReportsAnUnreadableFile) {
  Result<RuleSet> set = load_rule_set("/nonexistent/rules.toml");
  ASSERT_FALSE(set);
  EXPECT_EQ(set.error().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace zhizao
