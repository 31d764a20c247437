// case_overdue on hand-made service figures: raised beyond the days, not at them, dated by the
// first overdue day, nothing without service figures.
#include <gtest/gtest.h>

#include "warnings_test_support.h"

namespace zhizao {
namespace {

using testing::figure;
using testing::rules_of;
using testing::subjects;
using testing::warnings_of_figures;

constexpr std::string_view kRules = R"(
[[warning]]
id = "overdue_30"
level = "orange"
kind = "case_overdue"
days = 30
reason_zh = "{name}的诉求（{id}）逾期{days_overdue}天未办结"
reason_en = "A case of {name} ({id}) is {days_overdue} days past its deadline"

[[warning]]
id = "overdue"
level = "yellow"
kind = "case_overdue"
days = 0
reason_zh = "{name}的诉求（{id}）逾期{days_overdue}天"
)";

OverdueCase overdue(std::string id, CivilDate deadline, long days, std::string name = "甲公司") {
  OverdueCase c;
  c.id = std::move(id);
  c.uscc = "U" + c.id;
  c.name = std::move(name);
  c.deadline = deadline;
  c.days_overdue = days;
  return c;
}

ReportData june_with(std::vector<OverdueCase> cases) {
  ReportData r;
  r.period = {2021, 6};
  r.service = ServiceFigures{};
  r.service->overdue = std::move(cases);
  return r;
}

TEST(CaseOverdueTest, TheMostSevereRuleBeyondItsDays) {
  // D = 2021-06-30. C1: deadline 05-15, 46 days; C2: deadline 06-29, 1 day; C3 exactly 30 days.
  std::vector<Warning> warnings = warnings_of_figures(
      june_with({overdue("C1", {2021, 5, 15}, 46), overdue("C2", {2021, 6, 29}, 1, ""),
                 overdue("C3", {2021, 5, 31}, 30)}),
      rules_of(kRules));
  ASSERT_EQ(subjects(warnings),
            (std::vector<std::string>{"overdue_30:C1", "overdue:C2", "overdue:C3"}));
  const Warning& c1 = warnings[0];
  EXPECT_EQ(c1.subject_kind, "case");
  EXPECT_EQ(c1.level, WarningLevel::kOrange);
  EXPECT_EQ(figure(c1, "days_overdue"), 46);
  EXPECT_EQ(c1.since, (YearMonth{2021, 5}));  // overdue from 05-16
  EXPECT_EQ(c1.reason, "甲公司的诉求（C1）逾期46天未办结");
  EXPECT_EQ(c1.reason_en, "A case of 甲公司 (C1) is 46 days past its deadline");
  EXPECT_EQ(warnings[1].subject_name, "UC2");          // no registered name: the code
  EXPECT_EQ(warnings[2].since, (YearMonth{2021, 6}));  // deadline on a month's last day
}

TEST(CaseOverdueTest, NothingWithoutOverdueCasesOrServiceFigures) {
  EXPECT_TRUE(warnings_of_figures(june_with({}), rules_of(kRules)).empty());
  ReportData none;
  none.period = {2021, 6};
  EXPECT_TRUE(warnings_of_figures(none, rules_of(kRules)).empty());
}

TEST(CaseOverdueTest, DaysMustBeAWholeNumberAtLeastZero) {
  Result<WarningRules> parsed = parse_warning_rules(R"(
[[warning]]
id = "bad"
level = "yellow"
kind = "case_overdue"
days = -1
reason_zh = "{name}"
)",
                                                    "bad.toml");
  ASSERT_FALSE(parsed);
  EXPECT_NE(parsed.error().message().find("bad.toml:"), std::string::npos);
}

}  // namespace
}  // namespace zhizao
