// Lagging projects at D, the last day of the period: on D exactly, 29 February, both kinds.
#include <gtest/gtest.h>

#include "steering/steering.h"
#include "steering/steering_test_data.h"

namespace zhizao {
namespace {

using testing::steering_project;

Dataset lagging_data() {
  Dataset data;
  Project on_d = steering_project("P1");  // planned start on D, not started: 0 days late
  on_d.planned_start = CivilDate{2024, 2, 29};
  Project started_on_d = steering_project("P2");
  started_on_d.planned_start = CivilDate{2024, 2, 29};
  started_on_d.actual_start = CivilDate{2024, 2, 29};
  Project planned_later = steering_project("P3");
  planned_later.planned_start = CivilDate{2024, 3, 1};
  Project started_after_d = steering_project("P4");  // its start after D does not count
  started_after_d.planned_start = CivilDate{2023, 12, 31};
  started_after_d.actual_start = CivilDate{2024, 3, 1};
  Project not_completed = steering_project("P5", "410802", "C1");
  not_completed.planned_start = CivilDate{2023, 6, 1};
  not_completed.actual_start = CivilDate{2023, 6, 1};
  not_completed.planned_completion = CivilDate{2024, 1, 31};
  not_completed.park = "park-1";
  not_completed.chain = "chain-1";
  not_completed.industry = "3412";
  Project both = steering_project("P10");
  both.planned_start = CivilDate{2023, 1, 1};
  both.planned_completion = CivilDate{2023, 12, 31};
  Project undated = steering_project("P6");
  Project completed = steering_project("P7");
  completed.planned_completion = CivilDate{2024, 2, 1};
  completed.actual_completion = CivilDate{2024, 2, 28};
  data.projects = {on_d,          started_on_d, planned_later, started_after_d,
                   not_completed, both,         undated,       completed};
  return data;
}

TEST(LaggingProjects, ByTheContractAtTheLastDayOfFebruaryInALeapYear) {
  Dataset data = lagging_data();
  std::vector<LaggingProject> lagging = lagging_projects(data, {}, {2024, 2});
  ASSERT_EQ(lagging.size(), 4u);
  // Sorted by id as text: "P10" before "P4".
  EXPECT_EQ(lagging[0].id, "P1");
  EXPECT_EQ(lagging[0].kind, LagKind::kStart);
  EXPECT_EQ(lagging[0].days_late, 0);
  EXPECT_EQ(lagging[1].id, "P10");
  EXPECT_EQ(lagging[1].kind, LagKind::kStartAndCompletion);
  EXPECT_EQ(lagging[1].days_late, 424);  // 2023-01-01 → 2024-02-29: 365 + 31 + 28
  EXPECT_EQ(lagging[2].id, "P4");
  EXPECT_EQ(lagging[2].kind, LagKind::kStart);
  EXPECT_EQ(lagging[2].days_late, 60);  // 2023-12-31 → 2024-02-29
  EXPECT_EQ(lagging[3].id, "P5");
  EXPECT_EQ(lagging[3].kind, LagKind::kCompletion);
  EXPECT_EQ(lagging[3].days_late, 29);  // 2024-01-31 → 2024-02-29
  EXPECT_EQ(lagging[3].region, "410802");
  EXPECT_EQ(lagging[3].park, "park-1");
  EXPECT_EQ(lagging[3].chain, "chain-1");
  EXPECT_EQ(lagging[3].industry, "3412");
  EXPECT_EQ(lagging[3].campaign, "C1");
}

TEST(LaggingProjects, AMonthLaterTheStartPlannedOnTheFirstLags) {
  std::vector<LaggingProject> lagging = lagging_projects(lagging_data(), {}, {2024, 3});
  ASSERT_EQ(lagging.size(), 4u);  // P3 lags now (planned 1 March); P4 started on 1 March
  EXPECT_EQ(lagging[0].id, "P1");
  EXPECT_EQ(lagging[0].days_late, 31);
  EXPECT_EQ(lagging[2].id, "P3");
  EXPECT_EQ(lagging[2].days_late, 30);
  EXPECT_EQ(lagging[3].id, "P5");
}

TEST(LaggingProjects, OnlyTheProjectsOfTheScope) {
  Dataset data = lagging_data();
  Result<detail::RegionScope> scope = detail::RegionScope::resolve(data, "410800");
  ASSERT_TRUE(scope.has_value());
  std::vector<LaggingProject> lagging = lagging_projects(data, *scope, {2024, 2});
  ASSERT_EQ(lagging.size(), 1u);
  EXPECT_EQ(lagging[0].id, "P5");
}

TEST(LaggingProjects, NoneBeforeAnyPlannedDate) {
  EXPECT_TRUE(lagging_projects(lagging_data(), {}, {2022, 12}).empty());
  EXPECT_TRUE(lagging_projects(Dataset{}, {}, {2024, 2}).empty());
}

}  // namespace
}  // namespace zhizao
