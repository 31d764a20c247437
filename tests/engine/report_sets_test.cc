// The sets of a report: divisions, sections, regions and their roll-ups, groups, parks, chains;
// breadth; contribution and pull; scope restriction.
#include <gtest/gtest.h>

#include <numeric>

#include "engine/engine.h"
#include "engine_test_data.h"

namespace zhizao {
namespace {

using testing::firm;
using testing::va_record;

// Monthly March 2021 vs March 2020 for each firm: (uscc, division, region, prev, current).
struct Row {
  const char* uscc;
  const char* division;
  const char* region;
  double previous;
  double current;
};

Dataset march_data(const std::vector<Row>& rows) {
  Dataset data;
  for (const Row& row : rows) {
    data.enterprises.push_back(firm(row.uscc, row.division, row.region));
    data.monthly.push_back(va_record(row.uscc, {2020, 3}, row.previous));
    data.monthly.push_back(va_record(row.uscc, {2021, 3}, row.current));
  }
  return data;
}

const std::vector<Row> kRows = {
    {"A", "13", "410302", 100, 120},  // +20%
    {"B", "14", "410303", 200, 210},  // +5%
    {"C", "15", "410303", 100, 97},   // −3%
    {"D", "16", "410802", 50, 56},    // +12%
    {"E", "06", "410802", 50, 40},    // mining, −20%
    {"F", "44", "410302", 100, 100},  // utilities, 0%
};

Result<ReportData> march_report(const Dataset& data, std::string scope = "") {
  return compute_report(data, {{2021, 3}, WindowKind::kMonthly, std::move(scope)});
}

const SetFigures* find(const std::vector<SetFigures>& sets, const std::string& code) {
  for (const SetFigures& set : sets) {
    if (set.code == code) return &set;
  }
  return nullptr;
}

TEST(ReportSets, DivisionsAndSections) {
  Result<ReportData> report = march_report(march_data(kRows));
  ASSERT_TRUE(report.has_value());
  // Industry: 623 / 600; manufacturing: 483 / 450.
  EXPECT_NEAR(*report->industry.value_added_growth, 100.0 * (623.0 / 600 - 1), 1e-12);
  EXPECT_NEAR(*report->manufacturing.value_added_growth, 100.0 * (483.0 / 450 - 1), 1e-12);
  ASSERT_EQ(report->divisions.size(), 6u);
  EXPECT_EQ(report->divisions[0].code, "06");  // in code order
  EXPECT_EQ(report->divisions[1].code, "13");
  EXPECT_EQ(report->divisions[1].name, "农副食品加工业");
  EXPECT_EQ(report->divisions[5].code, "44");
  ASSERT_EQ(report->sections.size(), 3u);
  EXPECT_EQ(report->sections[0].code, "B");
  EXPECT_EQ(report->sections[0].name, "采矿业");
  EXPECT_NEAR(*report->sections[0].value_added_growth, -20, 1e-12);
  EXPECT_EQ(report->sections[1].code, "C");
  EXPECT_DOUBLE_EQ(report->sections[1].value_added.current,
                   report->manufacturing.value_added.current);
  EXPECT_EQ(report->sections[2].code, "D");
  EXPECT_NEAR(*report->sections[2].value_added_growth, 0, 1e-12);
}

TEST(ReportSets, Breadth) {
  Result<ReportData> report = march_report(march_data(kRows));
  ASSERT_TRUE(report.has_value());
  const Breadth& breadth = report->manufacturing_breadth;
  EXPECT_EQ(breadth.with_data, 4);     // 13, 14, 15, 16 (06 and 44 are no manufacturing)
  EXPECT_EQ(breadth.growing, 3);       // 13, 14, 16
  EXPECT_EQ(breadth.double_digit, 2);  // 13, 16
  ASSERT_TRUE(breadth.share.has_value());
  EXPECT_DOUBLE_EQ(*breadth.share, 75);
}

TEST(ReportSets, ContributionsAndPullsAddUp) {
  Result<ReportData> report = march_report(march_data(kRows));
  ASSERT_TRUE(report.has_value());
  double pulls = 0;
  double contributions = 0;
  for (const SetFigures& division : report->divisions) {
    pulls += division.pull.value();
    contributions += division.contribution.value();
  }
  EXPECT_NEAR(pulls, *report->industry.value_added_growth, 1e-12);
  EXPECT_NEAR(contributions, 100, 1e-12);
  // Division 13: increase 20 of the total's 23; 20 / 600 of the total's previous.
  const SetFigures* food = find(report->divisions, "13");
  ASSERT_NE(food, nullptr);
  EXPECT_NEAR(*food->contribution, 100.0 * 20 / 23, 1e-12);
  EXPECT_NEAR(*food->pull, 100.0 * 20 / 600, 1e-12);
  EXPECT_NEAR(*report->industry.contribution, 100, 1e-12);
  // Regions add up the same way.
  double region_pulls = 0;
  for (const SetFigures& region : report->regions) region_pulls += region.pull.value();
  EXPECT_NEAR(region_pulls, *report->industry.value_added_growth, 1e-12);
}

TEST(ReportSets, ContributionIsNullWhenTheTotalDidNotChange) {
  Result<ReportData> report =
      march_report(march_data({{"A", "13", "410302", 100, 110}, {"B", "14", "410302", 100, 90}}));
  ASSERT_TRUE(report.has_value());
  EXPECT_NEAR(*report->industry.value_added_growth, 0, 1e-12);
  EXPECT_FALSE(report->divisions[0].contribution.has_value());
  EXPECT_NEAR(*report->divisions[0].pull, 5, 1e-12);
}

TEST(ReportSets, RegionsRollUpToCitiesAndProvinces) {
  Result<ReportData> report = march_report(march_data(kRows));
  ASSERT_TRUE(report.has_value());
  ASSERT_EQ(report->regions.size(), 3u);
  EXPECT_EQ(report->regions[0].code, "410302");
  EXPECT_EQ(report->regions[0].name, "老城区");
  EXPECT_EQ(report->regions[0].enterprises, 2);
  ASSERT_EQ(report->cities.size(), 2u);
  EXPECT_EQ(report->cities[0].code, "410300");
  EXPECT_EQ(report->cities[0].name, "洛阳市");
  EXPECT_EQ(report->cities[0].enterprises, 4);
  EXPECT_DOUBLE_EQ(report->cities[0].value_added.current, 527);
  EXPECT_EQ(report->cities[1].code, "410800");
  ASSERT_EQ(report->provinces.size(), 1u);
  EXPECT_EQ(report->provinces[0].code, "410000");
  EXPECT_EQ(report->provinces[0].enterprises, 6);
}

TEST(ReportSets, GroupsParksAndChains) {
  Dataset data = march_data(kRows);
  RegionGroup group;
  group.id = "west";
  group.name = "西片";
  group.members = {"410303", "410800"};
  data.region_groups = {group};
  data.enterprises[0].park = "p1";
  data.enterprises[1].park = "p1";
  data.enterprises[2].park = "p9";  // not in parks.csv
  data.enterprises[0].chains = {"c1", "c2"};
  data.enterprises[3].chains = {"c2"};
  data.parks = {Park{"p1", "高新区", "410300", "A"}};
  data.chains = {Chain{"c2", "装备链"}, Chain{"c1", "材料链"}};
  Result<ReportData> report = march_report(data);
  ASSERT_TRUE(report.has_value());
  ASSERT_EQ(report->region_groups.size(), 1u);
  EXPECT_EQ(report->region_groups[0].name, "西片");
  EXPECT_EQ(report->region_groups[0].enterprises, 4);  // B, C, D, E
  EXPECT_DOUBLE_EQ(report->region_groups[0].value_added.previous, 400);
  ASSERT_EQ(report->parks.size(), 2u);
  EXPECT_EQ(report->parks[0].code, "p1");
  EXPECT_EQ(report->parks[0].name, "高新区");
  EXPECT_NEAR(*report->parks[0].value_added_growth, 10, 1e-12);  // 330 / 300
  EXPECT_EQ(report->parks[1].code, "p9");
  EXPECT_EQ(report->parks[1].name, "p9");
  ASSERT_EQ(report->chains.size(), 2u);
  EXPECT_EQ(report->chains[0].code, "c2");  // chains.csv order
  EXPECT_EQ(report->chains[0].enterprises, 2);
  EXPECT_NEAR(*report->chains[0].value_added_growth, 100.0 * (176.0 / 150 - 1), 1e-12);
  EXPECT_EQ(report->chains[1].code, "c1");
  EXPECT_EQ(report->chains[1].name, "材料链");
}

TEST(ReportSets, ScopeRestrictsEverySet) {
  Dataset data = march_data(kRows);
  RegionGroup group;
  group.id = "west";
  group.name = "西片";
  group.members = {"410303", "410800"};
  data.region_groups = {group};

  Result<ReportData> city = march_report(data, "410300");
  ASSERT_TRUE(city.has_value());
  EXPECT_EQ(city->scope, "410300");
  EXPECT_EQ(city->industry.enterprises, 4);  // A, B, C, F
  EXPECT_NEAR(*city->industry.value_added_growth, 100.0 * (527.0 / 500 - 1), 1e-12);
  EXPECT_EQ(city->regions.size(), 2u);
  EXPECT_EQ(city->cities.size(), 1u);
  EXPECT_EQ(find(city->divisions, "06"), nullptr);
  // Contribution is to the scope's own total.
  double contributions = 0;
  for (const SetFigures& division : city->divisions) contributions += division.contribution.value();
  EXPECT_NEAR(contributions, 100, 1e-12);

  Result<ReportData> county = march_report(data, "410302");
  ASSERT_TRUE(county.has_value());
  EXPECT_EQ(county->industry.enterprises, 2);

  Result<ReportData> by_group = march_report(data, "west");
  ASSERT_TRUE(by_group.has_value());
  EXPECT_EQ(by_group->industry.enterprises, 4);  // B, C, D, E
  EXPECT_DOUBLE_EQ(by_group->industry.value_added.current, 403);
}

TEST(ReportSets, UnknownScopeIsAUsageError) {
  for (const char* scope : {"999999", "nowhere", "41030"}) {
    Result<ReportData> report = march_report(march_data(kRows), scope);
    ASSERT_FALSE(report.has_value()) << scope;
    EXPECT_EQ(report.error().code(), StatusCode::kUsage);
  }
}

}  // namespace
}  // namespace zhizao
