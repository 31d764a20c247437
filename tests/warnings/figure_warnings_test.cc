// The rules over a report's figures, on hand-made figures: negative_pull, behind_city,
// electricity_diverging, project_lagging, target_pace and campaign_behind, each raised and not.
#include <gtest/gtest.h>

#include "warnings_test_support.h"

namespace zhizao {
namespace {

using testing::figure;
using testing::rules_of;
using testing::subjects;
using testing::warnings_of_figures;

SetFigures set(std::string code, std::optional<double> growth, std::optional<double> pull = {}) {
  SetFigures s;
  s.code = std::move(code);
  s.name = "名" + s.code;
  s.value_added_growth = growth;
  s.pull = pull;
  return s;
}

ReportData april() {
  ReportData r;
  r.period = {2021, 4};
  return r;
}

TEST(NegativePullTest, DivisionBeyondThePointsOnly) {
  ReportData r = april();
  r.divisions = {set("34", -5.0, -0.6), set("35", -1.0, -0.05), set("36", 8.0, 0.9)};
  r.regions = {set("410302", -9.0, -2.0)};  // a region: not the rule's subject
  WarningRules rules = rules_of(R"(
[[warning]]
id = "pull"
level = "red"
kind = "negative_pull"
subject = "division"
beyond = 0.5
reason_zh = "{name}增加值同比{growth_change}，下拉{pull_abs}个百分点"
reason_en = "{name} {growth_change}, pulling down {pull_abs} points"
)");
  std::vector<Warning> warnings = warnings_of_figures(r, rules);
  ASSERT_EQ(subjects(warnings), (std::vector<std::string>{"pull:34"}));
  EXPECT_EQ(warnings[0].subject_kind, "division");
  EXPECT_DOUBLE_EQ(figure(warnings[0], "pull"), -0.6);
  EXPECT_EQ(warnings[0].reason, "名34增加值同比下降5.0%，下拉0.6个百分点");
  EXPECT_EQ(warnings[0].reason_en, "名34 down 5.0%, pulling down 0.6 points");
}

TEST(BehindCityTest, CountyMoreThanThePointsBelowTheWhole) {
  ReportData r = april();
  r.industry.value_added_growth = 8.0;
  r.regions = {set("410302", 2.0), set("410303", 4.0), set("410304", std::nullopt)};
  WarningRules rules = rules_of(R"(
[[warning]]
id = "behind"
level = "orange"
kind = "behind_city"
points = 4
reason_zh = "{name}增长{growth}%，低于全市{gap}个百分点"
)");
  std::vector<Warning> warnings = warnings_of_figures(r, rules);
  ASSERT_EQ(subjects(warnings), (std::vector<std::string>{"behind:410302"}));  // gap 4: not
  EXPECT_EQ(warnings[0].subject_kind, "region");
  EXPECT_DOUBLE_EQ(figure(warnings[0], "gap"), 6.0);
  EXPECT_DOUBLE_EQ(figure(warnings[0], "city_growth"), 8.0);
  EXPECT_EQ(warnings[0].reason, "名410302增长2.0%，低于全市6.0个百分点");
}

TEST(BehindCityTest, TheWholeIsNamedAsTheAreaIs) {
  // {whole}: 全省 when the report is a province's (issue 16), 全国 for the country, and the
  // scope's word when the report is scoped to a county.
  ReportData r = april();
  r.industry.value_added_growth = 8.0;
  r.regions = {set("410200", 1.0)};
  WarningRules rules = rules_of(R"(
[[warning]]
id = "behind"
level = "orange"
kind = "behind_city"
points = 4
reason_zh = "{name}低于{whole}{gap}个百分点"
reason_en = "{name}: {gap} points below {whole}"
)");
  r.area = {"410000", "河南省", AreaLevel::kProvince};
  std::vector<Warning> province = warnings_of_figures(r, rules);
  ASSERT_EQ(province.size(), 1U);
  EXPECT_EQ(province[0].reason, "名410200低于全省7.0个百分点");
  EXPECT_EQ(province[0].reason_en, "名410200: 7.0 points below the province");
  r.area = country_area();
  EXPECT_EQ(warnings_of_figures(r, rules)[0].reason, "名410200低于全国7.0个百分点");
  r.area = {"410300", "洛阳市", AreaLevel::kCity};
  EXPECT_EQ(warnings_of_figures(r, rules, "410323")[0].reason, "名410200低于全县7.0个百分点");
}

TEST(ElectricityDivergingTest, ElectricityFallingWhileOutputRises) {
  ReportData r = april();
  SetFigures up = set("410302", 3.0);
  up.electricity_growth = -3.0;
  up.output_growth = 2.0;
  SetFigures both_down = set("410303", -1.0);
  both_down.electricity_growth = -1.0;
  both_down.output_growth = -2.0;
  SetFigures both_up = set("410304", 5.0);
  both_up.electricity_growth = 1.0;
  both_up.output_growth = 6.0;
  r.regions = {up, both_down, both_up};
  WarningRules rules = rules_of(R"(
[[warning]]
id = "diverging"
level = "yellow"
kind = "electricity_diverging"
subject = "region"
reason_zh = "{name}用电量同比{electricity_growth_change}，而产值同比{output_growth_change}"
)");
  std::vector<Warning> warnings = warnings_of_figures(r, rules);
  ASSERT_EQ(subjects(warnings), (std::vector<std::string>{"diverging:410302"}));
  EXPECT_EQ(warnings[0].reason, "名410302用电量同比下降3.0%，而产值同比增长2.0%");
}

TEST(ProjectLaggingTest, MoreThanTheDaysLateSinceTheFirstLateDay) {
  ReportData r = april();
  LaggingProject p1;
  p1.id = "P1";
  p1.name = "项目一";
  p1.days_late = 120;  // planned 2020-12-31: late from 2021-01-01
  LaggingProject p2 = p1;
  p2.id = "P2";
  p2.days_late = 90;  // not more than 90
  r.projects.lagging = {p1, p2};
  WarningRules rules = rules_of(R"(
[[warning]]
id = "late"
level = "orange"
kind = "project_lagging"
days = 90
reason_zh = "{name}滞后计划{days_late}天"
)");
  std::vector<Warning> warnings = warnings_of_figures(r, rules);
  ASSERT_EQ(subjects(warnings), (std::vector<std::string>{"late:P1"}));
  EXPECT_EQ(warnings[0].subject_kind, "project");
  EXPECT_EQ(*warnings[0].since, (YearMonth{2021, 1}));
  EXPECT_EQ(warnings[0].reason, "项目一滞后计划120天");
}

TEST(TargetPaceTest, NeededPaceMoreThanTwiceTheAchieved) {
  ReportData r = april();
  auto target = [](std::string id, std::optional<double> needed, std::optional<double> achieved) {
    TargetFigures t;
    t.id = std::move(id);
    t.name = "目标" + t.id;
    t.pace_needed = needed;
    t.pace_achieved = achieved;
    return t;
  };
  r.targets = {target("T1", 10.0, 4.0),   // 10 > 8: raised
               target("T2", 6.0, 4.0),    // 6 ≤ 8
               target("T3", 5.0, -1.0),   // growth needed, output falling: raised
               target("T4", -2.0, -5.0),  // already reached
               target("T5", std::nullopt, 3.0)};
  WarningRules rules = rules_of(R"(
[[warning]]
id = "pace"
level = "red"
kind = "target_pace"
reason_zh = "{name}尚需年均增长{pace_needed}%，近12个月{pace_achieved_change}"
)");
  std::vector<Warning> warnings = warnings_of_figures(r, rules);
  ASSERT_EQ(subjects(warnings), (std::vector<std::string>{"pace:T1", "pace:T3"}));
  EXPECT_EQ(warnings[0].subject_kind, "target");
  EXPECT_EQ(warnings[1].reason, "目标T3尚需年均增长5.0%，近12个月下降1.0%");
}

TEST(CampaignBehindTest, BehindTimeProgressForTheWholeDataOnly) {
  ReportData r = april();
  CampaignFigures behind;
  behind.id = "C1";
  behind.name = "百日攻坚";
  behind.time_progress = 60;
  behind.investment_progress = 45;
  CampaignFigures near = behind;
  near.id = "C2";
  near.investment_progress = 55;
  CampaignFigures no_plan = behind;
  no_plan.id = "C3";
  no_plan.investment_progress = std::nullopt;
  r.campaigns = {behind, near, no_plan};
  WarningRules rules = rules_of(R"(
[[warning]]
id = "campaign"
level = "orange"
kind = "campaign_behind"
points = 10
reason_zh = "{name}完成计划投资的{investment_progress}%，落后时间进度{gap}个百分点"
)");
  std::vector<Warning> warnings = warnings_of_figures(r, rules);
  ASSERT_EQ(subjects(warnings), (std::vector<std::string>{"campaign:C1"}));
  EXPECT_EQ(warnings[0].subject_kind, "campaign");
  EXPECT_EQ(warnings[0].reason, "百日攻坚完成计划投资的45.0%，落后时间进度15.0个百分点");
  EXPECT_TRUE(warnings_of_figures(r, rules, "410302").empty());
}

TEST(WarningOrderTest, LevelThenRuleThenSubject) {
  ReportData r = april();
  r.divisions = {set("35", -1.0, -0.2), set("34", -1.0, -0.3)};
  r.regions = {set("410302", -1.0, -0.3)};
  WarningRules rules = rules_of(R"(
[[warning]]
id = "b_divisions"
level = "blue"
kind = "negative_pull"
subject = "division"
beyond = 0
reason_zh = "{name}"

[[warning]]
id = "a_divisions"
level = "blue"
kind = "negative_pull"
subject = "division"
beyond = 0.25
reason_zh = "{name}"

[[warning]]
id = "regions"
level = "red"
kind = "negative_pull"
subject = "region"
beyond = 0
reason_zh = "{name}"
)");
  // 34 is raised by both blue rules of one kind: the first in the file (b_divisions) is kept.
  EXPECT_EQ(subjects(warnings_of_figures(r, rules)),
            (std::vector<std::string>{"regions:410302", "b_divisions:34", "b_divisions:35"}));
}

}  // namespace
}  // namespace zhizao
