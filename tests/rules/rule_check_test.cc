// confront() on tests/data/cli/small (42 monthly records of six enterprises); the expected
// tallies are counted by hand from monthly.csv.
#include "rules/rule_check.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "rules/rules_test_support.h"

namespace zhizao {
namespace {

const RuleSummary& summary_of(const CheckReport& report, const std::string& id) {
  for (const RuleSummary& s : report.rules) {
    if (s.rule.id == id) return s;
  }
  throw std::runtime_error("no rule " + id);
}

class RuleCheckTest : public ::testing::Test {
 protected:
  RuleCheckTest() : small_("check") {
    auto data = small_.db().load();
    EXPECT_TRUE(data);
    data_ = *std::move(data);
  }
  testing::SmallDatabase small_;
  Dataset data_;
};

TEST_F(RuleCheckTest, SummarisesEachDefaultRule) {
  Result<CheckReport> report = confront(data_, default_rule_set(), {});
  ASSERT_TRUE(report) << report.error().to_string();
  EXPECT_EQ(report->records, 42);
  EXPECT_EQ(report->rules.size(), default_rule_set().rules.size());
  for (const RuleSummary& s : report->rules) {
    EXPECT_EQ(s.items, 42) << s.rule.id;
    EXPECT_EQ(s.passes + s.fails + s.missing, s.items) << s.rule.id;
  }
  const RuleSummary& required = summary_of(*report, "output_required");
  EXPECT_EQ(required.passes, 42);
  // 丙 (91410311MA400003XQ) reports no value added in any of its six months.
  const RuleSummary& within = summary_of(*report, "value_added_within_output");
  EXPECT_EQ(within.passes, 36);
  EXPECT_EQ(within.missing, 6);
  EXPECT_EQ(within.fails, 0);
  // Last year exists for the 23 records of 2021 (己 reports it, the others have 2020 stored);
  // 戊's output more than doubled (2570.4 / 1224 = 2.1) in each of its four 2021 months.
  const RuleSummary& yoy = summary_of(*report, "output_yoy_band");
  EXPECT_EQ(yoy.passes, 19);
  EXPECT_EQ(yoy.fails, 4);
  EXPECT_EQ(yoy.missing, 19);
  ASSERT_EQ(yoy.failures.size(), 4u);
  EXPECT_EQ(yoy.failures[0].uscc, "91410329MA400005XX");
  EXPECT_EQ(yoy.failures[0].period, (YearMonth{2021, 1}));
  // Year to date needs months 1..m: each January (and 丙's February, January folded in) has no
  // previous year-to-date: 8 + 2 + 1 missing.
  const RuleSummary& cumulative = summary_of(*report, "cumulative_not_below_previous");
  EXPECT_EQ(cumulative.missing, 11);
  EXPECT_EQ(cumulative.passes, 31);
}

TEST_F(RuleCheckTest, PeriodRestrictsTheRecordsButNotTheHistory) {
  CheckOptions options;
  options.period = YearMonth{2021, 4};
  options.failures_kept = 0;
  Result<CheckReport> report = confront(data_, default_rule_set(), options);
  ASSERT_TRUE(report);
  EXPECT_EQ(report->records, 6);
  const RuleSummary& yoy = summary_of(*report, "output_yoy_band");
  EXPECT_EQ(yoy.passes, 5);
  EXPECT_EQ(yoy.fails, 1);
  EXPECT_TRUE(yoy.failures.empty());
}

TEST_F(RuleCheckTest, JsonAndTextCarryTheTallies) {
  CheckOptions options;
  options.period = YearMonth{2021, 4};
  Result<CheckReport> report = confront(data_, default_rule_set(), options);
  ASSERT_TRUE(report);
  nlohmann::json json = check_report_to_json(*report);
  EXPECT_EQ(json["period"], "2021-04");
  EXPECT_EQ(json["records"], 6);
  EXPECT_EQ(json["rules_source"], "default");
  bool found = false;
  for (const auto& rule : json["rules"]) {
    if (rule["id"] != "output_yoy_band") continue;
    found = true;
    EXPECT_EQ(rule["severity"], "soft");
    EXPECT_EQ(rule["fails"], 1);
    EXPECT_EQ(rule["failures"][0]["uscc"], "91410329MA400005XX");
    EXPECT_EQ(rule["failures"][0]["period"], "2021-04");
  }
  EXPECT_TRUE(found);
  std::string text = check_report_to_text(*report);
  EXPECT_NE(text.find("records: 6 of 2021-04"), std::string::npos) << text;
  EXPECT_NE(text.find("91410329MA400005XX 2021-04"), std::string::npos) << text;
}

TEST_F(RuleCheckTest, OwnRulesFileIsUsed) {
  Result<RuleSet> rules = parse_rule_set(
      "[[rule]]\nid = \"big\"\nseverity = \"soft\"\nfield = \"output\"\n"
      "expression = \"output < 2000\"\ndescription_zh = \"大\"\n",
      "own.toml");
  ASSERT_TRUE(rules) << rules.error().to_string();
  CheckOptions options;
  options.period = YearMonth{2021, 4};
  Result<CheckReport> report = confront(data_, *rules, options);
  ASSERT_TRUE(report);
  ASSERT_EQ(report->rules.size(), 1u);
  // April 2021 outputs: 1274.4, 2889.0, 615.6, 2177.3, 2721.6, 561.6.
  EXPECT_EQ(report->rules[0].passes, 3);
  EXPECT_EQ(report->rules[0].fails, 3);
  EXPECT_EQ(report->rules_source, "own.toml");
}

TEST(RuleCheckEmptyTest, NoRecordsNoItems) {
  Result<CheckReport> report = confront(Dataset{}, default_rule_set(), {});
  ASSERT_TRUE(report);
  EXPECT_EQ(report->records, 0);
  for (const RuleSummary& s : report->rules) EXPECT_EQ(s.items, 0);
}

}  // namespace
}  // namespace zhizao
