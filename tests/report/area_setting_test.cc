// The area setting (Dataset::area_code, `zhizao settings area CODE`) reaches the report: the same
// Luoyang enterprises report under 洛阳市 and rank its counties by default, under 河南省 ranking
// its cities when the setting names the province, under 全国 ranking provinces for 000000.
#include <gtest/gtest.h>

#include <string>

#include "engine/engine.h"
#include "report/render.h"
#include "text_match.h"

namespace zhizao {
namespace {

Dataset luoyang_firms() {
  Dataset data;
  int n = 0;
  for (const char* county : {"410302", "410323", "410323"}) {
    Enterprise enterprise;
    enterprise.uscc = "F" + std::to_string(++n);
    enterprise.name = "企业" + enterprise.uscc;
    enterprise.industry = "13";
    enterprise.division = "13";
    enterprise.region = county;
    data.enterprises.push_back(enterprise);
    for (int year : {2020, 2021}) {
      MonthlyRecord record;
      record.uscc = enterprise.uscc;
      record.period = {year, 3};
      record.value_added = year == 2020 ? 100 : 110;
      record.output = 10 * record.value_added.value_or(0);
      data.monthly.push_back(record);
    }
  }
  return data;
}

std::string report_text(const Dataset& data) {
  Result<ReportData> report = compute_report(data, {{2021, 3}, WindowKind::kMonthly, ""});
  EXPECT_TRUE(report) << (report ? "" : report.error().message());
  return report ? render_report(*report, ReportFormat::kText, Language::kZh) : "";
}

TEST(AreaSettingTest, ByDefaultTheCityAndItsCounties) {
  std::string text = report_text(luoyang_firms());
  EXPECT_EQ(first_line(text), "洛阳市2021年3月份工业经济运行情况");
  EXPECT_TRUE(contains(text, "分县（市、区）看")) << text;
  EXPECT_TRUE(contains(text, "全市规模以上工业增加值")) << text;
}

TEST(AreaSettingTest, TheProvinceSettingNamesTheProvinceAndRanksItsCities) {
  Dataset data = luoyang_firms();
  data.area_code = "410000";
  std::string text = report_text(data);
  EXPECT_EQ(first_line(text), "河南省2021年3月份工业经济运行情况");
  EXPECT_TRUE(contains(text, "全省规模以上工业增加值")) << text;
  EXPECT_TRUE(contains(text, "分市看")) << text;
  EXPECT_TRUE(contains(text, "表3 分市\n")) << text;
  EXPECT_FALSE(contains(text, "分县（市、区）看")) << text;
}

TEST(AreaSettingTest, TheCountrySettingRanksProvinces) {
  Dataset data = luoyang_firms();
  data.area_code = "000000";
  std::string text = report_text(data);
  EXPECT_EQ(first_line(text), "全国2021年3月份工业经济运行情况");
  EXPECT_TRUE(contains(text, "分省看")) << text;
}

}  // namespace
}  // namespace zhizao
