// complete_steering_figures: the early-out on empty tables, the request's scope.
#include <gtest/gtest.h>

#include "engine/engine_test_data.h"
#include "steering/steering.h"
#include "steering/steering_test_data.h"

namespace zhizao {
namespace {

TEST(CompleteSteering, EmptyTablesAddNothing) {
  Dataset data;
  data.enterprises = {testing::firm("A", "34")};
  detail::IndexedDataset records(data);
  ReportData report;
  ASSERT_TRUE(complete_steering_figures(records, {{2021, 4}, WindowKind::kCumulative, "nowhere"},
                                        report)
                  .is_ok());  // nothing to compute: not even the scope is looked at
  EXPECT_TRUE(report.projects.lagging.empty());
  EXPECT_TRUE(report.campaigns.empty());
  EXPECT_TRUE(report.targets.empty());
}

TEST(CompleteSteering, FillsAllThreeForTheRequestScope) {
  Dataset data;
  data.enterprises = {testing::firm("A", "34", "410302")};
  data.monthly = {testing::output_record("A", {2021, 4}, 100)};
  Project late = testing::steering_project("P1", "410302", "C1");
  late.planned_start = CivilDate{2021, 4, 1};
  Project elsewhere = testing::steering_project("P2", "410802", "C1");
  elsewhere.planned_start = CivilDate{2021, 4, 1};
  data.projects = {late, elsewhere};
  data.campaigns = {testing::campaign("C1", {2021, 4, 1}, {2021, 4, 30})};
  data.targets = {testing::target("T", TargetIndicator::kOutput, "410302", 2025, 1000)};
  detail::IndexedDataset records(data);
  ReportData report;
  ASSERT_TRUE(
      complete_steering_figures(records, {{2021, 4}, WindowKind::kMonthly, "410302"}, report)
          .is_ok());
  ASSERT_EQ(report.projects.lagging.size(), 1u);
  EXPECT_EQ(report.projects.lagging[0].id, "P1");
  EXPECT_EQ(report.projects.lagging[0].days_late, 29);
  ASSERT_EQ(report.campaigns.size(), 1u);
  EXPECT_EQ(report.campaigns[0].projects, 1);
  EXPECT_DOUBLE_EQ(report.campaigns[0].time_progress, 100);
  ASSERT_EQ(report.targets.size(), 1u);
  EXPECT_DOUBLE_EQ(report.targets[0].current, 100);
  EXPECT_FALSE(report.targets[0].pace_achieved.has_value());  // no previous-year figures
}

TEST(CompleteSteering, AnUnknownScopeIsAUsageError) {
  Dataset data;
  data.projects = {testing::steering_project("P1")};
  detail::IndexedDataset records(data);
  ReportData report;
  Status status =
      complete_steering_figures(records, {{2021, 4}, WindowKind::kCumulative, "nowhere"}, report);
  EXPECT_EQ(status.code(), StatusCode::kUsage);
}

}  // namespace
}  // namespace zhizao
