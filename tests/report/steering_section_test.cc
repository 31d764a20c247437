// The report's part on campaigns, lagging projects and targets: the Chinese and English
// paragraphs in the bureau's register, the tables and the JSON keys, on hand-made figures.
#include "report/steering_section.h"

#include <gtest/gtest.h>

#include "report/render.h"
#include "report/tables.h"

namespace zhizao::detail {
namespace {

SetFigures named(std::string code, std::string name) {
  SetFigures set;
  set.code = std::move(code);
  set.name = std::move(name);
  return set;
}

ReportData steering_report() {
  ReportData report;
  report.period = {2021, 4};
  report.window_from = {2021, 1};
  report.window_to = {2021, 4};
  report.regions = {named("410302", "老城区"), named("410305", "涧西区")};
  report.parks = {named("park-1", "洛阳高新区")};
  report.region_groups = {named("luoyang-metro", "洛阳都市圈")};
  CampaignFigures hundred{.id = "C1",
                          .name = "百日攻坚行动",
                          .from = {2021, 3, 1},
                          .to = {2021, 6, 8},
                          .projects = 40,
                          .investment = 523000,
                          .actual_starts = 15,
                          .actual_completions = 3,
                          .time_progress = 61,
                          .planned_starts = 20,
                          .planned_completions = 5,
                          .planned_investment = 700000,
                          .investment_progress = 523000.0 / 7000};
  CampaignFigures later;
  later.id = "C2";
  later.name = "秋季攻坚";
  later.from = {2021, 9, 1};
  later.to = {2021, 11, 30};
  later.projects = 2;
  report.campaigns = {hundred, later};
  report.projects.lagging = {
      {"P1", "轴承扩能项目", "410305", "park-1", "bearing", "3451", "C1", LagKind::kStart, 29},
      {"P2", "农机装备项目", "410305", "", "", "35", "", LagKind::kStartAndCompletion, 120},
      {"P3", "新材料项目", "410302", "park-1", "", "", "", LagKind::kCompletion, 0}};
  TargetFigures trillion{.id = "T1",
                         .name = "制造业产值突破万亿元",
                         .indicator = "manufacturing_output",
                         .scope = "410300",
                         .year = 2025,
                         .value = 1e8,
                         .threshold = std::nullopt,
                         .current = 5e7,
                         .progress = 50,
                         .pace_needed = 18.920711500272106,
                         .pace_achieved = 12.34};
  TargetFigures thirty{.id = "T2",
                       .name = "30家制造业企业产值超百亿",
                       .indicator = "manufacturing_enterprises_over",
                       .scope = "luoyang-metro",
                       .year = 2025,
                       .value = 30,
                       .threshold = 1000000,
                       .current = 8,
                       .progress = 800.0 / 30,
                       .pace_needed = std::nullopt,
                       .pace_achieved = -2.5};
  report.targets = {trillion, thirty};
  return report;
}

TEST(SteeringParagraphs, ChineseRegister) {
  std::vector<std::string> paragraphs = steering_paragraphs_zh(steering_report(), "全市");
  ASSERT_EQ(paragraphs.size(), 3u);
  EXPECT_EQ(paragraphs[0],
            "百日攻坚行动（3月1日至6月8日）时间进度61.0%，纳入项目40个，完成投资52.3亿元，"
            "完成计划投资的74.7%，超过时间进度13.7个百分点；新开工项目15个，为计划的75.0%；"
            "竣工项目3个，为计划的60.0%。秋季攻坚（9月1日至11月30日）尚未开始，纳入项目2个。");
  EXPECT_EQ(paragraphs[1],
            "截至4月30日，全市进度滞后的工业项目3个，其中未按计划开工2个、未按计划竣工2个；"
            "滞后时间最长的是农机装备项目（120天）、轴承扩能项目（29天）、新材料项目（0天）。"
            "分县（市、区）看，涧西区2个、老城区1个；分园区看，洛阳高新区2个；分产业链看，"
            "bearing1个；分行业看，通用设备制造业1个、专用设备制造业1个。");
  EXPECT_EQ(paragraphs[2],
            "“制造业产值突破万亿元”：洛阳市近12个月制造业总产值5000.0亿元，为2025年目标"
            "（10000亿元）的50.0%，距2025年目标尚需年均增长18.9%，近12个月增长12.3%。"
            "“30家制造业企业产值超百亿”：洛阳都市圈近12个月产值达到100亿元的制造业企业8家，"
            "为2025年目标（30家）的26.7%，近12个月制造业产值下降2.5%。");
}

TEST(SteeringParagraphs, English) {
  std::vector<std::string> paragraphs = steering_paragraphs_en(steering_report(), "the city");
  ASSERT_EQ(paragraphs.size(), 3u);
  EXPECT_EQ(paragraphs[0],
            "百日攻坚行动 (1 March to 8 June) is 61.0% through its time; its 40 projects "
            "completed investment of 5.23 billion yuan, 74.7% of plan, 13.7 percentage points "
            "ahead of time progress; 15 projects started (75.0% of the 20 planned); 3 projects "
            "completed (60.0% of the 5 planned). 秋季攻坚 (1 September to 30 November) has not "
            "begun; it has 2 projects.");
  EXPECT_EQ(paragraphs[2].substr(0, 100),
            "\"制造业产值突破万亿元\": over the last 12 months, manufacturing output of 洛阳市 "
            "was 500");
  EXPECT_NE(paragraphs[2].find("50.0% of the 2025 target of 1 trillion yuan"), std::string::npos);
  EXPECT_NE(paragraphs[2].find("reaching it needs average growth of 18.9% a year"),
            std::string::npos);
  EXPECT_NE(paragraphs[2].find("manufacturing output fell 2.5% over the last 12 months"),
            std::string::npos);
}

TEST(SteeringParagraphs, NothingWithoutFigures) {
  ReportData report;
  report.period = {2021, 4};
  for (const std::string& paragraph : steering_paragraphs_zh(report, "全市")) {
    EXPECT_TRUE(paragraph.empty());
  }
  for (const std::string& paragraph : steering_paragraphs_en(report, "the city")) {
    EXPECT_TRUE(paragraph.empty());
  }
  std::vector<Table> tables;
  append_steering_tables(report, Language::kZh, tables);
  EXPECT_TRUE(tables.empty());
}

TEST(SteeringTables, CampaignsTargetsAndLaggingProjects) {
  std::vector<Table> tables;
  append_steering_tables(steering_report(), Language::kZh, tables);
  ASSERT_EQ(tables.size(), 3u);
  EXPECT_EQ(tables[0].rows[0][5], "74.7");
  EXPECT_EQ(tables[0].rows[1][4], "—");
  EXPECT_EQ(tables[1].rows[0][7], "18.9");
  EXPECT_EQ(tables[1].rows[1][7], "—");
  EXPECT_EQ(tables[1].rows[1][1], "产值超限额制造业企业(家) ≥1000000");
  ASSERT_EQ(tables[2].rows.size(), 3u);
  EXPECT_EQ(tables[2].rows[0][0], "P2");  // most overdue first
  EXPECT_EQ(tables[2].rows[0][7], "120");
}

TEST(SteeringJson, ContractKeysAndExtras) {
  nlohmann::ordered_json json = report_to_json(steering_report());
  EXPECT_EQ(json["projects"]["lagging"], nlohmann::ordered_json({"P1", "P2", "P3"}));
  EXPECT_EQ(json["lagging_projects"][1]["kind"], "start_and_completion");
  EXPECT_EQ(json["lagging_projects"][1]["days_late"], 120);
  EXPECT_EQ(json["lagging_projects"][0]["division"], "34");
  ASSERT_EQ(json["campaigns"].size(), 2u);
  EXPECT_EQ(json["campaigns"][0]["investment"], 523000.0);
  EXPECT_EQ(json["campaigns"][0]["actual_starts"], 15);
  EXPECT_EQ(json["campaigns"][0]["time_progress"], 61.0);
  EXPECT_TRUE(json["campaigns"][1]["investment_progress"].is_null());
  EXPECT_TRUE(json["campaigns"][1]["planned_starts"].is_null());
  ASSERT_EQ(json["targets"].size(), 2u);
  EXPECT_EQ(json["targets"][0]["progress"], 50.0);
  EXPECT_TRUE(json["targets"][1]["pace_needed"].is_null());
  EXPECT_EQ(json["targets"][1]["pace_achieved"], -2.5);
  EXPECT_EQ(json["targets"][1]["threshold"], 1000000.0);
}

TEST(SteeringJson, EmptyArraysWithoutData) {
  ReportData report;
  report.period = {2021, 4};
  nlohmann::ordered_json json = report_to_json(report);
  EXPECT_TRUE(json["projects"]["lagging"].is_array());
  EXPECT_TRUE(json["projects"]["lagging"].empty());
  EXPECT_TRUE(json["campaigns"].empty());
  EXPECT_TRUE(json["targets"].empty());
}

}  // namespace
}  // namespace zhizao::detail
