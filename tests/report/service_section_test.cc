#include "report/service_section.h"

#include <gtest/gtest.h>

#include <string>

#include "report/json_service.h"
#include "report/render.h"

namespace zhizao::detail {
namespace {

// Figures as src/service would compute them for a small register (counted by hand).
ReportData service_report() {
  ReportData report;
  report.period = {2021, 4};
  report.window = WindowKind::kCumulative;
  report.window_from = {2021, 1};
  report.window_to = {2021, 4};
  ServiceFigures service;
  service.city.assigned = 3;
  service.city.visited = 2;
  service.city.visit_coverage = 200.0 / 3.0;
  service.city.unvisited = {"B"};
  service.unvisited_names = {"乙公司"};
  service.city.cases_resolved = 3;
  service.city.resolved_on_time = 2;
  service.city.on_time_rate = 200.0 / 3.0;
  service.city.median_days = 10;
  service.city.mean_rating = 4;
  service.city.ratings = 2;
  service.city.open_overdue = 1;
  ServiceGroupFigures wang;
  wang.key = wang.name = "王";
  wang.assigned = 2;
  wang.visit_coverage = 0.0;
  wang.unvisited = {"A", "B"};
  service.cadres = {wang};
  ServiceGroupFigures county;
  county.key = "410302";
  county.name = "老城区";
  county.assigned = 2;
  county.visited = 2;
  county.visit_coverage = 100.0;
  service.counties = {county};
  service.overdue = {
      {"K4", "A", "甲公司", "410302", "审批", "发改委", {2021, 3, 10}, {2021, 4, 1}, 29}};
  report.service = service;
  return report;
}

TEST(ServiceJson, HasTheContractKeysUnderService) {
  nlohmann::ordered_json json = report_to_json(service_report());
  ASSERT_TRUE(json.contains("service"));
  const nlohmann::ordered_json& service = json["service"];
  EXPECT_DOUBLE_EQ(service["visit_coverage"].get<double>(), 200.0 / 3.0);
  EXPECT_EQ(service["unvisited"], nlohmann::ordered_json::array({"B"}));
  EXPECT_EQ(service["cases_resolved"], 3);
  EXPECT_DOUBLE_EQ(service["on_time_rate"].get<double>(), 200.0 / 3.0);
  EXPECT_EQ(service["median_days"], 10.0);
  EXPECT_EQ(service["mean_rating"], 4.0);
  EXPECT_EQ(service["open_overdue"], 1);
  EXPECT_EQ(service["cadres"][0]["cadre"], "王");
  EXPECT_FALSE(service["cadres"][0].contains("cases_resolved"));  // cases name no cadre
  EXPECT_EQ(service["counties"][0]["code"], "410302");
  EXPECT_EQ(service["counties"][0]["name"], "老城区");
  EXPECT_TRUE(service["counties"][0]["on_time_rate"].is_null());
  EXPECT_EQ(service["overdue_cases"][0]["deadline"], "2021-04-01");
  EXPECT_EQ(service["overdue_cases"][0]["days_overdue"], 29);
}

TEST(ServiceJson, NullsWithoutDenominatorsAndNoKeyWithoutData) {
  ServiceFigures empty;
  nlohmann::ordered_json service = service_to_json(empty);
  EXPECT_TRUE(service["visit_coverage"].is_null());
  EXPECT_TRUE(service["on_time_rate"].is_null());
  EXPECT_TRUE(service["median_days"].is_null());
  EXPECT_TRUE(service["mean_rating"].is_null());
  EXPECT_EQ(service["unvisited"], nlohmann::ordered_json::array());
  ReportData report = service_report();
  report.service.reset();
  EXPECT_FALSE(report_to_json(report).contains("service"));
}

TEST(ServiceNarrative, ChineseNamesUnvisitedAndOverdue) {
  std::vector<std::string> paragraphs = service_paragraphs_zh(service_report(), "全市");
  ASSERT_EQ(paragraphs.size(), 2u);
  EXPECT_EQ(paragraphs[0],
            "4月，全市包联企业3家，当月走访2家，走访覆盖率66.7%；当月未走访企业1家：乙公司。");
  EXPECT_EQ(
      paragraphs[1],
      "1—4月，办结企业诉求3件，按期办结率66.7%，办结用时中位数10.0天，平均满意度4.00分（满分5"
      "分）。截至4月底，超期未办结诉求1件：K4（甲公司，审批，发改委，超期29天），需督促办理。");
}

TEST(ServiceNarrative, EnglishAndNothingWithoutFigures) {
  std::vector<std::string> paragraphs = service_paragraphs_en(service_report(), "the city");
  ASSERT_EQ(paragraphs.size(), 2u);
  EXPECT_NE(paragraphs[0].find("visit coverage of 66.7%"), std::string::npos);
  EXPECT_NE(paragraphs[0].find("乙公司"), std::string::npos);
  EXPECT_NE(paragraphs[1].find("K4 (甲公司, 审批, 发改委, 29 days overdue)"), std::string::npos);
  ReportData report = service_report();
  report.service.reset();
  EXPECT_TRUE(service_paragraphs_zh(report, "全市").empty());
}

TEST(ServiceNarrative, NoOverdueAndAllVisited) {
  ReportData report = service_report();
  report.service->city.unvisited.clear();
  report.service->city.open_overdue = 0;
  report.service->overdue.clear();
  std::vector<std::string> paragraphs = service_paragraphs_zh(report, "全市");
  EXPECT_NE(paragraphs[0].find("实现每月必访"), std::string::npos);
  EXPECT_NE(paragraphs[1].find("截至4月底，无超期未办结诉求。"), std::string::npos);
}

}  // namespace
}  // namespace zhizao::detail
