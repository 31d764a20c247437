// The safety figures and warnings on the hand-made records of safety_fixture.h, every expected
// value computed by hand in the comments (docs/safety.md "Figures", "Warnings").
#include "safety/safety_figures.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "safety/safety_fixture.h"

namespace zhizao {
namespace {

using testing_support::code;
using testing_support::day;

SafetyFigures figures_at(const CivilDate& as_of, const std::string& scope = "",
                         CivilDate window_first = {2021, 1, 1}) {
  Result<std::optional<SafetyFigures>> figures =
      compute_safety_figures(testing_support::safety_register(),
                             testing_support::safety_enterprises(), {as_of, window_first, scope});
  EXPECT_TRUE(figures.has_value());
  EXPECT_TRUE(figures.has_value() && figures->has_value());
  return figures && *figures ? **figures : SafetyFigures{};
}

const SafetyPlanFigures& plan(const SafetyFigures& figures, const std::string& id) {
  static const SafetyPlanFigures kNone;
  for (const SafetyPlanFigures& p : figures.plans) {
    if (p.id == id) return p;
  }
  ADD_FAILURE() << "no plan " << id;
  return kNone;
}

std::vector<std::string> rules(const std::vector<Warning>& warnings) {
  std::vector<std::string> out;
  for (const Warning& w : warnings) out.push_back(w.rule + ":" + w.subject_id);
  return out;
}

TEST(SafetyFigures, PlanOneAtTheEndOfJune) {
  SafetyFigures figures = figures_at(day(2021, 6, 30));
  // P1 and P2 meet 2021-01-01..06-30; P3 starts in October.
  ASSERT_EQ(figures.plans.size(), 2u);
  EXPECT_EQ(figures.plans[0].id, "P1");
  EXPECT_EQ(figures.plans[1].id, "P2");
  const SafetyPlanFigures& p1 = plan(figures, "P1");
  // In scope: A (09), B (08), C (10), E (09); D is division 34. Checked by 30 June: A (c1), B
  // (c2); C's check is on 5 July.
  EXPECT_EQ(p1.enterprises, 4);
  EXPECT_EQ(p1.checked, 2);
  ASSERT_EQ(p1.unchecked.size(), 2u);
  EXPECT_EQ(p1.unchecked[0].uscc, std::min(code('C'), code('E')));
  EXPECT_EQ(p1.unchecked[1].uscc, std::max(code('C'), code('E')));
  ASSERT_TRUE(p1.coverage.has_value());
  EXPECT_DOUBLE_EQ(*p1.coverage, 50.0);
  // 30 of the 122 days from 1 June to 30 September.
  EXPECT_DOUBLE_EQ(p1.time_progress, 100.0 * 30 / 122);
  // h1..h5 found by 30 June (h6 on 1 July). Rectified: h2 (passed), h3 (awaiting); h4 failed its
  // re-inspection. Open h1, h4, h5; overdue h1 (20 June), h5 (25 June); h4 has until 20 July.
  EXPECT_EQ(p1.hazards, (HazardCounts{5, 2, 3, 2, 1}));
  EXPECT_EQ(p1.major, (HazardCounts{2, 0, 2, 1, 0}));
  EXPECT_EQ(p1.ordinary, (HazardCounts{3, 2, 1, 1, 1}));
  ASSERT_EQ(p1.by_county.size(), 2u);
  EXPECT_EQ(p1.by_county[0].region, "410324");  // B: h3, h4
  EXPECT_EQ(p1.by_county[0].name, "栾川县");
  EXPECT_EQ(p1.by_county[0].counts, (HazardCounts{2, 1, 1, 0, 1}));
  EXPECT_EQ(p1.by_county[1].region, "410328");  // A: h1, h2; D: h5
  EXPECT_EQ(p1.by_county[1].counts, (HazardCounts{3, 1, 2, 2, 0}));
  ASSERT_EQ(p1.overdue_hazards.size(), 2u);
  EXPECT_EQ(p1.overdue_hazards[0].id, "h1");
  EXPECT_EQ(p1.overdue_hazards[0].level, "major");
  EXPECT_EQ(p1.overdue_hazards[0].days_overdue, 10);
  EXPECT_EQ(p1.overdue_hazards[0].enterprise.uscc, code('A'));
  EXPECT_EQ(p1.overdue_hazards[1].id, "h5");
  EXPECT_EQ(p1.overdue_hazards[1].days_overdue, 5);
  ASSERT_EQ(p1.roster_gaps.size(), 2u);  // 21 June has a night shift
  EXPECT_EQ(p1.roster_gaps[0], day(2021, 6, 19));
  EXPECT_EQ(p1.roster_gaps[1], day(2021, 6, 20));
}

TEST(SafetyFigures, EndedPlanWithItsRegion) {
  const SafetyFigures figures = figures_at(day(2021, 6, 30));
  const SafetyPlanFigures& p2 = plan(figures, "P2");
  // Division 09 in 洛宁: A only (E is in 栾川); checked by c5 on 10 May.
  EXPECT_EQ(p2.enterprises, 1);
  EXPECT_EQ(p2.checked, 1);
  EXPECT_TRUE(p2.unchecked.empty());
  EXPECT_DOUBLE_EQ(*p2.coverage, 100.0);
  EXPECT_DOUBLE_EQ(p2.time_progress, 100.0);
  EXPECT_EQ(p2.hazards, (HazardCounts{1, 1, 0, 0, 1}));  // h7 rectified, not re-inspected
  EXPECT_EQ(p2.roster_gaps.size(), 31u);                 // no roster in May
}

TEST(SafetyFigures, ScopeRestrictsEnterprisesAndHazards) {
  const SafetyFigures figures = figures_at(day(2021, 6, 30), "410324");
  const SafetyPlanFigures& p1 = plan(figures, "P1");
  // 栾川: B and E; B checked; hazards h3 and h4 of B.
  EXPECT_EQ(p1.enterprises, 2);
  EXPECT_EQ(p1.checked, 1);
  EXPECT_EQ(p1.hazards, (HazardCounts{2, 1, 1, 0, 1}));
  EXPECT_TRUE(p1.overdue_hazards.empty());
}

TEST(SafetyFigures, ChecksAndHazardsCountOnlyUpToTheDay) {
  const SafetyFigures figures = figures_at(day(2021, 6, 10));
  const SafetyPlanFigures& p1 = plan(figures, "P1");
  // By 10 June: c1 (A) only; c3 (D) is out of the divisions. Hazards h1, h2 (5 June), h5 (10
  // June); h2 is rectified on the 15th: none rectified, none past a deadline (20 and 25 June).
  EXPECT_EQ(p1.checked, 1);
  EXPECT_EQ(p1.hazards, (HazardCounts{3, 0, 3, 0, 0}));
  EXPECT_DOUBLE_EQ(p1.time_progress, 100.0 * 10 / 122);
  EXPECT_TRUE(p1.roster_gaps.empty());
}

TEST(SafetyFigures, WindowAndSeasonChooseThePlans) {
  // A July report (--monthly): P2 ended in May.
  SafetyFigures july = figures_at(day(2021, 7, 31), "", day(2021, 7, 1));
  ASSERT_EQ(july.plans.size(), 1u);
  EXPECT_EQ(july.plans[0].id, "P1");
  // Before any season: no figures at all.
  Result<std::optional<SafetyFigures>> april = compute_safety_figures(
      testing_support::safety_register(), testing_support::safety_enterprises(),
      {day(2021, 4, 30), day(2021, 1, 1), ""});
  ASSERT_TRUE(april.has_value());
  EXPECT_FALSE(april->has_value());
  Result<std::optional<SafetyFigures>> none = compute_safety_figures(
      {}, testing_support::safety_enterprises(), {day(2021, 6, 30), day(2021, 1, 1), ""});
  ASSERT_TRUE(none.has_value());
  EXPECT_FALSE(none->has_value());
}

TEST(SafetyFigures, UnknownScopeIsAUsageError) {
  Result<std::optional<SafetyFigures>> figures = compute_safety_figures(
      testing_support::safety_register(), testing_support::safety_enterprises(),
      {day(2021, 6, 30), day(2021, 1, 1), "nowhere"});
  ASSERT_FALSE(figures.has_value());
  EXPECT_EQ(figures.error().code(), StatusCode::kUsage);
}

TEST(SafetyWarnings, OverdueHazardsAtTheEndOfJune) {
  std::vector<Warning> warnings = safety_warnings(figures_at(day(2021, 6, 30)));
  // Red: h1 (major, A). Orange: h5 (ordinary, D). P1 runs ahead of time (50% ≥ 24.6%); P2 ended
  // with every enterprise checked: no plan warning.
  EXPECT_EQ(rules(warnings), (std::vector<std::string>{"safety_overdue_major_hazard:" + code('A'),
                                                       "safety_overdue_hazard:" + code('D')}));
  EXPECT_EQ(warnings[0].level, WarningLevel::kRed);
  EXPECT_EQ(warnings[0].subject_kind, "enterprise");
  EXPECT_EQ(warnings[0].figures,
            (std::vector<std::pair<std::string, double>>{{"days_overdue", 10}}));
  EXPECT_NE(warnings[0].reason.find("h1"), std::string::npos);
  EXPECT_EQ(warnings[1].level, WarningLevel::kOrange);
}

TEST(SafetyWarnings, NoneBeforeAnyDeadline) {
  EXPECT_TRUE(safety_warnings(figures_at(day(2021, 6, 10))).empty());
}

TEST(SafetyWarnings, PlanBehindItsTimeProgress) {
  // 15 September: 107 of 122 days (87.7%); A, B, C checked (75%) → yellow for P1.
  std::vector<Warning> warnings = safety_warnings(figures_at(day(2021, 9, 15)));
  auto behind = std::find_if(warnings.begin(), warnings.end(),
                             [](const Warning& w) { return w.rule == "safety_plan_behind"; });
  ASSERT_NE(behind, warnings.end());
  EXPECT_EQ(behind->level, WarningLevel::kYellow);
  EXPECT_EQ(behind->subject_kind, "safety_plan");
  EXPECT_EQ(behind->subject_id, "P1");
  EXPECT_EQ(warnings.back().rule, "safety_plan_behind");  // the least severe last
}

TEST(SafetyWarnings, PlanPastItsEndWithEnterprisesUnchecked) {
  // 31 October: P1 ended on 30 September with E unchecked → orange; P3's last day, B unchecked
  // (0% against 100%) → yellow, not "unfinished"; h1, h4 (major) red; h5, h6 (ordinary) orange.
  std::vector<Warning> warnings = safety_warnings(figures_at(day(2021, 10, 31)));
  EXPECT_EQ(
      rules(warnings),
      (std::vector<std::string>{
          "safety_overdue_major_hazard:" + code('A'), "safety_overdue_major_hazard:" + code('B'),
          "safety_overdue_hazard:" + code('D'), "safety_overdue_hazard:" + code('A'),
          "safety_plan_unfinished:P1", "safety_plan_behind:P3"}));
}

TEST(SafetyFigures, RequestOfAReport) {
  ReportData report;
  report.period = {2021, 6};
  report.window_from = {2021, 6};
  report.scope = "410328";
  SafetyFigureRequest request = safety_request_of(report);
  EXPECT_EQ(request.as_of, day(2021, 6, 30));
  EXPECT_EQ(request.window_first, day(2021, 6, 1));
  EXPECT_EQ(request.scope, "410328");
}

}  // namespace
}  // namespace zhizao
