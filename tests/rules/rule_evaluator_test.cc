// Rule variables and evaluation: history lookups, missing values and each policy, and every
// default rule at its boundary (hand-computed values).
#include "rules/rule_evaluator.h"

#include <gtest/gtest.h>

#include <vector>

#include "rules/rule_set.h"
#include "rules/rule_variables.h"
#include "rules/rules_test_support.h"

namespace zhizao {
namespace {

using testing::kJia;
using testing::output_record;

TEST(RuleVariablesTest, NamesAreTheDocumentedOnes) {
  auto names = rule_variable_names();
  EXPECT_EQ(names[static_cast<std::size_t>(RuleVariable::kOutput)], "output");
  EXPECT_EQ(names[static_cast<std::size_t>(RuleVariable::kLyElectricity)], "ly_electricity");
  EXPECT_EQ(names[static_cast<std::size_t>(RuleVariable::kPmCumValueAdded)], "pm_cum_value_added");
}

TEST(RuleVariablesTest, LastYearPrefersTheReportedValue) {
  std::vector<MonthlyRecord> history = {output_record(kJia, 2020, 4, 80)};
  MonthlyRecord record = output_record(kJia, 2021, 4, 100);
  RuleValues stored = rule_values(record, history);
  EXPECT_EQ(stored[RuleVariable::kLyOutput], 80);
  EXPECT_FALSE(stored[RuleVariable::kOutputPrev].has_value());
  record.output_prev = 90;
  RuleValues reported = rule_values(record, history);
  EXPECT_EQ(reported[RuleVariable::kLyOutput], 90);
  EXPECT_EQ(reported[RuleVariable::kOutputPrev], 90);
  EXPECT_FALSE(reported[RuleVariable::kLyValueAdded].has_value());
}

TEST(RuleVariablesTest, PreviousMonthAndYearToDate) {
  std::vector<MonthlyRecord> history = {output_record(kJia, 2021, 1, 10),
                                        output_record(kJia, 2021, 2, 20),
                                        output_record(kJia, 2021, 3, 999)};
  MonthlyRecord record = output_record(kJia, 2021, 3, 30);  // overrides the stored March
  RuleValues v = rule_values(record, history);
  EXPECT_EQ(v[RuleVariable::kPmOutput], 20);
  EXPECT_EQ(v[RuleVariable::kCumOutput], 60);
  EXPECT_EQ(v[RuleVariable::kPmCumOutput], 30);
  EXPECT_EQ(v[RuleVariable::kMonth], 3);
  EXPECT_EQ(v[RuleVariable::kYear], 2021);
  EXPECT_EQ(v[RuleVariable::kInScope], 1);
}

TEST(RuleVariablesTest, JanuaryFoldedIntoFebruaryKeepsYearToDate) {
  std::vector<MonthlyRecord> history = {output_record(kJia, 2021, 2, 50)};
  RuleValues march = rule_values(output_record(kJia, 2021, 3, 30), history);
  EXPECT_EQ(march[RuleVariable::kCumOutput], 80);
  EXPECT_EQ(march[RuleVariable::kPmCumOutput], 50);
  RuleValues february = rule_values(output_record(kJia, 2021, 2, 50), {});
  EXPECT_EQ(february[RuleVariable::kCumOutput], 50);
  EXPECT_FALSE(february[RuleVariable::kPmCumOutput].has_value());
  EXPECT_FALSE(february[RuleVariable::kPmOutput].has_value());
}

TEST(RuleVariablesTest, GapMakesYearToDateMissing) {
  std::vector<MonthlyRecord> history = {output_record(kJia, 2021, 1, 10),
                                        output_record(kJia, 2021, 3, 30)};
  RuleValues april = rule_values(output_record(kJia, 2021, 4, 40), history);
  EXPECT_FALSE(april[RuleVariable::kCumOutput].has_value());
  EXPECT_EQ(april[RuleVariable::kPmOutput], 30);
}

TEST(RuleVariablesTest, OtherEnterprisesAreIgnoredAndAbsentOutputIsMissing) {
  MonthlyRecord other = output_record(kJia, 2021, 3, 7);
  other.uscc = "91410305MA400002X2";
  RuleValues v = rule_values(output_record(kJia, 2021, 4, 40), std::vector<MonthlyRecord>{other},
                             OutputPresence::kAbsent);
  EXPECT_FALSE(v[RuleVariable::kPmOutput].has_value());
  EXPECT_FALSE(v[RuleVariable::kOutput].has_value());
  EXPECT_FALSE(v[RuleVariable::kCumOutput].has_value());
}

RuleSet one_rule(const std::string& expression, MissingPolicy policy) {
  Rule rule;
  rule.id = "r";
  rule.field = "output";
  rule.expression = expression;
  rule.when_missing = policy;
  return RuleSet{"test", {rule}};
}

RuleOutcome outcome(const RuleSet& set, const RuleValues& values) {
  Result<RuleEvaluator> evaluator = RuleEvaluator::create(set);
  EXPECT_TRUE(evaluator) << evaluator.error().to_string();
  return evaluator->evaluate(values).at(0);
}

TEST(RuleEvaluatorTest, MissingVariableFollowsThePolicy) {
  RuleValues values = rule_values(output_record(kJia, 2021, 4, 100), {});  // value_added missing
  EXPECT_EQ(outcome(one_rule("value_added <= output", MissingPolicy::kSkip), values),
            RuleOutcome::kMissing);
  EXPECT_EQ(outcome(one_rule("value_added <= output", MissingPolicy::kFail), values),
            RuleOutcome::kFail);
  EXPECT_EQ(outcome(one_rule("value_added <= output", MissingPolicy::kPass), values),
            RuleOutcome::kPass);
  values[RuleVariable::kValueAdded] = 100;
  EXPECT_EQ(outcome(one_rule("value_added <= output", MissingPolicy::kSkip), values),
            RuleOutcome::kPass);
  values[RuleVariable::kValueAdded] = 100.5;
  EXPECT_EQ(outcome(one_rule("value_added <= output", MissingPolicy::kSkip), values),
            RuleOutcome::kFail);
}

TEST(RuleEvaluatorTest, NotANumberCountsAsMissing) {
  RuleValues values = rule_values(output_record(kJia, 2021, 4, 0), {});
  values[RuleVariable::kValueAdded] = 0;
  EXPECT_EQ(outcome(one_rule("value_added / output", MissingPolicy::kSkip), values),
            RuleOutcome::kMissing);
}

TEST(RuleEvaluatorTest, BadExpressionIsRefusedWithItsRule) {
  RuleSet set = one_rule("output >", MissingPolicy::kSkip);
  set.rules[0].line = 7;
  Result<RuleEvaluator> evaluator = RuleEvaluator::create(set);
  ASSERT_FALSE(evaluator);
  EXPECT_EQ(evaluator.error().code(), StatusCode::kInvalidData);
  EXPECT_EQ(evaluator.error().message().substr(0, 28), "test:7: rule r: expression: ");
  EXPECT_EQ(expression_error("output > 0"), "");
  EXPECT_NE(expression_error("outptu > 0"), "");
}

// The outcome of default rule `id` for `record` with `history`.
RuleOutcome default_outcome(const char* id, const MonthlyRecord& record,
                            const std::vector<MonthlyRecord>& history = {},
                            OutputPresence presence = OutputPresence::kPresent) {
  const RuleSet& set = default_rule_set();
  Result<RuleEvaluator> evaluator = RuleEvaluator::create(set);
  EXPECT_TRUE(evaluator);
  std::vector<RuleOutcome> outcomes = evaluator->evaluate(rule_values(record, history, presence));
  for (std::size_t i = 0; i < set.rules.size(); ++i) {
    if (set.rules[i].id == id) return outcomes[i];
  }
  ADD_FAILURE() << "no default rule " << id;
  return RuleOutcome::kMissing;
}

TEST(DefaultRulesTest, OutputRequired) {
  MonthlyRecord r = output_record(kJia, 2021, 4, 0);
  EXPECT_EQ(default_outcome("output_required", r), RuleOutcome::kPass);
  EXPECT_EQ(default_outcome("output_required", r, {}, OutputPresence::kAbsent), RuleOutcome::kFail);
}

TEST(DefaultRulesTest, NegativeValues) {
  MonthlyRecord r = output_record(kJia, 2021, 4, 0);
  EXPECT_EQ(default_outcome("output_non_negative", r), RuleOutcome::kPass);
  r.output = -0.1;
  EXPECT_EQ(default_outcome("output_non_negative", r), RuleOutcome::kFail);
  EXPECT_EQ(default_outcome("value_added_non_negative", r), RuleOutcome::kMissing);
  r.value_added = 0;
  EXPECT_EQ(default_outcome("value_added_non_negative", r), RuleOutcome::kPass);
  r.value_added = -1;
  EXPECT_EQ(default_outcome("value_added_non_negative", r), RuleOutcome::kFail);
  r.electricity = -1;
  EXPECT_EQ(default_outcome("electricity_non_negative", r), RuleOutcome::kFail);
  r.output_prev = -1;
  EXPECT_EQ(default_outcome("output_prev_non_negative", r), RuleOutcome::kFail);
  r.value_added_prev = 0;
  EXPECT_EQ(default_outcome("value_added_prev_non_negative", r), RuleOutcome::kPass);
  r.electricity_prev = -0.01;
  EXPECT_EQ(default_outcome("electricity_prev_non_negative", r), RuleOutcome::kFail);
}

TEST(DefaultRulesTest, ValueAddedWithinOutput) {
  MonthlyRecord r = output_record(kJia, 2021, 4, 100);
  r.value_added = 100;
  EXPECT_EQ(default_outcome("value_added_within_output", r), RuleOutcome::kPass);
  r.value_added = 100.01;
  EXPECT_EQ(default_outcome("value_added_within_output", r), RuleOutcome::kFail);
}

TEST(DefaultRulesTest, ValueAddedRatioBand) {
  MonthlyRecord r = output_record(kJia, 2021, 4, 100);
  r.value_added = 10;  // 10%: on the lower edge
  EXPECT_EQ(default_outcome("value_added_ratio_band", r), RuleOutcome::kPass);
  r.value_added = 9.99;
  EXPECT_EQ(default_outcome("value_added_ratio_band", r), RuleOutcome::kFail);
  r.value_added = 60;  // 60%: on the upper edge
  EXPECT_EQ(default_outcome("value_added_ratio_band", r), RuleOutcome::kPass);
  r.value_added = 60.01;
  EXPECT_EQ(default_outcome("value_added_ratio_band", r), RuleOutcome::kFail);
}

TEST(DefaultRulesTest, CumulativeNotBelowPrevious) {
  std::vector<MonthlyRecord> history = {output_record(kJia, 2021, 1, 10),
                                        output_record(kJia, 2021, 2, 20)};
  EXPECT_EQ(
      default_outcome("cumulative_not_below_previous", output_record(kJia, 2021, 3, 0), history),
      RuleOutcome::kPass);
  EXPECT_EQ(
      default_outcome("cumulative_not_below_previous", output_record(kJia, 2021, 3, -1), history),
      RuleOutcome::kFail);
  EXPECT_EQ(default_outcome("cumulative_not_below_previous", output_record(kJia, 2021, 1, 5)),
            RuleOutcome::kMissing);
}

TEST(DefaultRulesTest, OutputYearOnYearBand) {
  std::vector<MonthlyRecord> history = {output_record(kJia, 2020, 4, 100)};
  EXPECT_EQ(default_outcome("output_yoy_band", output_record(kJia, 2021, 4, 150), history),
            RuleOutcome::kPass);
  EXPECT_EQ(default_outcome("output_yoy_band", output_record(kJia, 2021, 4, 150.01), history),
            RuleOutcome::kFail);
  EXPECT_EQ(default_outcome("output_yoy_band", output_record(kJia, 2021, 4, 50), history),
            RuleOutcome::kPass);
  EXPECT_EQ(default_outcome("output_yoy_band", output_record(kJia, 2021, 4, 49.99), history),
            RuleOutcome::kFail);
  EXPECT_EQ(default_outcome("output_yoy_band", output_record(kJia, 2021, 4, 500)),
            RuleOutcome::kMissing);
  // No positive base: nothing to compare.
  EXPECT_EQ(default_outcome("output_yoy_band", output_record(kJia, 2021, 4, 500),
                            {output_record(kJia, 2020, 4, 0)}),
            RuleOutcome::kPass);
}

TEST(DefaultRulesTest, ElectricityAgainstOutput) {
  MonthlyRecord last = output_record(kJia, 2020, 4, 100);
  last.electricity = 100;
  MonthlyRecord r = output_record(kJia, 2021, 4, 110);  // output +10%
  r.electricity = 90;  // electricity −10%: 20 points apart, the limit
  EXPECT_EQ(default_outcome("electricity_against_output", r, {last}), RuleOutcome::kPass);
  r.electricity = 89.9;  // −10.1%: 20.1 points
  EXPECT_EQ(default_outcome("electricity_against_output", r, {last}), RuleOutcome::kFail);
  r.electricity = 150;  // same direction, far apart: not "against"
  EXPECT_EQ(default_outcome("electricity_against_output", r, {last}), RuleOutcome::kPass);
  r.electricity = std::nullopt;
  EXPECT_EQ(default_outcome("electricity_against_output", r, {last}), RuleOutcome::kMissing);
}

}  // namespace
}  // namespace zhizao
