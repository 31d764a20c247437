// The installation's area in the report (issue 16): the title names it, the text speaks of its
// whole (全市, 全省, 全国) and the regional paragraph and table rank the level below it.
#include <gtest/gtest.h>

#include <string>

#include "report/render.h"
#include "sample_report.h"
#include "text_match.h"

namespace zhizao {
namespace {

using testing::make_set;

std::string text_of(const ReportData& r, Language language) {
  return render_report(r, ReportFormat::kText, language);
}

// The sample's figures as a province's: Henan with two cities.
ReportData province_report() {
  ReportData r = testing::sample_report();
  r.area = {"410000", "河南省", AreaLevel::kProvince};
  r.cities = {make_set("410300", "洛阳市", 12.7, 80, 9.0, 100),
              make_set("410200", "开封市", -2.0, -5, -0.4, 50)};
  return r;
}

TEST(AreaWordingTest, AProvinceSpeaksOfTheProvinceAndRanksItsCities) {
  std::string zh = text_of(province_report(), Language::kZh);
  EXPECT_EQ(zh.substr(0, zh.find('\n')), "河南省2021年1—4月工业经济运行情况");
  EXPECT_TRUE(contains(zh, "1—4月，全省规模以上工业增加值同比增长12.7%")) << zh;
  EXPECT_TRUE(contains(zh, "、市、园区和产业链\n")) << zh;
  EXPECT_TRUE(contains(zh, "分市看，有可比数据的2个市中1个增加值实现增长，增速最高的是洛阳市"))
      << zh;
  EXPECT_TRUE(contains(zh, "表3 分市\n")) << zh;  // the table's title
  EXPECT_FALSE(contains(zh, "全市规模以上")) << zh;
  std::string en = text_of(province_report(), Language::kEn);
  EXPECT_EQ(en.substr(0, en.find('\n')), "Industrial Economy of the Province, January–April 2021");
  EXPECT_TRUE(contains(en, "in the province grew 12.7%")) << en;
  EXPECT_TRUE(contains(en, "Cities, parks and chains")) << en;
}

TEST(AreaWordingTest, TheCountryRanksItsProvinces) {
  ReportData r = testing::sample_report();
  r.area = country_area();
  r.provinces = {make_set("410000", "河南省", 12.7, 80, 9.0, 100),
                 make_set("110000", "北京市", 3.0, 20, 1.0, 40)};
  std::string zh = text_of(r, Language::kZh);
  EXPECT_EQ(zh.substr(0, zh.find('\n')), "全国2021年1—4月工业经济运行情况");
  EXPECT_TRUE(contains(zh, "1—4月，全国规模以上工业增加值")) << zh;
  EXPECT_TRUE(contains(zh, "分省看，有可比数据的2个省（区、市）中")) << zh;
}

TEST(AreaWordingTest, AScopedReportStillNamesItsScopeAndItsCounties) {
  ReportData r = province_report();
  r.scope = "410302";
  r.regions = {make_set("410302", "老城区", 5.0, 100, 5.0, 10)};
  std::string zh = text_of(r, Language::kZh);
  EXPECT_EQ(zh.substr(0, zh.find('\n')), "老城区2021年1—4月工业经济运行情况");
  EXPECT_TRUE(contains(zh, "1—4月，老城区规模以上工业增加值")) << zh;
  EXPECT_TRUE(contains(zh, "县（市、区）、园区和产业链")) << zh;
}

}  // namespace
}  // namespace zhizao
