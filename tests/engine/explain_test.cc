// explain(): a set's figure traced to its enterprises, adding up to the report's figure.
#include <gtest/gtest.h>

#include "engine/compensated_sum.h"
#include "engine/engine.h"
#include "engine_test_data.h"

namespace zhizao {
namespace {

using testing::firm;
using testing::key_firm;
using testing::va_record;

Dataset explain_data() {
  Dataset data;
  data.enterprises = {firm("A", "13"), firm("B", "13", "410802"), firm("C", "13"),
                      firm("D", "13"), firm("E", "14"),           firm("F", "13")};
  data.enterprises[0].key = true;
  data.enterprises[4].key = true;
  data.enterprises[0].park = "p1";
  data.monthly = {va_record("A", {2020, 3}, 100), va_record("A", {2021, 3}, 130),
                  va_record("B", {2020, 3}, 100), va_record("B", {2021, 3}, 90),
                  va_record("C", {2021, 3}, 70),  // new, no previous year
                  va_record("D", {2020, 3}, 50),  va_record("D", {2021, 3}, 60),
                  va_record("E", {2020, 3}, 100), va_record("E", {2021, 3}, 110)};
  data.monthly[7].output = 2000;  // E's output doubled
  MonthlyRecord no_value_added;
  no_value_added.uscc = "F";
  no_value_added.period = {2021, 3};
  no_value_added.output = 5;
  no_value_added.output_prev = 4;
  data.monthly.push_back(no_value_added);
  return data;
}

const ReportRequest kMarch{{2021, 3}, WindowKind::kMonthly, ""};

TEST(Explain, DivisionRowsAddUpToTheReportsFigures) {
  Dataset data = explain_data();
  Result<ReportData> report = compute_report(data, kMarch);
  Result<Explanation> explanation = explain(data, kMarch, {ExplainKind::kDivision, "13"});
  ASSERT_TRUE(report.has_value());
  ASSERT_TRUE(explanation.has_value()) << explanation.error().to_string();
  EXPECT_EQ(explanation->measure, "value_added");
  EXPECT_EQ(explanation->name, "农副食品加工业");
  const SetFigures& totals = explanation->totals;
  EXPECT_EQ(totals.value_added_growth, report->divisions[0].value_added_growth);
  EXPECT_DOUBLE_EQ(totals.value_added.current, report->divisions[0].value_added.current);

  ASSERT_EQ(explanation->enterprises.size(), 5u);  // A, B, C, D, F
  const char* order[] = {"A", "D", "B", "C", "F"};
  for (std::size_t i = 0; i < 5; ++i) EXPECT_EQ(explanation->enterprises[i].uscc, order[i]);
  detail::CompensatedSum current, previous;
  long pairs = 0;
  double contributions = 0;
  double pulls = 0;
  for (const EnterpriseShare& row : explanation->enterprises) {
    current.add(row.current);
    previous.add(row.previous);
    pairs += row.pairs;
    contributions += row.contribution.value_or(0);
    pulls += row.pull.value_or(0);
  }
  EXPECT_DOUBLE_EQ(current.value(), totals.value_added.current);    // 280
  EXPECT_DOUBLE_EQ(previous.value(), totals.value_added.previous);  // 250
  EXPECT_EQ(pairs, totals.value_added.pairs);
  EXPECT_NEAR(contributions, 100, 1e-12);
  EXPECT_NEAR(pulls, *totals.value_added_growth, 1e-12);

  const EnterpriseShare& a = explanation->enterprises[0];
  EXPECT_NEAR(*a.growth, 30, 1e-12);
  EXPECT_NEAR(*a.contribution, 100.0 * 30 / 30, 1e-12);
  EXPECT_NEAR(*a.pull, 100.0 * 30 / 250, 1e-12);
  EXPECT_EQ(a.months_in_scope, 1);
  EXPECT_EQ(a.note, "");
  EXPECT_EQ(explanation->enterprises[3].note, "no previous-year figures");
  EXPECT_EQ(explanation->enterprises[4].note, "no value added and no ratio");
}

TEST(Explain, OutOfScopeNote) {
  Dataset data = explain_data();
  data.monthly[1].in_scope = false;  // A out of scope in March 2021
  Result<Explanation> explanation = explain(data, kMarch, {ExplainKind::kPark, "p1"});
  ASSERT_TRUE(explanation.has_value());
  ASSERT_EQ(explanation->enterprises.size(), 1u);
  EXPECT_EQ(explanation->enterprises[0].note, "out of scope");
  EXPECT_EQ(explanation->enterprises[0].months_in_scope, 0);
  EXPECT_FALSE(explanation->totals.value_added_growth.has_value());
}

TEST(Explain, IndustryAndRegionTotalsEqualTheReports) {
  Dataset data = explain_data();
  Result<ReportData> report = compute_report(data, kMarch);
  ASSERT_TRUE(report.has_value());
  Result<Explanation> industry = explain(data, kMarch, {ExplainKind::kIndustry, ""});
  ASSERT_TRUE(industry.has_value());
  EXPECT_EQ(industry->enterprises.size(), 6u);
  EXPECT_EQ(industry->totals.value_added_growth, report->industry.value_added_growth);
  Result<Explanation> city = explain(data, kMarch, {ExplainKind::kRegion, "410300"});
  ASSERT_TRUE(city.has_value());
  EXPECT_EQ(city->enterprises.size(), 5u);  // all but B
  EXPECT_EQ(city->totals.value_added.current, report->cities[0].value_added.current);
  Result<Explanation> manufacturing = explain(data, kMarch, {ExplainKind::kManufacturing, ""});
  ASSERT_TRUE(manufacturing.has_value());
  EXPECT_EQ(manufacturing->totals.value_added_growth, report->manufacturing.value_added_growth);
}

TEST(Explain, RegionGroupAndChain) {
  Dataset data = explain_data();
  RegionGroup group;
  group.id = "jz";
  group.name = "焦作片";
  group.members = {"410800"};
  data.region_groups = {group};
  data.enterprises[3].chains = {"c1"};
  Result<Explanation> by_group = explain(data, kMarch, {ExplainKind::kRegion, "jz"});
  ASSERT_TRUE(by_group.has_value()) << by_group.error().to_string();
  EXPECT_EQ(by_group->name, "焦作片");
  ASSERT_EQ(by_group->enterprises.size(), 1u);
  EXPECT_EQ(by_group->enterprises[0].uscc, "B");
  EXPECT_NEAR(*by_group->enterprises[0].contribution, 100, 1e-12);
  Result<Explanation> chain = explain(data, kMarch, {ExplainKind::kChain, "c1"});
  ASSERT_TRUE(chain.has_value());
  ASSERT_EQ(chain->enterprises.size(), 1u);
  EXPECT_EQ(chain->enterprises[0].uscc, "D");
  EXPECT_NEAR(*chain->totals.value_added_growth, 20, 1e-12);
}

TEST(Explain, KeyEnterprisesByOutput) {
  Dataset data = explain_data();
  Result<ReportData> report = compute_report(data, kMarch);
  ASSERT_TRUE(report.has_value());
  Result<Explanation> key = explain(data, kMarch, {ExplainKind::kKeyEnterprises, ""});
  ASSERT_TRUE(key.has_value());
  EXPECT_EQ(key->measure, "output");
  ASSERT_EQ(key->enterprises.size(), 2u);
  EXPECT_EQ(key->enterprises[0].uscc, "A");  // output +300; E: 2000 → 1100, −900
  EXPECT_DOUBLE_EQ(key->totals.output.current, report->key_enterprises.output.current);
  EXPECT_EQ(key->totals.output_growth, report->key_enterprises.output_growth);
  EXPECT_NEAR(*key->enterprises[1].growth, -45, 1e-12);  // 1100 / 2000
}

TEST(Explain, UnknownTargetIsNotFound) {
  Dataset data = explain_data();
  for (ExplainTarget target :
       {ExplainTarget{ExplainKind::kDivision, "99"}, ExplainTarget{ExplainKind::kRegion, "999999"},
        ExplainTarget{ExplainKind::kPark, "nope"}, ExplainTarget{ExplainKind::kChain, "c1"}}) {
    Result<Explanation> explanation = explain(data, kMarch, target);
    ASSERT_FALSE(explanation.has_value()) << target.code;
    EXPECT_EQ(explanation.error().code(), StatusCode::kNotFound);
  }
}

TEST(Explain, UsageErrorsAsForTheReport) {
  Dataset data = explain_data();
  Result<Explanation> january =
      explain(data, {{2021, 1}, WindowKind::kCumulative, ""}, {ExplainKind::kIndustry, ""});
  ASSERT_FALSE(january.has_value());
  EXPECT_EQ(january.error().code(), StatusCode::kUsage);
  Result<Explanation> scope =
      explain(data, {{2021, 3}, WindowKind::kCumulative, "mars"}, {ExplainKind::kIndustry, ""});
  ASSERT_FALSE(scope.has_value());
  EXPECT_EQ(scope.error().code(), StatusCode::kUsage);
}

}  // namespace
}  // namespace zhizao
