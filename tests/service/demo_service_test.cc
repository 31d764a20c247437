// The demo's enterprise service (src/demo/demo_service.cc) gives, at the article's period, the
// figures its comment counts by hand, and leaves the article's own figures alone.
#include <gtest/gtest.h>

#include "demo/luoyang_demo.h"
#include "service/service_figures.h"

namespace zhizao {
namespace {

const Dataset& demo() {
  static const Dataset dataset = *generate_luoyang_demo({});
  return dataset;
}

TEST(DemoService, FiguresOfApril2021) {
  Result<ServiceFigures> figures =
      service_figures(demo(), {{2021, 4}, WindowKind::kCumulative, ""});
  ASSERT_TRUE(figures.has_value()) << figures.error().message();
  const ServiceGroupFigures& city = figures->city;
  EXPECT_EQ(city.assigned, 60);  // the key enterprises
  EXPECT_EQ(city.visited, 54);   // k ≡ 6 (mod 9) missed in April
  EXPECT_DOUBLE_EQ(*city.visit_coverage, 90.0);
  EXPECT_EQ(city.cases_resolved, 9);
  EXPECT_EQ(city.resolved_on_time, 6);
  EXPECT_DOUBLE_EQ(*city.median_days, 14.0);
  EXPECT_DOUBLE_EQ(*city.mean_rating, 4.0);
  EXPECT_EQ(city.open_overdue, 3);
  EXPECT_EQ(figures->overdue.size(), 3u);
  for (const std::string& name : figures->unvisited_names) {
    EXPECT_NE(name.find("演示"), std::string::npos) << name;
  }
}

TEST(DemoService, EveryRowIsMarkedSynthetic) {
  for (const Assignment& assignment : demo().assignments) {
    EXPECT_NE(assignment.cadre.find("演示"), std::string::npos);
  }
  for (const Visit& visit : demo().visits) {
    EXPECT_NE(visit.findings.find("演示"), std::string::npos);
  }
  EXPECT_EQ(demo().cases.size(), 16u);
}

}  // namespace
}  // namespace zhizao
