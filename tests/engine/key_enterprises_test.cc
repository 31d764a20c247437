// Key enterprises: counts at the thresholds and the list.
#include <gtest/gtest.h>

#include "engine/engine.h"
#include "engine_test_data.h"

namespace zhizao {
namespace {

using testing::firm;
using testing::key_firm;
using testing::output_record;

// Output of March 2020 and March 2021 per key enterprise.
Dataset key_data() {
  Dataset data;
  struct Row {
    const char* uscc;
    double previous;
    double current;
  };
  const Row rows[] = {
      {"K1", 100, 250},  // +150%
      {"K2", 100, 200},  // exactly +100%: doubled
      {"K3", 100, 150},  // exactly +50%: not over 50
      {"K4", 100, 135},  // +35%
      {"K5", 100, 90},   // −10%
  };
  for (const Row& row : rows) {
    data.enterprises.push_back(key_firm(row.uscc, "13"));
    data.monthly.push_back(output_record(row.uscc, {2020, 3}, row.previous));
    data.monthly.push_back(output_record(row.uscc, {2021, 3}, row.current));
  }
  data.enterprises.push_back(key_firm("K6", "13"));  // new, no previous year
  data.monthly.push_back(output_record("K6", {2021, 3}, 999));
  data.enterprises.push_back(firm("N", "13"));  // not a key enterprise
  data.monthly.push_back(output_record("N", {2020, 3}, 100));
  data.monthly.push_back(output_record("N", {2021, 3}, 1000));
  return data;
}

TEST(KeyEnterprises, CountsAtTheThresholds) {
  Result<ReportData> report = compute_report(key_data(), {{2021, 3}, WindowKind::kMonthly, ""});
  ASSERT_TRUE(report.has_value());
  const KeyEnterprises& key = report->key_enterprises;
  EXPECT_EQ(key.count, 6);
  EXPECT_EQ(key.over_30, 4);  // 150, 100, 50, 35
  EXPECT_EQ(key.over_50, 2);  // 150, 100 (50 exactly is not over 50)
  EXPECT_EQ(key.doubled, 2);  // 150, 100 exactly
  EXPECT_EQ(key.growing, 4);
  EXPECT_EQ(key.declining, 1);
  // Σ 825 vs Σ 500.
  EXPECT_EQ(key.output.pairs, 5);
  EXPECT_DOUBLE_EQ(key.output.current, 825);
  EXPECT_DOUBLE_EQ(key.output.previous, 500);
  EXPECT_NEAR(*key.output_growth, 65, 1e-12);
}

TEST(KeyEnterprises, ListByIncreaseWithPull) {
  Result<ReportData> report = compute_report(key_data(), {{2021, 3}, WindowKind::kMonthly, ""});
  ASSERT_TRUE(report.has_value());
  const std::vector<KeyEnterpriseFigures>& list = report->key_enterprises.enterprises;
  ASSERT_EQ(list.size(), 6u);
  const char* order[] = {"K1", "K2", "K3", "K4", "K5", "K6"};
  for (std::size_t i = 0; i < 6; ++i) EXPECT_EQ(list[i].uscc, order[i]);
  EXPECT_NEAR(*list[0].output_growth, 150, 1e-12);
  EXPECT_NEAR(*list[0].pull, 30, 1e-12);  // 150 / 500
  EXPECT_NEAR(*list[4].pull, -2, 1e-12);
  EXPECT_FALSE(list[5].output_growth.has_value());
  EXPECT_FALSE(list[5].pull.has_value());
  double pulls = 0;
  for (const KeyEnterpriseFigures& figures : list) pulls += figures.pull.value_or(0);
  EXPECT_NEAR(pulls, *report->key_enterprises.output_growth, 1e-12);
}

TEST(KeyEnterprises, NoneGivesNulls) {
  Dataset data;
  data.enterprises = {firm("N", "13")};
  Result<ReportData> report = compute_report(data, {{2021, 3}, WindowKind::kMonthly, ""});
  ASSERT_TRUE(report.has_value());
  EXPECT_EQ(report->key_enterprises.count, 0);
  EXPECT_FALSE(report->key_enterprises.output_growth.has_value());
  EXPECT_TRUE(report->key_enterprises.enterprises.empty());
}

TEST(KeyEnterprises, ScopeRestrictsThem) {
  Dataset data = key_data();
  data.enterprises[0].region = "410802";
  Result<ReportData> report = compute_report(data, {{2021, 3}, WindowKind::kMonthly, "410300"});
  ASSERT_TRUE(report.has_value());
  EXPECT_EQ(report->key_enterprises.count, 5);
  EXPECT_EQ(report->key_enterprises.over_50, 1);
}

}  // namespace
}  // namespace zhizao
