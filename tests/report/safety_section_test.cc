// The report's 汛期安全检查 part (report/safety_section.h): nothing without safety figures; the
// paragraph, table row and JSON of a hand-made plan.
#include "report/safety_section.h"

#include <gtest/gtest.h>

#include "report/json_writer.h"
#include "report/render.h"

namespace zhizao::detail {
namespace {

ReportData report_with_plan() {
  ReportData report;
  report.period = {2021, 6};
  report.window_from = {2021, 1};
  report.window_to = {2021, 6};
  SafetyPlanFigures plan;
  plan.id = "P1";
  plan.name = "汛期尾矿库检查";
  plan.kind = "尾矿库";
  plan.divisions = {"08", "09"};
  plan.from = {2021, 6, 1};
  plan.to = {2021, 9, 30};
  plan.enterprises = 4;
  plan.checked = 2;
  plan.unchecked = {{"U1", "企业丙", "410328"}, {"U2", "", "410324"}};
  plan.coverage = 50.0;
  plan.time_progress = 100.0 * 30 / 122;
  plan.hazards = {3, 1, 2, 1, 1};
  plan.major = {1, 0, 1, 1, 0};
  plan.ordinary = {2, 1, 1, 0, 1};
  plan.by_county = {{"410328", "洛宁县", {3, 1, 2, 1, 1}}};
  plan.overdue_hazards = {{"h1", "major", {"U3", "企业甲", "410328"}, {2021, 6, 20}, 10}};
  plan.roster_gaps = {{2021, 6, 19}};
  report.safety = SafetyFigures{{2021, 6, 30}, {plan}};
  return report;
}

TEST(SafetySection, NothingWithoutSafetyFigures) {
  ReportData report;
  report.period = {2021, 4};
  EXPECT_TRUE(safety_paragraphs_zh(report, "全市").empty());
  EXPECT_TRUE(safety_paragraphs_en(report, "the city").empty());
  std::vector<Table> tables;
  append_safety_tables(report, Language::kZh, tables);
  EXPECT_TRUE(tables.empty());
  EXPECT_FALSE(report_to_json(report).contains("safety"));
}

TEST(SafetySection, ChineseParagraph) {
  std::vector<std::string> paragraphs = safety_paragraphs_zh(report_with_plan(), "全市");
  ASSERT_EQ(paragraphs.size(), 1u);
  EXPECT_EQ(
      paragraphs[0],
      "汛期尾矿库检查（2021-06-01至2021-09-30，尾矿库，行业大类08、09）：截至6月30日，全市纳入"
      "检查企业4家，已检查2家，检查覆盖率50.0%，时间进度24.6%；未检查企业2家：企业丙、U2。"
      "发现隐患3处（重大1处、一般2处），已整改1处，未整改2处，已整改待复查1处；超期未整改1处："
      "h1（企业甲，重大隐患，超期10天），需督促整改。值班表有1天无人值班：6月19日，需补排。");
}

TEST(SafetySection, EnglishParagraph) {
  std::vector<std::string> paragraphs = safety_paragraphs_en(report_with_plan(), "the city");
  ASSERT_EQ(paragraphs.size(), 1u);
  EXPECT_EQ(
      paragraphs[0],
      "汛期尾矿库检查 (2021-06-01 to 2021-09-30, 尾矿库, divisions 08, 09): by June 30, 2 of "
      "the 4 enterprises in scope in the city had been checked, a coverage of 50.0% against a "
      "time progress of 24.6%; not yet checked: 企业丙, U2. 3 hazards were found (1 major, 2 "
      "ordinary): 1 rectified, 2 open, 1 rectified awaiting re-inspection; 1 past the "
      "deadline: h1 (企业甲, major, 10 days overdue). The duty roster has no one on 1 day: "
      "June 19.");
}

TEST(SafetySection, TableAndJson) {
  ReportData report = report_with_plan();
  std::vector<Table> tables;
  append_safety_tables(report, Language::kEn, tables);
  ASSERT_EQ(tables.size(), 1u);
  ASSERT_EQ(tables[0].rows.size(), 1u);
  EXPECT_EQ(tables[0].rows[0], (std::vector<std::string>{"汛期尾矿库检查", "4", "2", "50.0", "24.6",
                                                         "3", "1", "2", "1", "1", "1"}));
  nlohmann::ordered_json json = report_to_json(report)["safety"];
  EXPECT_EQ(json["as_of"], "2021-06-30");
  const auto& plan = json["plans"][0];
  EXPECT_EQ(plan["id"], "P1");
  EXPECT_TRUE(plan["region"].is_null());
  EXPECT_EQ(plan["unchecked"], (nlohmann::ordered_json{"U1", "U2"}));
  EXPECT_EQ(plan["coverage"], 50.0);
  EXPECT_EQ(plan["hazards"]["open"], 2);
  EXPECT_EQ(plan["major"]["overdue"], 1);
  EXPECT_EQ(plan["counties"][0]["name"], "洛宁县");
  EXPECT_EQ(plan["overdue_hazards"][0]["enterprise"]["uscc"], "U3");
  EXPECT_EQ(plan["overdue_hazards"][0]["days_overdue"], 10);
  EXPECT_EQ(plan["roster_gaps"], (nlohmann::ordered_json{"2021-06-19"}));
}

TEST(SafetySection, ReportTextHasTheSection) {
  std::string text = render_report(report_with_plan(), ReportFormat::kText, Language::kZh);
  EXPECT_NE(text.find("、汛期安全检查"), std::string::npos);
  std::string english = render_report(report_with_plan(), ReportFormat::kMarkdown, Language::kEn);
  EXPECT_NE(english.find("Flood-season safety checks"), std::string::npos);
}

}  // namespace
}  // namespace zhizao::detail
