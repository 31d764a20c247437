#include <gtest/gtest.h>

#include "document/document_test_support.h"
#include "document/office_report.h"
#include "report/report_document.h"
#include "report/sample_report.h"

namespace zhizao {
namespace {

// The package is rendered once for the suite: rendering the charts to PNG takes a while.
class DocxReportTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto bytes = render_docx_report(testing::sample_report(), testing::sample_trend(),
                                    {Language::kZh, "2021年5月12日"});
    if (!bytes) return;
    auto entries = testing::unzip(*bytes);
    if (entries) parts_ = new std::map<std::string, std::string>(std::move(*entries));
  }
  static void TearDownTestSuite() {
    delete parts_;
    parts_ = nullptr;
  }
  void SetUp() override { ASSERT_NE(parts_, nullptr) << "the docx was not made or not a zip"; }

  static std::map<std::string, std::string>* parts_;
  ReportData report_ = testing::sample_report();
};

std::map<std::string, std::string>* DocxReportTest::parts_ = nullptr;

TEST_F(DocxReportTest, HasTheRequiredPartsAllWellFormed) {
  for (const char* name : {"[Content_Types].xml", "_rels/.rels", "word/document.xml",
                           "word/_rels/document.xml.rels", "word/styles.xml", "word/settings.xml",
                           "word/footer1.xml", "docProps/core.xml", "docProps/app.xml"}) {
    ASSERT_TRUE(parts_->count(name)) << name;
    EXPECT_TRUE(testing::well_formed((*parts_)[name])) << name;
  }
  for (int i = 1; i <= 3; ++i) {
    std::string png = parts_->at("word/media/chart" + std::to_string(i) + ".png");
    EXPECT_EQ(png.substr(0, 8), "\x89PNG\r\n\x1a\n");
    EXPECT_TRUE(testing::well_formed(parts_->at("word/media/chart" + std::to_string(i) + ".svg")));
  }
  EXPECT_EQ(parts_->count("word/media/chart4.png"), 0u);
}

TEST_F(DocxReportTest, EveryRelationshipTargetExists) {
  pugi::xml_document rels;
  ASSERT_TRUE(testing::well_formed((*parts_)["word/_rels/document.xml.rels"], &rels));
  size_t count = 0;
  for (pugi::xpath_node node : rels.select_nodes("//Relationship")) {
    std::string target = node.node().attribute("Target").value();
    EXPECT_TRUE(parts_->count("word/" + target)) << target;
    ++count;
  }
  EXPECT_EQ(count, 3u + 2u * 3u);  // styles, settings, footer; PNG and SVG per chart
}

TEST_F(DocxReportTest, BodyHoldsHeadlineTablesAndPictures) {
  pugi::xml_document document;
  ASSERT_TRUE(testing::well_formed((*parts_)["word/document.xml"], &document));
  ReportDocument content = report_document(report_, Language::kZh);
  std::string headline = content.narrative.sections.at(0).paragraphs.at(0);
  std::string xpath = "//w:t[text()='" + headline + "']";
  EXPECT_TRUE(document.select_node(xpath.c_str())) << headline;
  EXPECT_TRUE(document.select_node("//w:t[text()='洛阳市2021年1—4月工业经济运行情况']"));
  EXPECT_EQ(document.select_nodes("//w:tbl").size(), content.tables.size());
  EXPECT_EQ(document.select_nodes("//w:tblHeader").size(), content.tables.size());
  EXPECT_EQ(document.select_nodes("//a:blip[@r:embed]").size(), 3u);
  EXPECT_EQ(document.select_nodes("//asvg:svgBlip").size(), 3u);
  pugi::xml_node size = document.select_node("//w:pgSz").node();
  EXPECT_STREQ(size.attribute("w:w").value(), "11906");  // A4
  // Every row of every table has as many cells as its grid has columns.
  for (pugi::xpath_node table : document.select_nodes("//w:tbl")) {
    size_t columns = table.node().select_nodes("w:tblGrid/w:gridCol").size();
    for (pugi::xpath_node row : table.node().select_nodes("w:tr")) {
      EXPECT_EQ(row.node().select_nodes("w:tc").size(), columns);
    }
  }
}

TEST_F(DocxReportTest, ContentTypesCoverEveryPart) {
  const std::string& types = (*parts_)["[Content_Types].xml"];
  for (const char* needle : {"Extension=\"png\"", "Extension=\"svg\"", "/word/document.xml",
                             "/word/styles.xml", "/word/footer1.xml", "/docProps/core.xml"}) {
    EXPECT_NE(types.find(needle), std::string::npos) << needle;
  }
}

TEST(DocxReportEmptyTest, ReportWithoutFiguresStillMakesADocument) {
  ReportData empty;
  empty.period = {2021, 4};
  auto bytes = render_docx_report(empty, {}, {Language::kEn, ""});
  ASSERT_TRUE(bytes.has_value());
  auto parts = testing::unzip(*bytes);
  ASSERT_TRUE(parts.has_value());
  EXPECT_TRUE(testing::well_formed(parts->at("word/document.xml")));
  EXPECT_EQ(parts->count("word/media/chart1.png"), 0u);
}

}  // namespace
}  // namespace zhizao
