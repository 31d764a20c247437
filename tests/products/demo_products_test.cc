// The demo's products: a dozen of Luoyang's, reported by enterprises of their division, air
// conditioners at about 18,000 a day in January–March 2021; the v1 figures are untouched (the
// demo's calibration checks, tests/demo, stay as they were).
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <set>

#include "demo/luoyang_demo.h"
#include "engine/engine.h"
#include "engine/indexed_dataset.h"
#include "products/product_figures.h"

namespace zhizao {
namespace {

const Dataset& demo() {
  static const Dataset dataset = *generate_luoyang_demo({});
  return dataset;
}

TEST(DemoProducts, ADozenReportedByTheirDivisions) {
  const Dataset& data = demo();
  ASSERT_GE(data.products.size(), 12u);
  std::map<std::string, std::string> division_of_product;
  for (const Product& p : data.products) division_of_product[p.code] = p.division;
  std::map<std::string, std::string> division_of_enterprise;
  for (const Enterprise& e : data.enterprises) division_of_enterprise[e.uscc] = e.division;
  std::set<std::string> reported;
  for (const ProductOutput& row : data.product_output) {
    ASSERT_TRUE(division_of_product.contains(row.product)) << row.product;
    EXPECT_EQ(division_of_enterprise.at(row.uscc), division_of_product.at(row.product));
    EXPECT_GE(row.quantity, 0);
    reported.insert(row.product);
  }
  EXPECT_EQ(reported.size(), data.products.size());
}

TEST(DemoProducts, AirConditionersAtAbout18000ADayInTheFirstQuarter) {
  const Dataset& data = demo();
  detail::IndexedDataset indexed(data);
  auto figures = product_figures(indexed, {{2021, 3}, WindowKind::kCumulative, ""});
  ASSERT_TRUE(figures.has_value());
  bool found = false;
  for (const ProductFigures& p : *figures) {
    EXPECT_GT(p.enterprises, 0) << p.code;
    if (p.name != "房间空气调节器") continue;
    found = true;
    EXPECT_NEAR(p.daily_average, 18000, 50);
    EXPECT_EQ(p.enterprises, 1);
    ASSERT_TRUE(p.growth.has_value());
  }
  EXPECT_TRUE(found);
}

TEST(DemoProducts, TractorsHaveAComparableGrowth) {
  detail::IndexedDataset indexed(demo());
  auto figures = product_figures(indexed, {{2021, 4}, WindowKind::kCumulative, "410300"});
  ASSERT_TRUE(figures.has_value());
  for (const ProductFigures& p : *figures) {
    if (p.name == "大中型拖拉机") {
      ASSERT_TRUE(p.growth.has_value());
      EXPECT_TRUE(std::isfinite(*p.growth));
      EXPECT_GT(p.quantity, 0);
    }
  }
}

}  // namespace
}  // namespace zhizao
