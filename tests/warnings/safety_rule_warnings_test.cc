// The safety warnings as rules of the warning rules file (warnings/safety_rule_warnings.h): the
// compiled-in defaults give the warnings and reasons docs/safety.md's fixed rules gave
// (hand-written here), custom thresholds and levels change them, the most severe rule wins, and the
// parser refuses what it refuses for other kinds.
#include "warnings/safety_rule_warnings.h"

#include <gtest/gtest.h>

#include "warnings_test_support.h"

namespace zhizao {
namespace {

using testing::rules_of;
using testing::subjects;

OverdueHazard hazard(std::string id, std::string level, std::string uscc, std::string name,
                     CivilDate deadline, long days) {
  return {std::move(id),
          std::move(level),
          {std::move(uscc), std::move(name), "410328"},
          deadline,
          days};
}

SafetyPlanFigures plan(std::string id, std::string name, CivilDate from, CivilDate to,
                       long enterprises, long checked, double time_progress) {
  SafetyPlanFigures p;
  p.id = std::move(id);
  p.name = std::move(name);
  p.from = from;
  p.to = to;
  p.enterprises = enterprises;
  p.checked = checked;
  for (long i = checked; i < enterprises; ++i)
    p.unchecked.push_back({"U" + std::to_string(i), "", ""});
  if (enterprises > 0)
    p.coverage = 100.0 * static_cast<double>(checked) / static_cast<double>(enterprises);
  p.time_progress = time_progress;
  return p;
}

// D = 2021-06-30. P0 (May) ended with one of three enterprises unchecked; P1 (June–September)
// ahead of time (50% against 30/122 = 24.59%) with three hazards overdue; P2 behind (10%).
SafetyFigures june() {
  SafetyFigures f;
  f.as_of = {2021, 6, 30};
  f.plans.push_back(plan("P0", "五月检查", {2021, 5, 1}, {2021, 5, 31}, 3, 2, 100));
  SafetyPlanFigures p1 = plan("P1", "汛期检查", {2021, 6, 1}, {2021, 9, 30}, 4, 2, 3000.0 / 122);
  p1.overdue_hazards = {hazard("h1", "major", "UA", "企业A", {2021, 6, 20}, 10),
                        hazard("h5", "ordinary", "UD", "企业D", {2021, 6, 25}, 5),
                        hazard("h9", "ordinary", "UE", "企业E", {2021, 6, 29}, 1)};
  f.plans.push_back(p1);
  f.plans.push_back(plan("P2", "乙检查", {2021, 6, 1}, {2021, 9, 30}, 10, 1, 3000.0 / 122));
  SafetyPlanFigures empty = plan("P3", "无企业", {2021, 5, 1}, {2021, 5, 31}, 0, 0, 100);
  f.plans.push_back(empty);  // no enterprises: no coverage, no plan warning
  return f;
}

TEST(SafetyRuleWarnings, TheDefaultsGiveTheFixedRulesWarningsAndReasons) {
  std::vector<Warning> w = safety_rule_warnings(june(), *default_warning_rules());
  ASSERT_EQ(subjects(w),
            (std::vector<std::string>{"safety_overdue_major_hazard:UA", "safety_plan_unfinished:P0",
                                      "safety_overdue_hazard:UD", "safety_overdue_hazard:UE",
                                      "safety_plan_behind:P2"}));
  EXPECT_EQ(w[0].level, WarningLevel::kRed);
  EXPECT_EQ(w[0].subject_kind, "enterprise");
  EXPECT_EQ(w[0].subject_name, "企业A");
  EXPECT_EQ(w[0].reason, "企业A重大隐患h1整改期限2021-06-20已过10天，仍未整改到位");
  EXPECT_EQ(w[0].reason_en,
            "Major hazard h1 of 企业A is 10 days past its rectification deadline "
            "2021-06-20");
  EXPECT_EQ(w[0].figures, (std::vector<std::pair<std::string, double>>{{"days_overdue", 10}}));
  EXPECT_FALSE(w[0].since.has_value());

  EXPECT_EQ(w[1].level, WarningLevel::kOrange);
  EXPECT_EQ(w[1].subject_kind, "safety_plan");
  EXPECT_EQ(w[1].reason, "五月检查已于2021-05-31结束，仍有1家企业未检查，检查覆盖率66.7%");
  EXPECT_EQ(w[1].reason_en,
            "五月检查 ended on 2021-05-31 with 1 enterprise unchecked (coverage 66.7%)");
  EXPECT_EQ(
      w[1].figures,
      (std::vector<std::pair<std::string, double>>{
          {"enterprises", 3}, {"checked", 2}, {"coverage", 200.0 / 3}, {"time_progress", 100}}));

  EXPECT_EQ(w[2].reason, "企业D一般隐患h5整改期限2021-06-25已过5天，仍未整改到位");
  EXPECT_EQ(w[3].reason_en,
            "Ordinary hazard h9 of 企业E is 1 day past its rectification deadline "
            "2021-06-29");
  EXPECT_EQ(w[4].level, WarningLevel::kYellow);
  EXPECT_EQ(w[4].reason, "乙检查检查覆盖率10.0%，落后于时间进度24.6%");
  EXPECT_EQ(w[4].reason_en,
            "乙检查 has checked 10.0% of its enterprises, behind its time progress "
            "of 24.6%");
}

TEST(SafetyRuleWarnings, ThresholdsAndLevelsAreData) {
  WarningRules rules = rules_of(R"(
[[warning]]
id = "hazard_week"
level = "orange"
kind = "safety_hazard_overdue"
days = 7
reason_zh = "{name}{level}隐患{hazard}逾期{overdue}，{whole}{period}"
reason_en = "{level} hazard {hazard}: {overdue}"

[[warning]]
id = "major_hazard"
level = "red"
kind = "safety_hazard_overdue"
ordinary = false
reason_zh = "{name}：{hazard}"

[[warning]]
id = "unfinished_below_60"
level = "blue"
kind = "safety_plan_unfinished"
coverage_below = 60
reason_zh = "{name}"

[[warning]]
id = "behind_10"
level = "yellow"
kind = "safety_plan_behind"
points = 10
reason_zh = "{name}落后{gap}个百分点（{from}起，{unchecked_enterprises}未查，覆盖{checked}/{enterprises}）"
)");
  std::vector<Warning> w = safety_rule_warnings(june(), rules, {"全省", "the province"});
  // h1: both hazard rules hold, the red one wins; h5 (5 days) and h9 (1 day) are within 7 days.
  // P0's 66.7% is not below 60. P2 is 14.6 points behind, beyond 10.
  ASSERT_EQ(subjects(w), (std::vector<std::string>{"major_hazard:UA", "behind_10:P2"}));
  EXPECT_EQ(w[0].level, WarningLevel::kRed);
  EXPECT_EQ(w[0].reason, "企业A：h1");
  EXPECT_EQ(w[0].reason_en, "企业A：h1");  // no reason_en: the Chinese text
  EXPECT_EQ(w[1].reason, "乙检查落后14.6个百分点（2021-06-01起，9家企业未查，覆盖1/10）");

  // Without the red rule, h1 (10 days, beyond 7) falls to the orange one.
  rules.rules.erase(rules.rules.begin() + 1);
  w = safety_rule_warnings(june(), rules, {"全省", "the province"});
  ASSERT_EQ(subjects(w), (std::vector<std::string>{"hazard_week:UA", "behind_10:P2"}));
  EXPECT_EQ(w[0].reason, "企业A重大隐患h1逾期10天，全省2021年6月");
  EXPECT_EQ(w[0].reason_en, "major hazard h1: 10 days");
}

TEST(SafetyRuleWarnings, NoSafetyRulesNoWarnings) {
  WarningRules rules = rules_of(R"(
[[warning]]
id = "overdue"
level = "yellow"
kind = "case_overdue"
days = 0
reason_zh = "{name}"
)");
  EXPECT_TRUE(safety_rule_warnings(june(), rules).empty());
  EXPECT_TRUE(safety_rule_warnings(SafetyFigures{}, *default_warning_rules()).empty());
}

TEST(SafetyRuleWarnings, TheParserRefusesBadSafetyRules) {
  Result<WarningRules> negative = parse_warning_rules(R"(
[[warning]]
id = "a"
level = "red"
kind = "safety_hazard_overdue"
days = -1
reason_zh = "{name}"
)",
                                                      "w.toml");
  ASSERT_FALSE(negative.has_value());
  EXPECT_NE(negative.error().message().find("w.toml:6"), std::string::npos)
      << negative.error().message();

  Result<WarningRules> placeholder = parse_warning_rules(R"(
[[warning]]
id = "b"
level = "yellow"
kind = "safety_plan_behind"
reason_zh = "{name}{deadline}"
)",
                                                         "w.toml");
  ASSERT_FALSE(placeholder.has_value());
  EXPECT_NE(placeholder.error().message().find("unknown placeholder {deadline}"), std::string::npos)
      << placeholder.error().message();

  Result<WarningRules> subject = parse_warning_rules(R"(
[[warning]]
id = "c"
level = "orange"
kind = "safety_plan_unfinished"
subject = "region"
reason_zh = "{name}"
)",
                                                     "w.toml");
  ASSERT_FALSE(subject.has_value());
  EXPECT_NE(subject.error().message().find("safety_plan"), std::string::npos)
      << subject.error().message();
}

}  // namespace
}  // namespace zhizao
