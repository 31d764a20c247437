// The "主要产品产量" part of the report: quantities in the bureau's units, the paragraph in both
// languages, the table and the JSON array, on hand-made figures.
#include "report/products_section.h"

#include <gtest/gtest.h>

#include "report/render.h"
#include "report/tables.h"

namespace zhizao::detail {
namespace {

ReportData report_with_products() {
  ReportData report;
  report.period = {2021, 3};
  report.window = WindowKind::kCumulative;
  report.window_from = {2021, 1};
  report.window_to = {2021, 3};
  report.products = {
      {"A1", "空调", "台", 1620000, -3.24, 18000, 2},
      {"B1", "轴承", "套", 0, std::nullopt, 0, 0},  // no rows in the window: not written
      {"T1", "拖拉机", "台", 32150, 12.04, 32150.0 / 90, 3},
      {"M1", "钼精矿", "吨", 8560.5, std::nullopt, 8560.5 / 90, 1},
  };
  return report;
}

TEST(ProductQuantities, BureauUnits) {
  EXPECT_EQ(quantity_zh(32150, "台"), "3.2万台");
  EXPECT_EQ(quantity_zh(8560, "台"), "8560台");
  EXPECT_EQ(quantity_zh(12.5, "吨"), "12.5吨");
  EXPECT_EQ(quantity_zh(35.5, "万千瓦"), "35.5万千瓦");
  EXPECT_EQ(quantity_zh(1174207, "万千瓦时"), "117.4亿千瓦时");
  EXPECT_EQ(quantity_en(1174207, "万千瓦时"), "11.74 billion kWh");
  EXPECT_EQ(quantity_en(32150, "台"), "32,150 units");
  EXPECT_EQ(quantity_en(1620000, "吨"), "1.62 million tonnes");
  EXPECT_EQ(quantity_en(12.5, "重量箱"), "12.5 weight cases");
  EXPECT_EQ(quantity_en(7, "件套"), "7 件套");  // an unknown unit stays as given
}

TEST(ProductsParagraph, ChineseRegister) {
  EXPECT_EQ(products_paragraph_zh(report_with_products(), "全市"),
            "1—3月，全市规模以上工业主要产品中，空调产量162.0万台，同比下降3.2%，日均产量1.8万台；"
            "拖拉机产量3.2万台，同比增长12.0%；钼精矿产量8560.5吨，无同期可比数据。");
}

TEST(ProductsParagraph, English) {
  EXPECT_EQ(products_paragraph_en(report_with_products(), "the city"),
            "In January–March, among the main products of industry above designated size in the "
            "city, output of 空调 fell 3.2% year on year to 1.62 million units, 18,000 units a "
            "day; output of 拖拉机 grew 12.0% year on year to 32,150 units; output of 钼精矿 was "
            "8,561 tonnes (no comparable data).");
}

TEST(ProductsParagraph, QuantityNamesAndDailyOutputOnlyOfPieces) {
  ReportData report = report_with_products();
  // 发电量 is already a quantity; its daily 13,047 万千瓦时 is not quoted (not counted in pieces).
  report.products = {{"E1", "发电量", "万千瓦时", 1174207, 10.94, 1174207.0 / 90, 20}};
  EXPECT_EQ(products_paragraph_zh(report, "全市"),
            "1—3月，全市规模以上工业主要产品中，发电量117.4亿千瓦时，同比增长10.9%。");
}

TEST(ProductsParagraph, EmptyWithoutRows) {
  ReportData report = report_with_products();
  report.products.resize(2);
  report.products.erase(report.products.begin());
  EXPECT_EQ(products_paragraph_zh(report, "全市"), "");
  EXPECT_EQ(products_paragraph_en(report, "the city"), "");
  EXPECT_TRUE(products_table(report, Language::kZh).rows.empty());
}

TEST(ProductsTable, RowsOfProductsWithRows) {
  Table table = products_table(report_with_products(), Language::kZh);
  EXPECT_EQ(table.title, "主要产品产量");
  ASSERT_EQ(table.rows.size(), 3u);
  EXPECT_EQ(table.rows[0],
            (std::vector<std::string>{"A1", "空调", "台", "1620000", "-3.2", "18000.0", "2"}));
  EXPECT_EQ(table.rows[2][4], "—");
  EXPECT_EQ(products_table(report_with_products(), Language::kEn).rows[1][2], "units");
}

TEST(ProductsJson, ContractKeysInOrder) {
  nlohmann::ordered_json json = report_to_json(report_with_products());
  ASSERT_TRUE(json.contains("products"));
  const auto& products = json["products"];
  ASSERT_EQ(products.size(), 4u);
  EXPECT_EQ(products[0].dump(),
            R"({"code":"A1","name":"空调","unit":"台","quantity":1620000.0,"growth":-3.24,)"
            R"("daily_average":18000.0,"enterprises":2})");
  EXPECT_TRUE(products[1]["growth"].is_null());
  EXPECT_FALSE(report_to_json(ReportData{}).contains("products"));  // no products.csv
}

TEST(ProductsReport, SectionAndTableInTheText) {
  std::string text = render_report(report_with_products(), ReportFormat::kText, Language::kZh);
  EXPECT_NE(text.find("、主要产品产量\n"), std::string::npos);
  EXPECT_NE(text.find("主要产品产量\n代码"), std::string::npos);
}

}  // namespace
}  // namespace zhizao::detail
