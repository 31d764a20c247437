// Campaigns: the window from `from` to min(to, D), a campaign ending before D, one starting
// after D, one starting on D, 29 February.
#include <gtest/gtest.h>

#include "steering/steering.h"
#include "steering/steering_test_data.h"

namespace zhizao {
namespace {

using testing::campaign;
using testing::progress_row;
using testing::steering_project;

Dataset campaign_data() {
  Dataset data;
  Campaign hundred_days = campaign("C1", {2021, 3, 1}, {2021, 6, 8});  // 100 days
  hundred_days.planned_investment = 74;
  hundred_days.planned_starts = 3;
  Campaign ended = campaign("C2", {2021, 1, 10}, {2021, 3, 20});  // 70 days, ends before D
  Campaign later = campaign("C3", {2021, 5, 1}, {2021, 8, 8});    // starts after D
  Campaign from_d = campaign("C4", {2021, 4, 30}, {2021, 5, 9});  // 10 days, starts on D
  data.campaigns = {hundred_days, ended, later, from_d};

  Project p1 = steering_project("P1", "410302", "C1");
  p1.actual_start = CivilDate{2021, 3, 1};       // on `from`: counts
  p1.actual_completion = CivilDate{2021, 5, 1};  // after D
  Project p2 = steering_project("P2", "410802", "C1");
  p2.actual_start = CivilDate{2021, 2, 28};       // before `from`
  p2.actual_completion = CivilDate{2021, 4, 30};  // on D: counts
  Project p3 = steering_project("P3", "410302", "C2");
  p3.actual_start = CivilDate{2021, 3, 20};       // on `to`: counts
  p3.actual_completion = CivilDate{2021, 3, 21};  // after `to`
  Project p4 = steering_project("P4", "410302", "C3");
  p4.actual_start = CivilDate{2021, 4, 15};
  Project p5 = steering_project("P5", "410302", "C4");
  p5.actual_start = CivilDate{2021, 4, 30};
  Project free = steering_project("P6");  // no campaign
  free.actual_start = CivilDate{2021, 4, 1};
  data.projects = {p1, p2, p3, p4, p5, free};
  data.project_progress = {progress_row("P1", {2021, 2}, 5),   progress_row("P1", {2021, 3}, 10),
                           progress_row("P1", {2021, 4}, 20),  progress_row("P1", {2021, 5}, 40),
                           progress_row("P2", {2021, 4}, 7),   progress_row("P3", {2021, 1}, 3),
                           progress_row("P3", {2021, 3}, 4),   progress_row("P3", {2021, 4}, 100),
                           progress_row("P4", {2021, 4}, 9),   progress_row("P5", {2021, 4}, 11),
                           progress_row("P6", {2021, 4}, 1000)};
  return data;
}

TEST(Campaigns, FiguresOverTheWindowToTheEndOfApril) {
  std::vector<CampaignFigures> campaigns = campaign_figures(campaign_data(), {}, {2021, 4});
  ASSERT_EQ(campaigns.size(), 4u);
  const CampaignFigures& c1 = campaigns[0];
  EXPECT_EQ(c1.id, "C1");
  EXPECT_EQ(c1.projects, 2);
  EXPECT_DOUBLE_EQ(c1.investment, 37);  // 10 + 20 of P1 (March, April) + 7 of P2
  EXPECT_EQ(c1.actual_starts, 1);
  EXPECT_EQ(c1.actual_completions, 1);
  EXPECT_DOUBLE_EQ(c1.time_progress, 61);  // 31 + 30 of 100 days
  EXPECT_DOUBLE_EQ(*c1.investment_progress, 50);
  EXPECT_EQ(*c1.planned_starts, 3);
  EXPECT_FALSE(c1.planned_completions.has_value());

  const CampaignFigures& c2 = campaigns[1];  // ended on 20 March: E = to
  EXPECT_DOUBLE_EQ(c2.investment, 7);        // January and March; April is after E
  EXPECT_EQ(c2.actual_starts, 1);
  EXPECT_EQ(c2.actual_completions, 0);
  EXPECT_DOUBLE_EQ(c2.time_progress, 100);
  EXPECT_FALSE(c2.investment_progress.has_value());

  const CampaignFigures& c3 = campaigns[2];  // starts after D: zeros
  EXPECT_EQ(c3.projects, 1);
  EXPECT_DOUBLE_EQ(c3.investment, 0);
  EXPECT_EQ(c3.actual_starts, 0);
  EXPECT_DOUBLE_EQ(c3.time_progress, 0);

  const CampaignFigures& c4 = campaigns[3];  // starts on D: one day of ten
  EXPECT_DOUBLE_EQ(c4.investment, 11);
  EXPECT_EQ(c4.actual_starts, 1);
  EXPECT_DOUBLE_EQ(c4.time_progress, 10);
}

TEST(Campaigns, OnlyTheProjectsOfTheScope) {
  Dataset data = campaign_data();
  Result<detail::RegionScope> scope = detail::RegionScope::resolve(data, "410302");
  ASSERT_TRUE(scope.has_value());
  std::vector<CampaignFigures> campaigns = campaign_figures(data, *scope, {2021, 4});
  EXPECT_EQ(campaigns[0].projects, 1);
  EXPECT_DOUBLE_EQ(campaigns[0].investment, 30);
  EXPECT_EQ(campaigns[0].actual_completions, 0);
}

TEST(Campaigns, TimeProgressOverTwentyNineFebruaryDays) {
  Dataset data;
  data.campaigns = {campaign("L", {2024, 2, 1}, {2024, 3, 31})};  // 29 + 31 = 60 days
  std::vector<CampaignFigures> campaigns = campaign_figures(data, {}, {2024, 2});
  ASSERT_EQ(campaigns.size(), 1u);
  EXPECT_DOUBLE_EQ(campaigns[0].time_progress, 100.0 * 29 / 60);
  EXPECT_EQ(campaigns[0].projects, 0);
  EXPECT_DOUBLE_EQ(campaigns[0].investment, 0);
}

TEST(Campaigns, EndingBeforeItStartsHasNoTimeProgress) {
  Dataset data;
  data.campaigns = {campaign("X", {2024, 2, 10}, {2024, 2, 1})};
  std::vector<CampaignFigures> campaigns = campaign_figures(data, {}, {2024, 2});
  ASSERT_EQ(campaigns.size(), 1u);
  EXPECT_DOUBLE_EQ(campaigns[0].time_progress, 0);
}

TEST(Campaigns, NoneWithoutCampaigns) {
  Dataset data = campaign_data();
  data.campaigns.clear();
  EXPECT_TRUE(campaign_figures(data, {}, {2021, 4}).empty());
}

}  // namespace
}  // namespace zhizao
