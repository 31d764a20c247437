// Targets at 2021-04 (the 12 months 2020-05..2021-04): each indicator, each kind of scope, the
// January fold of the v1 rules, year ≤ Y and counts without a pace needed, current 0.
#include <cmath>

#include <gtest/gtest.h>

#include "engine/engine_test_data.h"
#include "steering/steering.h"
#include "steering/steering_test_data.h"

namespace zhizao {
namespace {

using testing::firm;
using testing::output_record;
using testing::target;

constexpr YearMonth kPeriod{2021, 4};

MonthlyRecord with_prev(MonthlyRecord record, double output_prev) {
  record.output_prev = output_prev;
  return record;
}

// A (division 34, 老城区, park P-a, chain C-x): 100 a month with 80 a year before; 2020-06 out of
// scope at 300. Current 11 × 100 + 300 = 1400; pairs 1100 against 880 (+25%).
// B (division 44, 老城区, park P-a): 2021 with January folded into February (1000), March and
// April 500; 2020 reported apart at 250 a month. Current 2000; pairs 2000 against 1000 (+100%).
// C (division 13, 解放区 of 焦作, chain C-x): 2021-03 at 600 against 400 (+50%).
Dataset target_data() {
  Dataset data;
  Enterprise a = firm("A", "34", "410302");
  a.park = "P-a";
  a.chains = {"C-x"};
  Enterprise b = firm("B", "44", "410302");
  b.park = "P-a";
  Enterprise c = firm("C", "13", "410802");
  c.chains = {"C-x"};
  data.enterprises = {a, b, c};
  data.monthly.push_back(output_record("A", {2020, 4}, 1000));  // before the 12 months
  for (int offset = -11; offset <= 0; ++offset) {
    YearMonth month = kPeriod.plus_months(offset);
    MonthlyRecord record = with_prev(output_record("A", month, 100), 80);
    if (month == YearMonth{2020, 6}) {
      record.output = 300;
      record.in_scope = false;
    }
    data.monthly.push_back(record);
  }
  for (int month = 1; month <= 4; ++month) {
    data.monthly.push_back(output_record("B", {2020, month}, 250));
  }
  data.monthly.push_back(output_record("B", {2021, 2}, 1000));
  data.monthly.push_back(output_record("B", {2021, 3}, 500));
  data.monthly.push_back(output_record("B", {2021, 4}, 500));
  data.monthly.push_back(with_prev(output_record("C", {2021, 3}, 600), 400));
  data.parks = {{"P-a", "园区A", "410302", ""}};
  data.chains = {{"C-x", "链X"}};
  data.region_groups = {{"metro", "都市圈", {"410300", "410800"}}};
  return data;
}

std::vector<TargetFigures> figures_of(const Dataset& data, const std::string& report_scope = "") {
  detail::IndexedDataset records(data);
  Result<detail::RegionScope> scope = detail::RegionScope::resolve(data, report_scope);
  EXPECT_TRUE(scope.has_value());
  return target_figures(records, kPeriod, *scope);
}

TEST(Targets, OutputOfACountyWithThePaceNeededAndAchieved) {
  Dataset data = target_data();
  data.targets = {target("T1", TargetIndicator::kOutput, "410302", 2025, 6800)};
  std::vector<TargetFigures> targets = figures_of(data);
  ASSERT_EQ(targets.size(), 1u);
  const TargetFigures& t = targets[0];
  EXPECT_EQ(t.indicator, "output");
  EXPECT_DOUBLE_EQ(t.current, 3400);  // A 1400 + B 2000
  EXPECT_DOUBLE_EQ(*t.progress, 50);
  EXPECT_NEAR(*t.pace_needed, 100 * (std::pow(2.0, 0.25) - 1), 1e-12);  // 18.92…
  EXPECT_NEAR(*t.pace_achieved, 100 * (3100.0 / 1880 - 1), 1e-12);      // 64.89…
}

TEST(Targets, ManufacturingOutputOfACityInTheTargetYear) {
  Dataset data = target_data();
  data.targets = {target("T2", TargetIndicator::kManufacturingOutput, "410300", 2021, 2800)};
  std::vector<TargetFigures> targets = figures_of(data);
  ASSERT_EQ(targets.size(), 1u);
  EXPECT_DOUBLE_EQ(targets[0].current, 1400);  // A only: B is division 44
  EXPECT_DOUBLE_EQ(*targets[0].progress, 50);
  EXPECT_FALSE(targets[0].pace_needed.has_value());  // year = Y
  EXPECT_NEAR(*targets[0].pace_achieved, 25, 1e-12);
}

TEST(Targets, EnterprisesOverAThresholdOfEverything) {
  Dataset data = target_data();
  data.targets = {target("T3", TargetIndicator::kEnterprisesOver, "all", 2025, 4, 1500)};
  std::vector<TargetFigures> targets = figures_of(data);
  ASSERT_EQ(targets.size(), 1u);
  EXPECT_DOUBLE_EQ(targets[0].current, 1);  // B (2000); A 1400 and C 600 below
  EXPECT_DOUBLE_EQ(*targets[0].progress, 25);
  EXPECT_FALSE(targets[0].pace_needed.has_value());  // a count
  EXPECT_NEAR(*targets[0].pace_achieved, 100 * (3700.0 / 2280 - 1), 1e-12);
}

TEST(Targets, ManufacturingEnterprisesOverOfARegionGroupCountTheThresholdItself) {
  Dataset data = target_data();
  data.targets = {
      target("T4", TargetIndicator::kManufacturingEnterprisesOver, "metro", 2025, 30, 600)};
  std::vector<TargetFigures> targets = figures_of(data);
  ASSERT_EQ(targets.size(), 1u);
  EXPECT_DOUBLE_EQ(targets[0].current, 2);  // A 1400 and C 600 (≥ 600); B not manufacturing
  EXPECT_NEAR(*targets[0].progress, 100.0 * 2 / 30, 1e-12);
  EXPECT_FALSE(targets[0].pace_needed.has_value());
  EXPECT_NEAR(*targets[0].pace_achieved, 100 * (1700.0 / 1280 - 1), 1e-12);  // 32.8125
}

TEST(Targets, ParkAndChainScopes) {
  Dataset data = target_data();
  data.targets = {target("park", TargetIndicator::kOutput, "P-a", 2023, 3400),
                  target("chain", TargetIndicator::kOutput, "C-x", 2023, 8000)};
  std::vector<TargetFigures> targets = figures_of(data);
  ASSERT_EQ(targets.size(), 2u);
  EXPECT_DOUBLE_EQ(targets[0].current, 3400);  // A and B
  EXPECT_DOUBLE_EQ(*targets[0].progress, 100);
  EXPECT_NEAR(*targets[0].pace_needed, 0, 1e-12);
  EXPECT_DOUBLE_EQ(targets[1].current, 2000);        // A and C
  EXPECT_NEAR(*targets[1].pace_needed, 100, 1e-12);  // (8000 / 2000)^(1/2) = 2
  EXPECT_NEAR(*targets[1].pace_achieved, 100 * (1700.0 / 1280 - 1), 1e-12);
}

TEST(Targets, PastYearsAndAnEmptyScopeHaveNoPace) {
  Dataset data = target_data();
  data.targets = {target("past", TargetIndicator::kOutput, "410302", 2020, 6800),
                  target("empty", TargetIndicator::kOutput, "410311", 2025, 100),
                  target("unknown", TargetIndicator::kOutput, "nowhere", 2025, 100),
                  target("zero", TargetIndicator::kOutput, "all", 2025, 0)};
  std::vector<TargetFigures> targets = figures_of(data);
  ASSERT_EQ(targets.size(), 4u);
  EXPECT_FALSE(targets[0].pace_needed.has_value());  // year < Y
  EXPECT_TRUE(targets[0].pace_achieved.has_value());
  for (size_t i = 1; i <= 2; ++i) {  // no enterprise: current 0
    EXPECT_DOUBLE_EQ(targets[i].current, 0);
    EXPECT_DOUBLE_EQ(*targets[i].progress, 0);
    EXPECT_FALSE(targets[i].pace_needed.has_value());
    EXPECT_FALSE(targets[i].pace_achieved.has_value());
  }
  EXPECT_DOUBLE_EQ(targets[3].current, 4000);
  EXPECT_FALSE(targets[3].progress.has_value());  // value 0
  EXPECT_FALSE(targets[3].pace_needed.has_value());
}

TEST(Targets, AScopedReportShowsOnlyTargetsWithinItsScope) {
  Dataset data = target_data();
  data.targets = {target("county", TargetIndicator::kOutput, "410302", 2025, 1),
                  target("city", TargetIndicator::kManufacturingOutput, "410300", 2025, 1),
                  target("all", TargetIndicator::kOutput, "all", 2025, 1),
                  target("park", TargetIndicator::kOutput, "P-a", 2025, 1),
                  target("chain", TargetIndicator::kOutput, "C-x", 2025, 1),
                  target("unknown", TargetIndicator::kOutput, "nowhere", 2025, 1)};
  std::vector<TargetFigures> targets = figures_of(data, "410302");
  ASSERT_EQ(targets.size(), 3u);
  EXPECT_EQ(targets[0].id, "county");
  EXPECT_EQ(targets[1].id, "city");
  EXPECT_EQ(targets[2].id, "park");
  EXPECT_EQ(figures_of(data).size(), 6u);
}

TEST(Targets, NoneWithoutTargets) { EXPECT_TRUE(figures_of(target_data()).empty()); }

}  // namespace
}  // namespace zhizao
