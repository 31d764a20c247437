// Wording rules of the narrative: verbs follow the displayed sign, null figures are never
// written as numbers, periods are named as the bureau names them.
#include <string>

#include <gtest/gtest.h>

#include "report/render.h"
#include "sample_report.h"
#include "text_match.h"

namespace zhizao {
namespace {

std::string zh(const ReportData& r) { return render_report(r, ReportFormat::kText, Language::kZh); }

// The narrative part of a Chinese text report, without the tables (附表).
std::string narrative_zh(const ReportData& r) {
  std::string text = zh(r);
  return text.substr(0, text.find("\n附表\n"));
}
std::string en(const ReportData& r) { return render_report(r, ReportFormat::kText, Language::kEn); }

// The first paragraph after the headline heading.
std::string headline_of(const std::string& text) {
  size_t start = text.find("\n\n", text.find("总体情况"));
  return text.substr(start + 2, text.find('\n', start + 2) - start - 2);
}

TEST(NarrativeZh, SampleHeadlineAndSentences) {
  std::string text = zh(testing::sample_report());
  EXPECT_EQ(text.substr(0, text.find('\n')), "洛阳市2021年1—4月工业经济运行情况");
  EXPECT_TRUE(contains(text,
                       "1—4月，全市规模以上工业增加值同比增长12.7%，两年平均增长6.6%，"
                       "增速比1—3月回落0.5个百分点。"));
  EXPECT_TRUE(contains(text,
                       "在制造业涵盖的31个行业大类中，31个行业有数据，26个行业增加值实现增长，"
                       "行业增长面83.9%，其中21个行业实现两位数增长。"));
  EXPECT_TRUE(contains(text, "全市工业用电量同比增长20.13%。"));
  EXPECT_TRUE(contains(text,
                       "全市60家重点企业实现产值同比增长31.0%，42家实现增长，"
                       "其中21家增速超过50%，11家增速实现翻番"));
  EXPECT_TRUE(contains(text, "全市工业项目累计完成投资225.5亿元"));
  EXPECT_TRUE(contains(text,
                       "计划新开工项目154个，实际开工项目164个，占全年计划开工项目的58.0%；"
                       "计划竣工项目10个，实际竣工17个"));
  EXPECT_TRUE(contains(text, "通用设备制造业增加值同比增长25.1%，拉动全市规上工业增长2.1个百分点"));
  EXPECT_TRUE(contains(text, "值得关注的是，一是"));
}

TEST(NarrativeZh, FlatGrowthAndDeclineFollowTheDisplayedValue) {
  ReportData r = testing::sample_report();
  r.industry.value_added_growth = 0.04;
  r.previous_value_added_growth.reset();
  EXPECT_TRUE(contains(headline_of(zh(r)), "全市规模以上工业增加值同比持平"));
  r.industry.value_added_growth = -0.04;
  EXPECT_TRUE(contains(headline_of(zh(r)), "全市规模以上工业增加值同比持平"));
  r.industry.value_added_growth = -0.05;
  EXPECT_TRUE(contains(headline_of(zh(r)), "全市规模以上工业增加值同比下降0.1%"));
  r.industry.value_added_growth = 0.05;
  EXPECT_TRUE(contains(headline_of(zh(r)), "全市规模以上工业增加值同比增长0.1%"));
  // Division 08 at −0.05 is a decline, division 44 at 0.04 is neither.
  std::string text = zh(testing::sample_report());
  EXPECT_TRUE(contains(text, "黑色金属矿采选业下降0.1%"));
  EXPECT_FALSE(contains(text, "电力、热力生产和供应业增加值同比增长"));
  EXPECT_FALSE(contains(text, "电力、热力生产和供应业增长"));
}

TEST(NarrativeZh, NeverWritesImpossibleWording) {
  for (double g : {-12.3, -0.05, -0.04, 0.0, 0.04, 0.05, 12.3}) {
    ReportData r = testing::sample_report();
    r.industry.value_added_growth = g;
    r.sections[0].value_added_growth = g;
    r.divisions[1].value_added_growth = g;
    r.key_enterprises.output_growth = g;
    r.industry.electricity_growth = g / 10;
    std::string text = zh(r);
    EXPECT_FALSE(contains(text, "增长0.0%")) << g;
    EXPECT_FALSE(contains(text, "下降0.0%")) << g;
    EXPECT_FALSE(contains(text, "增长-")) << g;
    EXPECT_FALSE(contains(text, "下降-")) << g;
    EXPECT_FALSE(contains(text, "增长0.00%")) << g;
    EXPECT_FALSE(contains(text, "下降0.00%")) << g;
    std::string english = en(r);
    EXPECT_FALSE(contains(english, "grew 0.0%")) << g;
    EXPECT_FALSE(contains(english, "fell 0.0%")) << g;
    EXPECT_FALSE(contains(english, "grew -")) << g;
    EXPECT_FALSE(contains(english, "fell -")) << g;
  }
}

TEST(NarrativeZh, NullFiguresAreNotWrittenAsNumbers) {
  ReportData r = testing::sample_report();
  r.industry.value_added_growth.reset();
  r.industry.two_year_average_growth.reset();
  r.industry.output_growth.reset();
  r.industry.electricity_growth.reset();
  r.projects.start_share.reset();
  r.projects.investment_share.reset();
  r.key_enterprises.output_growth.reset();
  r.manufacturing_breadth.share.reset();
  std::string text = narrative_zh(r);
  std::string headline = headline_of(text);
  EXPECT_TRUE(contains(headline, "1—4月，全市规模以上工业增加值无可比数据。"));
  EXPECT_FALSE(contains(headline, "%"));
  EXPECT_FALSE(contains(headline, "回落"));
  EXPECT_FALSE(contains(text, "用电量"));
  EXPECT_FALSE(contains(text, "占全年计划开工项目"));
  EXPECT_FALSE(contains(text, "时间进度"));
  EXPECT_FALSE(contains(text, "行业增长面"));
  EXPECT_TRUE(contains(text, "全市60家重点企业产值无可比数据"));
  // 伊川县 has no comparable data: it is neither the highest nor the lowest county.
  EXPECT_TRUE(contains(text, "增速最高的是偃师市（增长15.6%），最低的是新安县（下降2.2%）"));
  EXPECT_FALSE(contains(text, "伊川县（"));
}

TEST(NarrativeZh, ComparisonWithThePreviousPeriod) {
  ReportData r = testing::sample_report();
  r.previous_value_added_growth = 12.66;
  EXPECT_TRUE(contains(headline_of(zh(r)), "增速与1—3月持平"));
  r.previous_value_added_growth = 11.0;
  EXPECT_TRUE(contains(headline_of(zh(r)), "增速比1—3月加快1.7个百分点"));
  r.previous_value_added_growth.reset();
  EXPECT_FALSE(contains(headline_of(zh(r)), "增速比"));
}

TEST(NarrativeZh, MonthlyAndFebruaryPeriods) {
  ReportData r = testing::sample_report();
  r.window = WindowKind::kMonthly;
  std::string text = zh(r);
  EXPECT_EQ(text.substr(0, text.find('\n')), "洛阳市2021年4月份工业经济运行情况");
  EXPECT_TRUE(contains(text, "4月份，全市规模以上工业增加值同比增长12.7%"));
  EXPECT_TRUE(contains(text, "增速比3月份回落0.5个百分点"));
  EXPECT_TRUE(contains(text, "1—4月，全市工业项目累计完成投资"));  // projects stay year to date

  r.period = {2021, 2};
  std::string february = zh(r);
  EXPECT_EQ(february.substr(0, february.find('\n')), "洛阳市2021年1—2月工业经济运行情况");
  EXPECT_FALSE(contains(february, "增速比"));  // no earlier period in the year
  EXPECT_FALSE(contains(february, "增速与"));
}

TEST(NarrativeZh, OverOnlyWhenTheComparisonHolds) {
  ReportData r = testing::sample_report();
  EXPECT_TRUE(contains(zh(r), "超过时间进度4.7个百分点"));
  r.projects.time_progress = 50.0;
  std::string text = zh(r);
  EXPECT_FALSE(contains(text, "超过时间进度"));
  EXPECT_TRUE(contains(text, "落后时间进度12.4个百分点"));
  r.key_enterprises.over_50 = 0;
  r.key_enterprises.doubled = 0;
  EXPECT_FALSE(contains(zh(r), "超过50%"));
  EXPECT_FALSE(contains(zh(r), "翻番"));
}

TEST(NarrativeZh, ScopeNamesTheArea) {
  ReportData r = testing::sample_report();
  r.scope = "410381";
  std::string text = zh(r);
  EXPECT_EQ(text.substr(0, text.find('\n')), "偃师市2021年1—4月工业经济运行情况");
  EXPECT_TRUE(contains(text, "偃师市规模以上工业增加值同比增长12.7%"));
}

TEST(NarrativeZh, EmptyReportSaysSoWithoutNumbers) {
  ReportData r;
  r.period = {2021, 4};
  std::string text = narrative_zh(r);
  EXPECT_TRUE(contains(text, "全市规模以上工业增加值无可比数据。"));
  EXPECT_TRUE(contains(text, "制造业31个行业大类均无可比数据。"));
  EXPECT_FALSE(contains(text, "%"));
}

TEST(NarrativeEn, SampleSentences) {
  std::string text = en(testing::sample_report());
  EXPECT_TRUE(
      contains(text,
               "In January–April, value added of industrial enterprises above "
               "designated size in the city grew 12.7% year on year, with a "
               "two-year average growth of 6.6%; growth was 0.5 percentage points lower than "
               "in January–March."));
  EXPECT_TRUE(contains(text,
                       "Industrial electricity consumption in the city grew 20.13% year on "
                       "year."));
  EXPECT_TRUE(contains(text, "completed investment of 22.55 billion yuan"));
  EXPECT_TRUE(contains(text,
                       "Of the 31 manufacturing divisions, 31 had data and 26 grew, a "
                       "breadth of growth of 83.9%; 21 grew by double digits."));
}

TEST(NarrativeEn, FlatDeclineAndNull) {
  ReportData r = testing::sample_report();
  r.previous_value_added_growth.reset();
  r.industry.value_added_growth = 0.04;
  EXPECT_TRUE(contains(en(r), "in the city was flat year on year"));
  r.industry.value_added_growth = -0.05;
  EXPECT_TRUE(contains(en(r), "in the city fell 0.1% year on year"));
  r.industry.value_added_growth.reset();
  std::string text = en(r);
  EXPECT_TRUE(contains(text, "in the city had no comparable data."));
  EXPECT_FALSE(contains(text, "two-year"));
  r.window = WindowKind::kMonthly;
  EXPECT_TRUE(contains(en(r), "In April, value added"));
}

}  // namespace
}  // namespace zhizao

