#include "service/service_figures.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "engine/indexed_dataset.h"

namespace zhizao {
namespace {

CivilDate day(int year, int month, int d) { return {year, month, d}; }

// Three enterprises, four assignments, four visits and seven cases; the expected figures below
// were counted by hand from these rows.
Dataset service_data() {
  Dataset data;
  data.enterprises = {{"A", "甲公司", "3451", "34", "410302", "", {}, false},
                      {"B", "乙公司", "1311", "13", "410305", "", {}, false},
                      {"C", "丙公司", "3451", "34", "410302", "", {}, false}};
  data.assignments = {
      {"A", "王", "工信局"}, {"A", "李", "发改委"}, {"B", "王", "工信局"}, {"C", "张", "商务局"}};
  data.visits = {{"A", day(2021, 4, 10), "李", "用工"},
                 {"B", day(2021, 3, 31), "王", "last month"},
                 {"C", day(2021, 4, 30), "张", ""},
                 {"A", day(2021, 5, 1), "王", "next month"}};
  // K1 on time (10 days, rated 5); K2 late (20 days, rated 3); K3 deadline on D, open; K4
  // overdue at D and resolved after it; K5 raised after D; K6 resolved last year; K7 resolved on
  // its deadline (9 days), not rated.
  data.cases = {
      {"K1", "A", day(2021, 1, 5), "用地", "工信局", day(2021, 1, 20), day(2021, 1, 15), 5},
      {"K2", "B", day(2021, 2, 1), "融资", "工信局", day(2021, 2, 10), day(2021, 2, 21), 3},
      {"K3", "C", day(2021, 3, 1), "用工", "商务局", day(2021, 4, 30), std::nullopt, std::nullopt},
      {"K4", "A", day(2021, 3, 10), "审批", "发改委", day(2021, 4, 1), day(2021, 5, 3),
       std::nullopt},
      {"K5", "B", day(2021, 5, 2), "用电", "工信局", day(2021, 4, 20), std::nullopt, std::nullopt},
      {"K6", "C", day(2020, 12, 20), "用电", "商务局", day(2020, 12, 31), day(2020, 12, 30), 1},
      {"K7", "A", day(2021, 4, 1), "用电", "发改委", day(2021, 4, 10), day(2021, 4, 10),
       std::nullopt},
  };
  return data;
}

ServiceFigures figures_of(const Dataset& data, YearMonth period,
                          WindowKind window = WindowKind::kCumulative, std::string scope = "") {
  Result<ServiceFigures> figures = service_figures(data, {period, window, std::move(scope)});
  EXPECT_TRUE(figures.has_value()) << figures.error().message();
  return figures.value_or(ServiceFigures{});
}

const ServiceGroupFigures& group(const std::vector<ServiceGroupFigures>& groups,
                                 const std::string& key) {
  for (const ServiceGroupFigures& g : groups) {
    if (g.key == key) return g;
  }
  ADD_FAILURE() << "no group " << key;
  return groups.front();
}

TEST(ServiceFigures, CityFiguresOfACumulativeWindow) {
  ServiceFigures figures = figures_of(service_data(), {2021, 4});
  const ServiceGroupFigures& city = figures.city;
  EXPECT_EQ(city.assigned, 3);
  EXPECT_EQ(city.visited, 2);  // A (by 李) and C on D itself; B's visit was in March
  EXPECT_DOUBLE_EQ(*city.visit_coverage, 200.0 / 3.0);
  EXPECT_EQ(city.unvisited, std::vector<std::string>{"B"});
  EXPECT_EQ(city.cases_resolved, 3);  // K1, K2, K7
  EXPECT_EQ(city.resolved_on_time, 2);
  EXPECT_DOUBLE_EQ(*city.on_time_rate, 200.0 / 3.0);
  EXPECT_DOUBLE_EQ(*city.median_days, 10.0);  // {9, 10, 20}
  EXPECT_DOUBLE_EQ(*city.mean_rating, 4.0);   // (5 + 3) / 2; K7 has no rating
  EXPECT_EQ(city.ratings, 2);
  EXPECT_EQ(city.open_overdue, 1);  // K4 only: K3's deadline is D, K5 was raised after D
  ASSERT_EQ(figures.overdue.size(), 1u);
  EXPECT_EQ(figures.overdue[0].id, "K4");
  EXPECT_EQ(figures.overdue[0].days_overdue, 29);
  EXPECT_EQ(figures.overdue[0].name, "甲公司");
}

TEST(ServiceFigures, EvenCountMedianIsTheMeanOfTheMiddleTwo) {
  ServiceFigures figures = figures_of(service_data(), {2021, 2});
  EXPECT_EQ(figures.city.cases_resolved, 2);  // K1 (10 days), K2 (20 days)
  EXPECT_DOUBLE_EQ(*figures.city.median_days, 15.0);
  EXPECT_DOUBLE_EQ(*figures.city.on_time_rate, 50.0);
  EXPECT_EQ(figures.city.open_overdue, 0);  // at 2021-02-28 K2 is resolved, K3 not yet raised
  // No visit in February: nobody covered.
  EXPECT_DOUBLE_EQ(*figures.city.visit_coverage, 0.0);
  EXPECT_EQ(figures.city.unvisited, (std::vector<std::string>{"A", "B", "C"}));
}

TEST(ServiceFigures, NoRatingsGiveNullMeanRating) {
  ServiceFigures figures = figures_of(service_data(), {2021, 4}, WindowKind::kMonthly);
  EXPECT_EQ(figures.city.cases_resolved, 1);  // K7
  EXPECT_DOUBLE_EQ(*figures.city.median_days, 9.0);
  EXPECT_FALSE(figures.city.mean_rating.has_value());
  EXPECT_DOUBLE_EQ(*figures.city.on_time_rate, 100.0);  // resolved on the deadline day
}

TEST(ServiceFigures, CaseResolvedAfterDCountsWhenTheWindowReachesIt) {
  ServiceFigures figures = figures_of(service_data(), {2021, 5});
  EXPECT_EQ(figures.city.cases_resolved, 4);  // K1, K2, K4 (54 days, late), K7
  EXPECT_EQ(figures.city.resolved_on_time, 2);
  EXPECT_DOUBLE_EQ(*figures.city.median_days, 15.0);  // {9, 10, 20, 54}
  // At 2021-05-31: K3 (deadline 04-30) and K5 (raised 05-02, deadline 04-20) are open, overdue.
  EXPECT_EQ(figures.city.open_overdue, 2);
  // Only A was visited in May, and by 王.
  EXPECT_EQ(figures.city.unvisited, (std::vector<std::string>{"B", "C"}));
  EXPECT_DOUBLE_EQ(*group(figures.cadres, "王").visit_coverage, 50.0);
}

TEST(ServiceFigures, NoResolvedCasesGiveNullRates) {
  ServiceFigures figures = figures_of(service_data(), {2021, 3}, WindowKind::kMonthly);
  EXPECT_EQ(figures.city.cases_resolved, 0);
  EXPECT_FALSE(figures.city.on_time_rate.has_value());
  EXPECT_FALSE(figures.city.median_days.has_value());
  EXPECT_FALSE(figures.city.mean_rating.has_value());
  // 2021-03-31: K4 (deadline 04-01) not yet overdue, K3 (04-30) neither.
  EXPECT_EQ(figures.city.open_overdue, 0);
}

TEST(ServiceFigures, CadresCountOnlyTheirOwnVisits) {
  ServiceFigures figures = figures_of(service_data(), {2021, 4});
  ASSERT_EQ(figures.cadres.size(), 3u);
  const ServiceGroupFigures& wang = group(figures.cadres, "王");
  EXPECT_EQ(wang.assigned, 2);
  EXPECT_EQ(wang.visited, 0);  // A was visited by 李, not by 王
  EXPECT_DOUBLE_EQ(*wang.visit_coverage, 0.0);
  EXPECT_EQ(wang.unvisited, (std::vector<std::string>{"A", "B"}));
  EXPECT_DOUBLE_EQ(*group(figures.cadres, "李").visit_coverage, 100.0);
  EXPECT_DOUBLE_EQ(*group(figures.cadres, "张").visit_coverage, 100.0);
}

TEST(ServiceFigures, DepartmentsCountVisitsAndTheirCases) {
  ServiceFigures figures = figures_of(service_data(), {2021, 4});
  ASSERT_EQ(figures.departments.size(), 3u);
  const ServiceGroupFigures& industry = group(figures.departments, "工信局");
  EXPECT_DOUBLE_EQ(*industry.visit_coverage, 50.0);  // A visited by anyone, B not
  EXPECT_EQ(industry.cases_resolved, 2);             // K1, K2
  EXPECT_DOUBLE_EQ(*industry.on_time_rate, 50.0);
  EXPECT_DOUBLE_EQ(*industry.median_days, 15.0);
  EXPECT_DOUBLE_EQ(*industry.mean_rating, 4.0);
  const ServiceGroupFigures& reform = group(figures.departments, "发改委");
  EXPECT_EQ(reform.cases_resolved, 1);  // K7
  EXPECT_FALSE(reform.mean_rating.has_value());
  EXPECT_EQ(reform.open_overdue, 1);  // K4
  const ServiceGroupFigures& commerce = group(figures.departments, "商务局");
  EXPECT_EQ(commerce.cases_resolved, 0);
  EXPECT_FALSE(commerce.on_time_rate.has_value());
}

TEST(ServiceFigures, CountiesByTheEnterprisesCounty) {
  ServiceFigures figures = figures_of(service_data(), {2021, 4});
  ASSERT_EQ(figures.counties.size(), 2u);
  const ServiceGroupFigures& laocheng = figures.counties[0];
  EXPECT_EQ(laocheng.key, "410302");
  EXPECT_EQ(laocheng.name, "老城区");
  EXPECT_DOUBLE_EQ(*laocheng.visit_coverage, 100.0);
  EXPECT_EQ(laocheng.cases_resolved, 2);  // K1 (10), K7 (9)
  EXPECT_DOUBLE_EQ(*laocheng.median_days, 9.5);
  EXPECT_DOUBLE_EQ(*laocheng.mean_rating, 5.0);
  EXPECT_EQ(laocheng.open_overdue, 1);
  const ServiceGroupFigures& jianxi = figures.counties[1];
  EXPECT_EQ(jianxi.key, "410305");
  EXPECT_DOUBLE_EQ(*jianxi.visit_coverage, 0.0);
  EXPECT_DOUBLE_EQ(*jianxi.on_time_rate, 0.0);
}

TEST(ServiceFigures, ScopeKeepsOnlyItsEnterprises) {
  ServiceFigures figures = figures_of(service_data(), {2021, 4}, WindowKind::kCumulative, "410305");
  EXPECT_EQ(figures.city.assigned, 1);
  EXPECT_EQ(figures.city.unvisited, std::vector<std::string>{"B"});
  EXPECT_EQ(figures.city.cases_resolved, 1);  // K2
  EXPECT_EQ(figures.city.open_overdue, 0);
}

TEST(ServiceFigures, UnknownEnterprisesCountWithoutAScope) {
  Dataset data = service_data();
  data.assignments.push_back({"Z", "赵", "工信局"});
  ServiceFigures figures = figures_of(data, {2021, 4});
  EXPECT_EQ(figures.city.assigned, 4);
  EXPECT_EQ(figures.city.unvisited, (std::vector<std::string>{"B", "Z"}));
  EXPECT_EQ(figures.counties.size(), 2u);  // Z has no county
}

TEST(ServiceFigures, TheLastRowOfACaseIdWins) {
  Dataset data = service_data();
  data.cases.push_back(
      {"K2", "B", day(2021, 2, 1), "融资", "工信局", day(2021, 2, 10), day(2021, 2, 5), 4});
  ServiceFigures figures = figures_of(data, {2021, 2});
  EXPECT_EQ(figures.city.cases_resolved, 2);
  EXPECT_DOUBLE_EQ(*figures.city.on_time_rate, 100.0);
  EXPECT_DOUBLE_EQ(*figures.city.median_days, 7.0);  // {4, 10}
  EXPECT_DOUBLE_EQ(*figures.city.mean_rating, 4.5);
}

TEST(ServiceFigures, NoAssignmentsGiveNullCoverage) {
  Dataset data = service_data();
  data.assignments.clear();
  ServiceFigures figures = figures_of(data, {2021, 4});
  EXPECT_EQ(figures.city.assigned, 0);
  EXPECT_FALSE(figures.city.visit_coverage.has_value());
  EXPECT_TRUE(figures.city.unvisited.empty());
}

TEST(ServiceFigures, JanuaryAndUnknownScopeAreRefused) {
  Result<ServiceFigures> january =
      service_figures(service_data(), {{2021, 1}, WindowKind::kCumulative, ""});
  ASSERT_FALSE(january.has_value());
  EXPECT_EQ(january.error().code(), StatusCode::kUsage);
  Result<ServiceFigures> scope =
      service_figures(service_data(), {{2021, 4}, WindowKind::kCumulative, "nowhere"});
  ASSERT_FALSE(scope.has_value());
  EXPECT_EQ(scope.error().code(), StatusCode::kUsage);
}

TEST(ServiceFigures, CompleteLeavesAReportWithoutServiceDataAlone) {
  Dataset data = service_data();
  data.assignments.clear();
  data.cases.clear();
  detail::IndexedDataset indexed(data);
  ReportData report;
  ASSERT_TRUE(
      complete_service_figures(indexed, {{2021, 4}, WindowKind::kCumulative, ""}, report).is_ok());
  EXPECT_FALSE(report.service.has_value());

  Dataset full = service_data();
  detail::IndexedDataset indexed_full(full);
  ASSERT_TRUE(
      complete_service_figures(indexed_full, {{2021, 4}, WindowKind::kCumulative, ""}, report)
          .is_ok());
  ASSERT_TRUE(report.service.has_value());
  EXPECT_EQ(report.service->city.open_overdue, 1);
}

}  // namespace
}  // namespace zhizao
