#include <gtest/gtest.h>

#include <regex>

#include "document/document_test_support.h"
#include "document/office_report.h"
#include "report/report_document.h"
#include "report/sample_report.h"

namespace zhizao {
namespace {

std::string html_of(const ReportData& report, Language language) {
  auto html = render_html_report(report, testing::sample_trend(), {language, "2021年5月12日"});
  EXPECT_TRUE(html.has_value());
  return html.value_or("");
}

TEST(HtmlReportTest, HoldsTitleHeadlineTablesAndCharts) {
  ReportData report = testing::sample_report();
  std::string html = html_of(report, Language::kZh);
  ReportDocument document = report_document(report, Language::kZh);
  EXPECT_NE(html.find("<h1>洛阳市2021年1—4月工业经济运行情况</h1>"), std::string::npos);
  const std::string& headline = document.narrative.sections.at(0).paragraphs.at(0);
  EXPECT_NE(html.find("<p>" + headline + "</p>"), std::string::npos) << headline;
  EXPECT_NE(html.find("编制日期：2021年5月12日"), std::string::npos);
  size_t tables = 0;
  for (size_t at = html.find("<table>"); at != std::string::npos;
       at = html.find("<table>", at + 1)) {
    ++tables;
  }
  EXPECT_EQ(tables, document.tables.size());
  size_t svgs = 0;
  for (size_t at = html.find("<svg "); at != std::string::npos; at = html.find("<svg ", at + 1)) {
    ++svgs;
  }
  EXPECT_EQ(svgs, 3u);
  EXPECT_NE(html.find("@page { size: A4;"), std::string::npos);
  EXPECT_NE(html.find("<td class=\"num\">12.7</td>"), std::string::npos);
}

TEST(HtmlReportTest, IsSelfContained) {
  std::string html = html_of(testing::sample_report(), Language::kZh);
  for (const char* external :
       {"<script", "<link", "<img", "<iframe", "src=", "href=", "url(", "@import", "https:"}) {
    EXPECT_EQ(html.find(external), std::string::npos) << external;
  }
  // The only http text is the SVG namespace name, which is never fetched.
  std::string without_namespace =
      std::regex_replace(html, std::regex("xmlns=\"http://www\\.w3\\.org/2000/svg\""), "");
  EXPECT_EQ(without_namespace.find("http:"), std::string::npos);
}

TEST(HtmlReportTest, EscapesMarkupInNames) {
  ReportData report = testing::sample_report();
  report.regions[0].name = "<b>老城区</b> & \"新\"";
  std::string html = html_of(report, Language::kZh);
  EXPECT_EQ(html.find("<b>老城区"), std::string::npos);
  EXPECT_NE(html.find("&lt;b&gt;老城区&lt;/b&gt; &amp; &quot;新&quot;"), std::string::npos);
}

TEST(HtmlReportTest, EnglishReportIsTaggedEnglish) {
  std::string html = html_of(testing::sample_report(), Language::kEn);
  EXPECT_NE(html.find("<html lang=\"en\">"), std::string::npos);
  EXPECT_NE(html.find("Issued: 2021年5月12日"), std::string::npos);
  EXPECT_NE(html.find("Table 1. Headline figures"), std::string::npos);
}

}  // namespace
}  // namespace zhizao