namespace zhizao {
namespace {

TEST(NarrativeZh, SectionsWithoutFiguresAreLeftOutAndNumberingStaysContinuous) {
  ReportData r = testing::sample_report();
  r.projects = ProjectFigures{};
  r.regions.clear();
  r.parks.clear();
  r.chains.clear();
  std::string text = render_report(r, ReportFormat::kText, Language::kZh);
  std::string narrative = text.substr(0, text.find("\n附表\n"));
  EXPECT_EQ(narrative.find("工业项目"), std::string::npos);
  EXPECT_EQ(narrative.find("县（市、区）、园区和产业链"), std::string::npos);
  EXPECT_NE(narrative.find("\n四、值得关注的问题\n"), std::string::npos);
  EXPECT_EQ(text.find("表8"), std::string::npos);
  EXPECT_NE(text.find("表4 拉低增长居前的重点企业"), std::string::npos);  // renumbered
}

TEST(NarrativeZh, NothingToWatchIsSaidPlainly) {
  ReportData r = testing::sample_report();
  r.previous_value_added_growth.reset();
  r.divisions.clear();
  r.regions.clear();
  r.parks.clear();
  r.key_enterprises.declining = 0;
  std::string text = render_report(r, ReportFormat::kText, Language::kZh);
  EXPECT_NE(text.find("本期各项主要指标未出现下降或滞后。"), std::string::npos);
  std::string english = render_report(r, ReportFormat::kText, Language::kEn);
  EXPECT_NE(english.find("No main indicator fell or lagged behind in this period."),
            std::string::npos);
}

}  // namespace
}  // namespace zhizao
