#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "document/document_test_support.h"
#include "document/office_report.h"
#include "report/report_document.h"
#include "report/sample_report.h"

namespace zhizao {
namespace {

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

class XlsxReportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() /
            ("zhizao_xlsx_report_" + std::to_string(::getpid()) + ".xlsx");
    Status written = write_xlsx_report(report_, path_.string(), {Language::kZh, "2021年5月12日"});
    ASSERT_TRUE(written.is_ok()) << written.message();
    auto entries = testing::unzip(read_file(path_));
    ASSERT_TRUE(entries.has_value());
    parts_ = *entries;
  }
  void TearDown() override { std::filesystem::remove(path_); }

  std::filesystem::path path_;
  ReportData report_ = testing::sample_report();
  std::map<std::string, std::string> parts_;
};

TEST_F(XlsxReportTest, NarrativeSheetFirstThenOneSheetPerTable) {
  pugi::xml_document workbook;
  ASSERT_TRUE(testing::well_formed(parts_["xl/workbook.xml"], &workbook));
  std::vector<std::string> names;
  for (pugi::xpath_node sheet : workbook.select_nodes("//sheet")) {
    names.push_back(sheet.node().attribute("name").value());
  }
  ReportDocument document = report_document(report_, Language::kZh);
  ASSERT_EQ(names.size(), document.tables.size() + 1);
  EXPECT_EQ(names[0], "分析");
  EXPECT_EQ(names[1], "表1 主要指标");
  EXPECT_EQ(names[2], "表2 分行业增加值增速(按增速排序)");
  EXPECT_FALSE(std::filesystem::exists(path_.string() + ".tmp"));
}

TEST_F(XlsxReportTest, FiguresAreNumbersWithFormatsAndHeadersFrozen) {
  pugi::xml_document sheet;
  ASSERT_TRUE(testing::well_formed(parts_["xl/worksheets/sheet2.xml"], &sheet));
  // Row 4 (after title, blank, header) is 规模以上工业: B4 = 12.7 stored as a number.
  pugi::xml_node b4 = sheet.select_node("//c[@r='B4']").node();
  ASSERT_TRUE(b4);
  EXPECT_FALSE(b4.attribute("t"));  // no type: a number, not a string
  EXPECT_STREQ(b4.child("v").text().get(), "12.7");
  pugi::xml_node f4 = sheet.select_node("//c[@r='F4']").node();  // enterprises: an integer
  EXPECT_STREQ(f4.child("v").text().get(), "1850");
  pugi::xml_node pane = sheet.select_node("//pane").node();
  EXPECT_STREQ(pane.attribute("state").value(), "frozen");
  EXPECT_STREQ(pane.attribute("topLeftCell").value(), "A4");
  EXPECT_TRUE(sheet.select_node("//col[@customWidth='1']"));
  const std::string& styles = parts_["xl/styles.xml"];
  EXPECT_NE(styles.find("formatCode=\"0.0\""), std::string::npos);
  EXPECT_NE(styles.find("formatCode=\"0.00\""), std::string::npos);
}

TEST_F(XlsxReportTest, MissingFigureStaysADash) {
  // Table 2 ranks divisions; 41 其他制造业 has no growth and comes last (row 3 + 7 = 10).
  pugi::xml_document sheet;
  ASSERT_TRUE(testing::well_formed(parts_["xl/worksheets/sheet3.xml"], &sheet));
  pugi::xml_node c10 = sheet.select_node("//c[@r='C10']").node();
  ASSERT_TRUE(c10);
  EXPECT_STREQ(c10.attribute("t").value(), "s");  // the shared string "—", not a 0
}

TEST(XlsxReportErrorTest, UnwritablePathIsAnIoError) {
  Status written = write_xlsx_report(testing::sample_report(), "/nonexistent-dir/report.xlsx", {});
  EXPECT_EQ(written.code(), StatusCode::kIoError);
}

}  // namespace
}  // namespace zhizao
