#include "document/report_charts.h"

#include <gtest/gtest.h>

#include "document/document_test_support.h"
#include "report/sample_report.h"

namespace zhizao {
namespace {

TEST(ReportChartsTest, DivisionsCountiesAndTrend) {
  std::vector<SvgChart> charts =
      report_charts(testing::sample_report(), testing::sample_trend(), Language::kZh);
  ASSERT_EQ(charts.size(), 3u);
  EXPECT_EQ(charts[0].title, "2021年1—4月 分行业增加值增速及拉动");
  EXPECT_EQ(charts[1].title, "2021年1—4月 分县(市、区)增加值增速");
  EXPECT_EQ(charts[2].title, "规模以上工业增加值累计增速走势(%)");
  for (const SvgChart& chart : charts) EXPECT_TRUE(testing::well_formed(chart.svg));
}

TEST(ReportChartsTest, EveryDivisionWithAFigureHasABarInBothPanels) {
  ReportData report = testing::sample_report();
  std::vector<SvgChart> charts = report_charts(report, {}, Language::kZh);
  ASSERT_EQ(charts.size(), 2u);  // no trend given: no trend chart
  pugi::xml_document svg;
  ASSERT_TRUE(testing::well_formed(charts[0].svg, &svg));
  // 7 divisions, 41 其他制造业 without figures: 6 growth bars and 6 pull bars.
  EXPECT_EQ(svg.select_nodes("//rect[@class='bar']").size(), 12u);
  EXPECT_TRUE(svg.select_node("//rect[@class='bar'][@data-label='通用设备制造业']"));
  EXPECT_FALSE(svg.select_node("//rect[@class='bar'][@data-label='其他制造业']"));
  EXPECT_TRUE(svg.select_node("//text[text()='其他制造业']"));
}

TEST(ReportChartsTest, CountiesChartShowsTheCityAsReference) {
  std::vector<SvgChart> charts = report_charts(testing::sample_report(), {}, Language::kZh);
  pugi::xml_document svg;
  ASSERT_TRUE(testing::well_formed(charts[1].svg, &svg));
  EXPECT_EQ(svg.select_nodes("//rect[@class='bar']").size(), 3u);  // 伊川县 has no figure
  EXPECT_TRUE(svg.select_node("//text[text()='全市 12.7']"));
}

TEST(ReportChartsTest, TrendHasAGapWhereAMonthHasNoFigure) {
  std::vector<SvgChart> charts =
      report_charts(testing::sample_report(), testing::sample_trend(), Language::kEn);
  pugi::xml_document svg;
  ASSERT_TRUE(testing::well_formed(charts[2].svg, &svg));
  std::string industry = svg.select_node("//path[@class='series']").node().attribute("d").value();
  EXPECT_EQ(std::count(industry.begin(), industry.end(), 'M'), 2);
  EXPECT_TRUE(svg.select_node("//text[text()='2021-04']"));
}

TEST(ReportChartsTest, NothingToDrawGivesNoCharts) {
  ReportData empty;
  empty.period = {2021, 4};
  EXPECT_TRUE(report_charts(empty, {}, Language::kZh).empty());
}

}  // namespace
}  // namespace zhizao
