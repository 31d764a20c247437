// The check of submitted product quantities against the month's output, by hand.
#include "products/product_audit.h"

#include <gtest/gtest.h>

#include <vector>

namespace zhizao {
namespace {

TEST(ProductAudit, FlagsAQuantityThatStraysBeyondTheBand) {
  // Output 95 against 100: −5%. Tractors 180 against 100: +80%, gap 85 points → flagged.
  // Bearings 120 against 100: +20%, gap 25 → not. Glass 40 against 100: −60%, gap −55 → flagged.
  std::vector<SubmittedProduct> products = {{"T1", 180, 100}, {"B1", 120, 100}, {"G1", 40, 100}};
  std::vector<ProductDivergence> flagged = diverging_products(95, 100, products);
  ASSERT_EQ(flagged.size(), 2u);
  EXPECT_EQ(flagged[0].product, "T1");
  EXPECT_NEAR(flagged[0].quantity_growth, 80, 1e-9);
  EXPECT_NEAR(flagged[0].output_growth, -5, 1e-9);
  EXPECT_NEAR(flagged[0].gap, 85, 1e-9);
  EXPECT_EQ(flagged[1].product, "G1");
  EXPECT_NEAR(flagged[1].gap, -55, 1e-9);
}

TEST(ProductAudit, TheBandItselfIsNotFlagged) {
  std::vector<SubmittedProduct> products = {{"T1", 150, 100}};  // +50% against 0%: gap 50
  EXPECT_TRUE(diverging_products(100, 100, products).empty());
  EXPECT_EQ(diverging_products(100, 100, products, 49.5).size(), 1u);
}

TEST(ProductAudit, NothingWithoutABase) {
  std::vector<SubmittedProduct> products = {{"T1", 500, std::nullopt}, {"B1", 500, 0}};
  EXPECT_TRUE(diverging_products(100, 100, products).empty());
  std::vector<SubmittedProduct> tractors = {{"T1", 500, 100}};
  EXPECT_TRUE(diverging_products(100, std::nullopt, tractors).empty());
  EXPECT_TRUE(diverging_products(100, 0, tractors).empty());
}

}  // namespace
}  // namespace zhizao
