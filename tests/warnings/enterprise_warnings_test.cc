// The enterprise rules on hand-made records: output_falling (runs of months below last year's,
// January folded into February) and key_below_band; scope, ordering and the one-per-kind rule.
#include <gtest/gtest.h>

#include "warnings_test_support.h"

namespace zhizao {
namespace {

using testing::add_months;
using testing::figure;
using testing::firm;
using testing::output_row;
using testing::rules_of;
using testing::subjects;
using testing::warnings_of;

constexpr std::string_view kFalling3 = R"(
[[warning]]
id = "falling_3"
level = "yellow"
kind = "output_falling"
months = 3
reason_zh = "{name}产值自{since}起连续{months}个月同比下降，{period}同比{growth_change}"
reason_en = "{name}: below last year's for {months} months since {since}; {period}: {growth_change}"
)";

// A falls in every month of 2021 (90 against 100): 4 months since 2021-01, −10% in April.
// B falls but grows in April. C falls like A, in another county.
Dataset three_firms() {
  Dataset data;
  data.enterprises = {firm("A"), firm("B"), firm("C", "410303")};
  add_months(data, "A", {90, 90, 90, 90});
  add_months(data, "B", {90, 90, 90, 110});
  add_months(data, "C", {90, 90, 90, 90});
  return data;
}

const ReportRequest kApril{{2021, 4}, WindowKind::kCumulative, ""};

TEST(OutputFallingTest, RaisedForARunOfMonthsNotForAGrowingMonth) {
  std::vector<Warning> warnings = warnings_of(three_firms(), kApril, rules_of(kFalling3));
  ASSERT_EQ(subjects(warnings), (std::vector<std::string>{"falling_3:A", "falling_3:C"}));
  const Warning& a = warnings[0];
  EXPECT_EQ(a.level, WarningLevel::kYellow);
  EXPECT_EQ(a.subject_kind, "enterprise");
  EXPECT_EQ(a.subject_name, "企业A");
  EXPECT_EQ(figure(a, "months"), 4);
  EXPECT_DOUBLE_EQ(figure(a, "growth"), -10.0);
  EXPECT_EQ(figure(a, "output"), 90);
  EXPECT_EQ(figure(a, "output_prev"), 100);
  ASSERT_TRUE(a.since);
  EXPECT_EQ(*a.since, (YearMonth{2021, 1}));
  EXPECT_EQ(a.reason, "企业A产值自2021年1月起连续4个月同比下降，2021年4月同比下降10.0%");
  EXPECT_EQ(a.reason_en,
            "企业A: below last year's for 4 months since 2021-01; 2021-04: down 10.0%");
}

TEST(OutputFallingTest, NotRaisedForARunShorterThanAsked) {
  WarningRules rules = rules_of(R"(
[[warning]]
id = "falling_5"
level = "red"
kind = "output_falling"
months = 5
reason_zh = "{name}"
)");
  EXPECT_TRUE(warnings_of(three_firms(), kApril, rules).empty());
}

TEST(OutputFallingTest, BelowMinOutputOrNotKeyIsNotRaised) {
  WarningRules rules = rules_of(R"(
[[warning]]
id = "big"
level = "red"
kind = "output_falling"
months = 3
min_output = 95
reason_zh = "{name}"

[[warning]]
id = "key"
level = "red"
kind = "key_below_band"
below = -50
reason_zh = "{name}"

[[warning]]
id = "key_falling"
level = "orange"
kind = "output_falling"
months = 2
key_only = true
reason_zh = "{name}"
)");
  Dataset data = three_firms();
  data.enterprises[2].key = true;  // C
  EXPECT_EQ(subjects(warnings_of(data, kApril, rules)),
            (std::vector<std::string>{"key_falling:C"}));
}

TEST(OutputFallingTest, JanuaryReportedWithFebruaryIsPassedOver) {
  // D has no January 2021 row (January is inside February's) and falls from 2020-12 on; there
  // is no row of 2020-11, which ends the run: 4 months counted (Dec, Feb, Mar, Apr).
  Dataset data;
  data.enterprises = {firm("D")};
  data.monthly = {output_row("D", {2020, 12}, 90, 100), output_row("D", {2021, 2}, 180, 200),
                  output_row("D", {2021, 3}, 90, 100), output_row("D", {2021, 4}, 95, 100)};
  std::vector<Warning> warnings = warnings_of(data, kApril, rules_of(kFalling3));
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(figure(warnings[0], "months"), 4);
  EXPECT_NEAR(figure(warnings[0], "growth"), -5.0, 1e-12);
  EXPECT_EQ(*warnings[0].since, (YearMonth{2020, 12}));
}

TEST(OutputFallingTest, AMonthOutOfScopeEndsTheRun) {
  Dataset data = three_firms();
  for (MonthlyRecord& r : data.monthly) {
    if (r.uscc == "A" && r.period == YearMonth{2021, 2}) r.in_scope = false;
  }
  std::vector<Warning> warnings = warnings_of(data, kApril, rules_of(kFalling3));
  EXPECT_EQ(subjects(warnings), (std::vector<std::string>{"falling_3:C"}));  // A: 2 months only
}

TEST(OutputFallingTest, ScopeLimitsTheEnterprises) {
  ReportRequest county = kApril;
  county.scope = "410303";
  EXPECT_EQ(subjects(warnings_of(three_firms(), county, rules_of(kFalling3))),
            (std::vector<std::string>{"falling_3:C"}));
}

TEST(KeyBelowBandTest, RaisedBelowTheBandWithItsRun) {
  Dataset data;
  data.enterprises = {firm("K1", "410302", true), firm("K2", "410302", true)};
  add_months(data, "K1", {90, 90, 90, 90});      // −10% over 2021-01..04
  add_months(data, "K2", {100, 100, 100, 100});  // 0%
  WarningRules rules = rules_of(R"(
[[warning]]
id = "band"
level = "orange"
kind = "key_below_band"
below = -5
reason_zh = "重点企业{name}产值同比{growth_change}，低于{below}%的预警线"
)");
  std::vector<Warning> warnings = warnings_of(data, kApril, rules);
  ASSERT_EQ(subjects(warnings), (std::vector<std::string>{"band:K1"}));
  EXPECT_DOUBLE_EQ(figure(warnings[0], "growth"), -10.0);
  EXPECT_EQ(figure(warnings[0], "months"), 4);
  EXPECT_EQ(*warnings[0].since, (YearMonth{2021, 1}));
  EXPECT_EQ(warnings[0].reason, "重点企业企业K1产值同比下降10.0%，低于-5%的预警线");
}

TEST(WarningOrderTest, MostSevereOfAKindPerSubjectThenLevelRuleSubject) {
  Dataset data = three_firms();
  data.enterprises[0].key = true;  // A
  WarningRules rules = rules_of(R"(
[[warning]]
id = "z_falling_3"
level = "yellow"
kind = "output_falling"
months = 3
reason_zh = "{name}"

[[warning]]
id = "falling_4_key"
level = "red"
kind = "output_falling"
months = 4
key_only = true
reason_zh = "{name}"

[[warning]]
id = "a_band"
level = "yellow"
kind = "key_below_band"
below = 0
reason_zh = "{name}"
)");
  // A: red falling (the yellow falling of the same kind dropped) and yellow band; C: yellow.
  EXPECT_EQ(subjects(warnings_of(data, kApril, rules)),
            (std::vector<std::string>{"falling_4_key:A", "a_band:A", "z_falling_3:C"}));
}

}  // namespace
}  // namespace zhizao
