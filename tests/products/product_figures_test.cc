// The "Products" figures (data contract v2) on a hand-made dataset; every expected value is
// computed by hand in the comments.
#include "products/product_figures.h"

#include <gtest/gtest.h>

#include "../engine/engine_test_data.h"
#include "engine/indexed_dataset.h"

namespace zhizao {
namespace {

using testing::firm;

Product product(std::string code, std::string name, std::string unit) {
  return Product{std::move(code), std::move(name), std::move(unit), ""};
}

ProductOutput row(std::string uscc, YearMonth period, std::string code, double quantity,
                  std::optional<double> prev = std::nullopt) {
  return ProductOutput{std::move(uscc), period, std::move(code), quantity, prev};
}

MonthlyRecord scope_record(std::string uscc, YearMonth period, bool in_scope) {
  MonthlyRecord record = testing::output_record(uscc, period, 100);
  record.in_scope = in_scope;
  return record;
}

// A and B in 老城区 (410302), C in 新安县 (410323). Tractors (T1):
//   A: 2021-01 10 (prev 8), 2021-02 20 (2020-02: 16), 2021-03 30 (no prev, no 2020-03);
//      2020-01 5 (so January is reported in both years: no fold).
//   B: 2021-02 40 (prev 50), 2021-03 100 (prev 60) while out of scope in 2021-03.
//   C: 2021-03 7 (prev 7).
// Bearings (B1): nothing. Air conditioners (A1): E (not registered) only, left out.
Dataset tractors() {
  Dataset data;
  data.enterprises = {firm("A", "35"), firm("B", "35"), firm("C", "35", "410323")};
  data.monthly = {scope_record("A", {2020, 2}, false), scope_record("B", {2021, 2}, true),
                  scope_record("B", {2021, 3}, false)};
  data.products = {product("T1", "拖拉机", "台"), product("B1", "轴承", "套"),
                   product("A1", "空调", "台")};
  data.product_output = {row("A", {2021, 1}, "T1", 10, 8),   row("A", {2021, 2}, "T1", 20),
                         row("A", {2020, 2}, "T1", 16),      row("A", {2021, 3}, "T1", 30),
                         row("A", {2020, 1}, "T1", 5),       row("B", {2021, 2}, "T1", 40, 50),
                         row("B", {2021, 3}, "T1", 100, 60), row("C", {2021, 3}, "T1", 7, 7),
                         row("E", {2021, 3}, "A1", 1000, 10)};
  return data;
}

ReportRequest cumulative(YearMonth period, std::string scope = "") {
  return ReportRequest{period, WindowKind::kCumulative, std::move(scope)};
}

ReportRequest monthly(YearMonth period) { return ReportRequest{period, WindowKind::kMonthly, ""}; }

std::vector<ProductFigures> figures_of(const Dataset& data, ReportRequest request) {
  detail::IndexedDataset indexed(data);
  Result<std::vector<ProductFigures>> figures = product_figures(indexed, request);
  EXPECT_TRUE(figures.has_value());
  return figures ? *figures : std::vector<ProductFigures>{};
}

TEST(ProductFigures, CumulativeWindowInCodeOrder) {
  Dataset data = tractors();
  std::vector<ProductFigures> figures = figures_of(data, cumulative({2021, 3}));
  ASSERT_EQ(figures.size(), 3u);
  EXPECT_EQ(figures[0].code, "A1");  // code order
  EXPECT_EQ(figures[1].code, "B1");
  EXPECT_EQ(figures[2].code, "T1");
  // Products without rows of registered enterprises: zero, growth null.
  EXPECT_EQ(figures[0].quantity, 0);
  EXPECT_FALSE(figures[0].growth.has_value());
  EXPECT_EQ(figures[0].enterprises, 0);
  const ProductFigures& t = figures[2];
  EXPECT_EQ(t.name, "拖拉机");
  EXPECT_EQ(t.unit, "台");
  // quantity = A 10+20+30 + B 40 (its March is out of scope) + C 7 = 107.
  EXPECT_DOUBLE_EQ(t.quantity, 107);
  // pairs: A (10,8) (20,16); B (40,50); C (7,7): 77 / 81.
  ASSERT_TRUE(t.growth.has_value());
  EXPECT_NEAR(*t.growth, 100.0 * (77.0 / 81.0 - 1), 1e-12);
  EXPECT_DOUBLE_EQ(t.daily_average, 107.0 / 90);  // 31 + 28 + 31 days
  EXPECT_EQ(t.enterprises, 3);
}

TEST(ProductFigures, ScopeLimitsTheEnterprises) {
  Dataset data = tractors();
  std::vector<ProductFigures> figures = figures_of(data, cumulative({2021, 3}, "410302"));
  const ProductFigures& t = figures.at(2);
  EXPECT_DOUBLE_EQ(t.quantity, 100);
  EXPECT_NEAR(*t.growth, 100.0 * (70.0 / 74.0 - 1), 1e-12);
  EXPECT_EQ(t.enterprises, 2);
}

TEST(ProductFigures, MonthlyWindowCountsOutOfScopeRowsAsEnterprises) {
  Dataset data = tractors();
  std::vector<ProductFigures> figures = figures_of(data, monthly({2021, 3}));
  const ProductFigures& t = figures.at(2);
  EXPECT_DOUBLE_EQ(t.quantity, 37);    // A 30 + C 7; B's 100 is out of scope
  EXPECT_NEAR(*t.growth, 0.0, 1e-12);  // only C (7, 7); A has no previous quantity
  EXPECT_DOUBLE_EQ(t.daily_average, 37.0 / 31);
  EXPECT_EQ(t.enterprises, 3);  // B has a row of the window
}

// D reported January and February apart in 2020 and together in February 2021: one 1–2 pair.
Dataset folded(std::optional<double> february_prev) {
  Dataset data;
  data.enterprises = {firm("D", "34")};
  data.products = {product("B1", "轴承", "套")};
  data.product_output = {row("D", {2020, 1}, "B1", 3), row("D", {2020, 2}, "B1", 4),
                         row("D", {2021, 2}, "B1", 9, february_prev)};
  return data;
}

TEST(ProductFigures, JanuaryFoldedIntoFebruaryPairsAsOne) {
  std::vector<ProductFigures> figures = figures_of(folded(std::nullopt), cumulative({2021, 2}));
  ASSERT_EQ(figures.size(), 1u);
  EXPECT_DOUBLE_EQ(figures[0].quantity, 9);
  EXPECT_NEAR(*figures[0].growth, 100.0 * (9.0 / 7.0 - 1), 1e-12);  // 9 against 3 + 4
  EXPECT_DOUBLE_EQ(figures[0].daily_average, 9.0 / 59);
  // The same in March's cumulative window (no March rows).
  EXPECT_NEAR(*figures_of(folded(std::nullopt), cumulative({2021, 3}))[0].growth,
              100.0 * (9.0 / 7 - 1), 1e-12);
}

TEST(ProductFigures, FoldedPairUsesReportedPrevWhenAllHaveIt) {
  std::vector<ProductFigures> figures = figures_of(folded(8), cumulative({2021, 2}));
  EXPECT_NEAR(*figures[0].growth, 12.5, 1e-12);  // 9 against 8
}

TEST(ProductFigures, ZeroBaseIsNullNotZero) {
  Dataset data;
  data.enterprises = {firm("E", "38")};
  data.products = {product("A1", "空调", "台")};
  data.product_output = {row("E", {2021, 4}, "A1", 5, 0)};
  std::vector<ProductFigures> figures = figures_of(data, monthly({2021, 4}));
  EXPECT_DOUBLE_EQ(figures[0].quantity, 5);
  EXPECT_FALSE(figures[0].growth.has_value());
  EXPECT_EQ(figures[0].enterprises, 1);
}

TEST(ProductFigures, PreviousFromMonthTwelveEarlierWhateverItsScope) {
  // A's 2020-02 is out of scope, yet its 16 is the base of 2021-02's 20.
  Dataset data = tractors();
  data.product_output = {row("A", {2021, 2}, "T1", 20), row("A", {2020, 2}, "T1", 16)};
  std::vector<ProductFigures> figures = figures_of(data, cumulative({2021, 2}));
  EXPECT_NEAR(*figures.at(2).growth, 25.0, 1e-12);
}

TEST(ProductFigures, RepeatedRowReplacesTheEarlier) {
  Dataset data = tractors();
  data.product_output = {row("C", {2021, 3}, "T1", 7, 7), row("C", {2021, 3}, "T1", 14, 7)};
  std::vector<ProductFigures> figures = figures_of(data, monthly({2021, 3}));
  EXPECT_DOUBLE_EQ(figures.at(2).quantity, 14);
  EXPECT_NEAR(*figures.at(2).growth, 100.0, 1e-12);
}

TEST(ProductFigures, JanuaryAndUnknownScopeAreRefused) {
  Dataset data = tractors();
  detail::IndexedDataset indexed(data);
  auto january = product_figures(indexed, cumulative({2021, 1}));
  ASSERT_FALSE(january.has_value());
  EXPECT_EQ(january.error().code(), StatusCode::kUsage);
  auto nowhere = product_figures(indexed, cumulative({2021, 3}, "nowhere"));
  ASSERT_FALSE(nowhere.has_value());
  EXPECT_EQ(nowhere.error().code(), StatusCode::kUsage);
}

TEST(ProductExplanation, SharesAddUpToTheFigure) {
  Dataset data = tractors();
  detail::IndexedDataset indexed(data);
  Result<ProductExplanation> explained = explain_product(indexed, cumulative({2021, 3}), "T1");
  ASSERT_TRUE(explained.has_value());
  EXPECT_EQ(explained->days, 90);
  EXPECT_DOUBLE_EQ(explained->current, 77);
  EXPECT_DOUBLE_EQ(explained->previous, 81);
  EXPECT_EQ(explained->pairs, 4);
  ASSERT_EQ(explained->enterprises.size(), 3u);
  // Largest quantity first: A 60, B 40, C 7.
  EXPECT_EQ(explained->enterprises[0].uscc, "A");
  EXPECT_DOUBLE_EQ(explained->enterprises[0].quantity, 60);
  EXPECT_EQ(explained->enterprises[0].months, 3);
  EXPECT_DOUBLE_EQ(explained->enterprises[0].current, 30);
  EXPECT_DOUBLE_EQ(explained->enterprises[0].previous, 24);
  EXPECT_NEAR(*explained->enterprises[0].growth, 25.0, 1e-12);
  EXPECT_NEAR(*explained->enterprises[0].share, 100.0 * 60 / 107, 1e-12);
  EXPECT_EQ(explained->enterprises[1].uscc, "B");
  EXPECT_EQ(explained->enterprises[1].months, 2);
  EXPECT_EQ(explained->enterprises[1].months_in_scope, 1);
  EXPECT_NEAR(*explained->enterprises[1].growth, -20.0, 1e-12);
  double quantity = 0;
  for (const ProductShare& share : explained->enterprises) quantity += share.quantity;
  EXPECT_DOUBLE_EQ(quantity, explained->figures.quantity);
}

TEST(ProductExplanation, UnknownProductIsNotFound) {
  Dataset data = tractors();
  detail::IndexedDataset indexed(data);
  auto explained = explain_product(indexed, cumulative({2021, 3}), "X9");
  ASSERT_FALSE(explained.has_value());
  EXPECT_EQ(explained.error().code(), StatusCode::kNotFound);
}

TEST(CompleteProductFigures, NoProductsLeavesTheReportAlone) {
  Dataset data;
  data.enterprises = {firm("A", "35")};
  detail::IndexedDataset indexed(data);
  ReportData report;
  EXPECT_TRUE(complete_product_figures(indexed, cumulative({2021, 3}), report).is_ok());
  EXPECT_TRUE(report.products.empty());
  data.products = {product("T1", "拖拉机", "台")};
  detail::IndexedDataset with_products(data);
  EXPECT_TRUE(complete_product_figures(with_products, cumulative({2021, 3}), report).is_ok());
  EXPECT_EQ(report.products.size(), 1u);
}

}  // namespace
}  // namespace zhizao
