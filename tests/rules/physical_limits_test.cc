// The physical limits of the default rules (issue 19, item 5), each at its boundary with
// hand-computed values: finite figures, non-negative ones, the bounds of one enterprise's month,
// the growth-ratio bound, and bounds a bureau sets per division and size in its own rules file.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

#include "rules/rule_evaluator.h"
#include "rules/rule_message.h"
#include "rules/rule_set.h"
#include "rules/rule_variables.h"
#include "rules/rules_test_support.h"

namespace zhizao {
namespace {

using testing::kJia;
using testing::output_record;

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The outcome of rule `id` of `set` for `record`, its enterprise `profile` and `history`.
RuleOutcome outcome_of(const RuleSet& set, const char* id, const MonthlyRecord& record,
                       const EnterpriseProfile* profile = nullptr,
                       const std::vector<MonthlyRecord>& history = {}) {
  Result<RuleEvaluator> evaluator = RuleEvaluator::create(set);
  EXPECT_TRUE(evaluator) << evaluator.error().to_string();
  RuleContext context;
  context.enterprise = profile;
  std::vector<RuleOutcome> outcomes = evaluator->evaluate(rule_values(record, history, context));
  for (std::size_t i = 0; i < set.rules.size(); ++i) {
    if (set.rules[i].id == id) return outcomes[i];
  }
  ADD_FAILURE() << "no rule " << id;
  return RuleOutcome::kMissing;
}

RuleOutcome limits_default_outcome(const char* id, const MonthlyRecord& record,
                                   const std::vector<MonthlyRecord>& history = {}) {
  return outcome_of(default_rule_set(), id, record, nullptr, history);
}

TEST(PhysicalLimitsTest, DefaultsAreHardPhysicalLimitsAndTheBoundsRefuseImports) {
  int limits = 0;
  for (const Rule& rule : default_rule_set().rules) {
    if (!rule.physical_limit) continue;
    ++limits;
    EXPECT_EQ(rule.severity, Severity::kHard) << rule.id;
    // The import's parser already refuses negative and non-finite numbers: only the bounds run.
    bool bound = rule.id.ends_with("_max");
    EXPECT_EQ(rule.on_import, bound ? ImportAction::kRefuse : ImportAction::kIgnore) << rule.id;
  }
  EXPECT_EQ(limits, 6 + 6 + 6 + 3);  // non-negative, finite, maximum, growth
  const Rule* soft = find_rule(default_rule_set(), "output_yoy_band");
  ASSERT_NE(soft, nullptr);
  EXPECT_FALSE(soft->physical_limit);
  EXPECT_EQ(soft->on_import, ImportAction::kIgnore);
}

TEST(PhysicalLimitsTest, EveryFigureMustBeFinite) {
  MonthlyRecord r = output_record(kJia, 2021, 4, 1e308);
  EXPECT_EQ(limits_default_outcome("physical_output_finite", r), RuleOutcome::kPass);
  for (double bad : {kInf, -kInf, kNaN}) {
    r.output = bad;
    EXPECT_EQ(limits_default_outcome("physical_output_finite", r), RuleOutcome::kFail) << bad;
    // The bounds refuse them as well (NaN compares false), so a rules file without the finite
    // rules still keeps them out.
    EXPECT_EQ(limits_default_outcome("physical_output_max", r),
              bad == -kInf ? RuleOutcome::kPass : RuleOutcome::kFail)
        << bad;
  }
  r.output = 100;
  EXPECT_EQ(limits_default_outcome("physical_value_added_finite", r), RuleOutcome::kMissing);
  r.value_added = kInf;
  r.electricity_prev = kNaN;
  EXPECT_EQ(limits_default_outcome("physical_value_added_finite", r), RuleOutcome::kFail);
  EXPECT_EQ(limits_default_outcome("physical_electricity_prev_finite", r), RuleOutcome::kFail);
  r.output_prev = -kInf;
  EXPECT_EQ(limits_default_outcome("physical_output_prev_finite", r), RuleOutcome::kFail);
  EXPECT_EQ(limits_default_outcome("output_prev_non_negative", r), RuleOutcome::kFail);
}

TEST(PhysicalLimitsTest, FiguresCannotBeNegative) {
  MonthlyRecord r = output_record(kJia, 2021, 4, -0.01);
  EXPECT_EQ(limits_default_outcome("output_non_negative", r), RuleOutcome::kFail);
  r.output = 0;
  EXPECT_EQ(limits_default_outcome("output_non_negative", r), RuleOutcome::kPass);
  r.electricity = -1e-9;
  EXPECT_EQ(limits_default_outcome("electricity_non_negative", r), RuleOutcome::kFail);
  const Rule* rule = find_rule(default_rule_set(), "electricity_non_negative");
  ASSERT_NE(rule, nullptr);
  EXPECT_TRUE(rule->physical_limit);
  EXPECT_EQ(rule_message(*rule, rule_values(r, {}), Language::kZh),
            "用电量为 -1e-9 万千瓦时，不得为负数");
}

TEST(PhysicalLimitsTest, BoundsOfOneEnterprisesMonth) {
  // 10^8 万元 of output or value added, 10^7 万千瓦时 of electricity: on the bound passes.
  MonthlyRecord r = output_record(kJia, 2021, 4, 1e8);
  EXPECT_EQ(limits_default_outcome("physical_output_max", r), RuleOutcome::kPass);
  r.output = 100000000.01;
  EXPECT_EQ(limits_default_outcome("physical_output_max", r), RuleOutcome::kFail);
  r.value_added = 1e8;
  r.electricity = 1e7;
  r.output_prev = 1e308;
  r.value_added_prev = 1.5e8;
  r.electricity_prev = 10000000.5;
  EXPECT_EQ(limits_default_outcome("physical_value_added_max", r), RuleOutcome::kPass);
  EXPECT_EQ(limits_default_outcome("physical_electricity_max", r), RuleOutcome::kPass);
  EXPECT_EQ(limits_default_outcome("physical_output_prev_max", r), RuleOutcome::kFail);
  EXPECT_EQ(limits_default_outcome("physical_value_added_prev_max", r), RuleOutcome::kFail);
  EXPECT_EQ(limits_default_outcome("physical_electricity_prev_max", r), RuleOutcome::kFail);
  r.electricity = 10000000.5;
  EXPECT_EQ(limits_default_outcome("physical_electricity_max", r), RuleOutcome::kFail);
  const Rule* rule = find_rule(default_rule_set(), "physical_output_max");
  ASSERT_NE(rule, nullptr);
  r.output = 1e308;
  RuleValues values = rule_values(r, {});
  EXPECT_EQ(rule_message_with_id(*rule, values, Language::kZh),
            "工业总产值 1e308 万元超出单个企业一个月的物理上限（1亿万元，即1万亿元）"
            "（规则 physical_output_max）");
  EXPECT_EQ(rule_message_with_id(*rule, values, Language::kEn),
            "Gross output of 1e308 × 10^4 yuan exceeds what one enterprise can reach in a month "
            "(10^8 × 10^4 yuan, one trillion yuan) (rule physical_output_max)");
}

TEST(PhysicalLimitsTest, GrowthRatioBound) {
  // The issue's submission: 1e308 against 1e-300 last year (the ratio overflows to infinity;
  // the rule is written as a product so that it still fails).
  MonthlyRecord r = output_record(kJia, 2021, 4, 1e308);
  r.output_prev = 1e-300;
  EXPECT_EQ(limits_default_outcome("physical_output_growth_max", r), RuleOutcome::kFail);
  r.output = 1;  // within the bounds, but still 10^300 times the base
  EXPECT_EQ(limits_default_outcome("physical_output_growth_max", r), RuleOutcome::kFail);
  // At most 10,000 times last year: 10,000 passes, 10,000.01 does not.
  r.output_prev = 1;
  r.output = 10000;
  EXPECT_EQ(limits_default_outcome("physical_output_growth_max", r), RuleOutcome::kPass);
  r.output = 10000.01;
  EXPECT_EQ(limits_default_outcome("physical_output_growth_max", r), RuleOutcome::kFail);
  // No positive base: no growth rate, nothing to bound.
  r.output_prev = 0;
  EXPECT_EQ(limits_default_outcome("physical_output_growth_max", r), RuleOutcome::kPass);
  // Without a reported base the stored month m−12 is last year, as for the growth itself.
  MonthlyRecord stored = output_record(kJia, 2020, 4, 0.5);
  stored.electricity = 0.5;
  MonthlyRecord current = output_record(kJia, 2021, 4, 5001);  // 10,002 × 0.5
  current.electricity = 5000;                                  // 10,000 × 0.5: on the bound
  EXPECT_EQ(limits_default_outcome("physical_output_growth_max", current, {stored}),
            RuleOutcome::kFail);
  EXPECT_EQ(limits_default_outcome("physical_electricity_growth_max", current, {stored}),
            RuleOutcome::kPass);
  EXPECT_EQ(limits_default_outcome("physical_value_added_growth_max", current, {stored}),
            RuleOutcome::kMissing);
  const Rule* rule = find_rule(default_rule_set(), "physical_output_growth_max");
  ASSERT_NE(rule, nullptr);
  EXPECT_EQ(
      rule_message(*rule, rule_values(current, std::vector<MonthlyRecord>{stored}), Language::kZh),
      "工业总产值 5001 万元是上年同期 0.5 万元的一万倍以上（增长超过999900%），单个企业不可能达到");
}

// A bureau's own file: a bound per division (GB/T 4754 division 25, 石油、煤炭及其他燃料加工业,
// gets three times the default) and one for enterprises below designated size (规下).
constexpr std::string_view kBureauRules = R"toml(version = 1

[[rule]]
id = "output_max_by_division"
severity = "hard"
field = "output"
expression = "output <= (division == 25 ? 3e8 : 1e8)"
physical_limit = true
on_import = "warn"
description_zh = "工业总产值 {value} 万元超出本行业（{division}大类）的上限"

[[rule]]
id = "small_output_max"
severity = "hard"
field = "output"
expression = "in_scope == 1 || output <= 1e6"
physical_limit = true
description_zh = "规下企业工业总产值 {value} 万元超出上限"

[[rule]]
id = "key_only"
severity = "soft"
field = "output"
expression = "key == 1 || output <= 5000"
description_zh = "非重点企业产值 {value} 过大"
)toml";

TEST(PhysicalLimitsTest, BoundsPerDivisionAndSizeFromARulesFile) {
  Result<RuleSet> set = parse_rule_set(kBureauRules, "bureau.toml");
  ASSERT_TRUE(set) << set.error().to_string();
  EXPECT_EQ(set->rules[0].on_import, ImportAction::kWarn);
  EXPECT_TRUE(set->rules[0].physical_limit);
  const EnterpriseProfile refinery{kJia, "25", false};
  const EnterpriseProfile bearings{kJia, "34", true};
  MonthlyRecord r = output_record(kJia, 2021, 4, 2e8);
  EXPECT_EQ(outcome_of(*set, "output_max_by_division", r, &refinery), RuleOutcome::kPass);
  EXPECT_EQ(outcome_of(*set, "output_max_by_division", r, &bearings), RuleOutcome::kFail);
  // An enterprise that is not registered has no division: the rule cannot be evaluated.
  EXPECT_EQ(outcome_of(*set, "output_max_by_division", r), RuleOutcome::kMissing);
  r.output = 3.1e8;
  EXPECT_EQ(outcome_of(*set, "output_max_by_division", r, &refinery), RuleOutcome::kFail);
  // Size: the contract records 规上 (in_scope) per month.
  r.output = 2e6;
  EXPECT_EQ(outcome_of(*set, "small_output_max", r, &bearings), RuleOutcome::kPass);
  r.in_scope = false;
  EXPECT_EQ(outcome_of(*set, "small_output_max", r, &bearings), RuleOutcome::kFail);
  // Key enterprises (重点企业) are known too.
  EXPECT_EQ(outcome_of(*set, "key_only", r, &bearings), RuleOutcome::kPass);
  EXPECT_EQ(outcome_of(*set, "key_only", r, &refinery), RuleOutcome::kFail);
  RuleContext context;
  context.enterprise = &bearings;
  RuleValues values =
      rule_values(output_record(kJia, 2021, 4, 2e8), std::vector<MonthlyRecord>{}, context);
  EXPECT_EQ(values[RuleVariable::kDivision], 34);
  EXPECT_EQ(values[RuleVariable::kKey], 1);
  EXPECT_EQ(rule_message(set->rules[0], values, Language::kZh),
            "工业总产值 200000000 万元超出本行业（34大类）的上限");
}

TEST(PhysicalLimitsTest, MalformedImportAndLimitSettingsAreRefusedWithTheirLines) {
  auto error_of = [](std::string_view text) {
    Result<RuleSet> set = parse_rule_set(text, "r.toml");
    return set ? std::string() : set.error().message();
  };
  constexpr std::string_view kHead =
      "[[rule]]\nid = \"x\"\nseverity = \"soft\"\nfield = \"output\"\n"
      "expression = \"output >= 0\"\ndescription_zh = \"d\"\n";
  EXPECT_EQ(error_of(std::string(kHead) + "on_import = \"drop\"\n"),
            "r.toml:7: rule x: on_import must be \"refuse\", \"warn\" or \"ignore\", not \"drop\"");
  EXPECT_EQ(error_of(std::string(kHead) + "physical_limit = true\n"),
            "r.toml:7: rule x: a physical limit must be hard");
  EXPECT_EQ(error_of(std::string(kHead) + "physical_limit = \"yes\"\n"),
            "r.toml:7: rule x: physical_limit must be true or false");
  EXPECT_EQ(error_of(std::string(kHead) + "description_en = \"{outptu} is odd\"\n"),
            "r.toml:7: rule x: unknown placeholder {outptu} in description_en");
  EXPECT_EQ(error_of("[[rule]]\nid = \"y\"\nseverity = \"hard\"\nfield = \"total\"\n"
                     "expression = \"output >= 0\"\ndescription_zh = \"{value} 为负\"\n"),
            "r.toml:6: rule y: {value} needs a field that is a variable, not \"total\"");
  // Braces that are not a placeholder are text.
  EXPECT_EQ(error_of(std::string(kHead) + "description_en = \"{ not one } {A}\"\n"), "");
}

TEST(RuleMessageTest, FiguresAreCutToAReadableLength) {
  EXPECT_EQ(format_figure(std::nullopt), "—");
  EXPECT_EQ(format_figure(0.0), "0");
  EXPECT_EQ(format_figure(-0.0), "0");
  EXPECT_EQ(format_figure(1274.4), "1274.4");
  EXPECT_EQ(format_figure(0.0001), "0.0001");
  EXPECT_EQ(format_figure(123456789.123456), "123456789.1235");
  EXPECT_EQ(format_figure(1e308), "1e308");
  EXPECT_EQ(format_figure(-1.2345e-300), "-1.23e-300");
  EXPECT_EQ(format_figure(1e12), "1e12");
  EXPECT_EQ(format_figure(0.00002), "2e-5");
  EXPECT_EQ(format_figure(kInf), "inf");
  EXPECT_EQ(format_figure(-kInf), "-inf");
  EXPECT_EQ(format_figure(kNaN), "NaN");
  EXPECT_LE(format_figure(-std::numeric_limits<double>::denorm_min()).size(), 10u);
  EXPECT_EQ(unknown_placeholders("{value} {ly_output} {x1} {Big} {"),
            std::vector<std::string>{"x1"});
}

}  // namespace
}  // namespace zhizao
