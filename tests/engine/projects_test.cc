// Projects year to date: dates at the edges of the window and of the year.
#include <gtest/gtest.h>

#include "engine/engine.h"

namespace zhizao {
namespace {

Project project(std::string id, std::string region) {
  Project p;
  p.id = std::move(id);
  p.name = "项目" + p.id;
  p.region = std::move(region);
  p.total_investment = 1000;
  return p;
}

ProjectProgress progress(std::string id, YearMonth period, double investment) {
  ProjectProgress row;
  row.project_id = std::move(id);
  row.period = period;
  row.investment = investment;
  return row;
}

Dataset project_data() {
  Dataset data;
  Project first_day = project("P1", "410302");
  first_day.planned_start = CivilDate{2021, 1, 1};
  first_day.actual_start = CivilDate{2021, 3, 31};
  first_day.year_plan_investment = 400;
  Project last_day = project("P2", "410302");
  last_day.planned_start = CivilDate{2021, 3, 31};
  last_day.planned_completion = CivilDate{2021, 3, 31};
  last_day.actual_completion = CivilDate{2021, 2, 28};
  last_day.year_plan_investment = 600;
  Project after = project("P3", "410802");
  after.planned_start = CivilDate{2021, 4, 1};  // later this year
  after.actual_start = CivilDate{2021, 4, 1};
  after.planned_completion = CivilDate{2021, 12, 31};
  Project before = project("P4", "410802");
  before.planned_start = CivilDate{2020, 12, 31};  // last year
  before.actual_start = CivilDate{2020, 12, 31};
  before.planned_completion = CivilDate{2022, 1, 1};
  data.projects = {first_day, last_day, after, before};
  data.project_progress = {progress("P1", {2020, 12}, 1), progress("P1", {2021, 1}, 10),
                           progress("P2", {2021, 3}, 20), progress("P3", {2021, 3}, 40),
                           progress("P3", {2021, 4}, 100)};
  return data;
}

TEST(Projects, CountsAtTheWindowEdges) {
  Result<ReportData> report = compute_report(project_data(), {{2021, 3}, WindowKind::kMonthly, ""});
  ASSERT_TRUE(report.has_value());
  const ProjectFigures& projects = report->projects;
  EXPECT_EQ(projects.projects, 4);
  EXPECT_EQ(projects.planned_starts, 2);       // 1 Jan and 31 Mar
  EXPECT_EQ(projects.actual_starts, 1);        // 31 Mar
  EXPECT_EQ(projects.year_planned_starts, 3);  // and 1 Apr
  EXPECT_NEAR(*projects.start_share, 100.0 / 3, 1e-12);
  EXPECT_EQ(projects.planned_completions, 1);
  EXPECT_EQ(projects.actual_completions, 1);
  EXPECT_EQ(projects.year_planned_completions, 2);  // 31 Mar, 31 Dec
  EXPECT_NEAR(*projects.completion_share, 50, 1e-12);
  EXPECT_DOUBLE_EQ(projects.investment, 70);  // year to date even in a monthly report
  EXPECT_DOUBLE_EQ(projects.year_plan_investment, 1000);
  EXPECT_NEAR(*projects.investment_share, 7, 1e-12);
  EXPECT_NEAR(*projects.time_progress, 100.0 * 90 / 365, 1e-12);
}

TEST(Projects, LeapYearTimeProgress) {
  Result<ReportData> report = compute_report(Dataset{}, {{2020, 2}, WindowKind::kCumulative, ""});
  ASSERT_TRUE(report.has_value());
  EXPECT_NEAR(*report->projects.time_progress, 100.0 * 60 / 366, 1e-12);
}

TEST(Projects, ZeroDenominatorsGiveNull) {
  Result<ReportData> report = compute_report(Dataset{}, {{2021, 3}, WindowKind::kCumulative, ""});
  ASSERT_TRUE(report.has_value());
  EXPECT_FALSE(report->projects.start_share.has_value());
  EXPECT_FALSE(report->projects.completion_share.has_value());
  EXPECT_FALSE(report->projects.investment_share.has_value());
  EXPECT_EQ(report->projects.projects, 0);
}

TEST(Projects, ScopeRestrictsProjectsAndProgress) {
  Result<ReportData> report =
      compute_report(project_data(), {{2021, 3}, WindowKind::kCumulative, "410300"});
  ASSERT_TRUE(report.has_value());
  EXPECT_EQ(report->projects.projects, 2);
  EXPECT_EQ(report->projects.year_planned_starts, 2);
  EXPECT_DOUBLE_EQ(report->projects.investment, 30);
}

}  // namespace
}  // namespace zhizao
