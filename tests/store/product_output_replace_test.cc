// SourcedBatch::product_output_replaced (issue 15): a published submission's products part
// replaces the enterprise's product_output rows of its month as a whole, other months and other
// enterprises untouched; a deleted row leaves a revision whose new value is null.
#include <gtest/gtest.h>

#include "store/database.h"
#include "temp_database.h"

namespace zhizao {
namespace {

using testing_support::TempDatabasePath;

constexpr const char* kFirm = "91410302MA400001XM";
constexpr const char* kOther = "91410305MA400002X2";

class ProductOutputReplace : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = Database::open(file_.path(), OpenMode::kCreateIfMissing);
    ASSERT_TRUE(opened.has_value()) << opened.error().to_string();
    db_ = *std::move(opened);
    SourcedBatch seed{"product_output.csv", {}};
    seed.rows.products = {{"B1", "滚动轴承", "套", "34"}, {"T1", "拖拉机", "台", "35"}};
    seed.rows.product_output = {{kFirm, {2021, 4}, "B1", 10, std::nullopt},
                                {kFirm, {2021, 4}, "T1", 7, 5},
                                {kFirm, {2021, 3}, "T1", 6, std::nullopt},
                                {kOther, {2021, 4}, "T1", 60, 40}};
    ASSERT_TRUE(db_->apply({seed}).has_value());
  }

  std::vector<ProductOutput> stored() {
    auto data = db_->load();
    EXPECT_TRUE(data.has_value());
    return data ? data->product_output : std::vector<ProductOutput>();
  }

  TempDatabasePath file_;
  std::unique_ptr<Database> db_;
};

TEST_F(ProductOutputReplace, UnlistedRowsOfTheMonthAreDeletedWithARevision) {
  SourcedBatch batch{"submission #1 by ent", {}};
  batch.rows.product_output = {{kFirm, {2021, 4}, "B1", 12, 11}};
  batch.product_output_replaced = {{kFirm, {2021, 4}}};
  auto applied = db_->apply({batch});
  ASSERT_TRUE(applied.has_value()) << applied.error().to_string();
  EXPECT_EQ(applied->replaced, 2);  // B1's new value, T1's removal
  std::vector<ProductOutput> expected = {{kFirm, {2021, 3}, "T1", 6, std::nullopt},
                                         {kFirm, {2021, 4}, "B1", 12, 11},
                                         {kOther, {2021, 4}, "T1", 60, 40}};
  EXPECT_EQ(stored(), expected);
  auto revisions = db_->revisions({std::string(kFirm), std::string("product_output")});
  ASSERT_TRUE(revisions.has_value());
  ASSERT_EQ(revisions->size(), 2u);
  EXPECT_EQ((*revisions)[0].key, std::string(kFirm) + "|2021-04|T1");
  EXPECT_EQ((*revisions)[0].old_value,
            R"({"uscc":"91410302MA400001XM","period":"2021-04","product":"T1","quantity":7.0,)"
            R"("quantity_prev":5.0})");
  EXPECT_EQ((*revisions)[0].new_value, "null");
  EXPECT_EQ((*revisions)[0].source, "submission #1 by ent");
  EXPECT_EQ((*revisions)[1].key, std::string(kFirm) + "|2021-04|B1");
}

TEST_F(ProductOutputReplace, AnEmptyListClearsTheMonth) {
  SourcedBatch batch{"submission #2 by ent", {}};
  batch.product_output_replaced = {{kFirm, {2021, 4}}};
  ASSERT_TRUE(db_->apply({batch}).has_value());
  std::vector<ProductOutput> expected = {{kFirm, {2021, 3}, "T1", 6, std::nullopt},
                                         {kOther, {2021, 4}, "T1", 60, 40}};
  EXPECT_EQ(stored(), expected);
}

// Without product_output_replaced (an import) stored rows are only inserted or replaced.
TEST_F(ProductOutputReplace, ImportsDeleteNothing) {
  SourcedBatch batch{"product_output.csv", {}};
  batch.rows.product_output = {{kFirm, {2021, 4}, "B1", 12, std::nullopt}};
  auto applied = db_->apply({batch});
  ASSERT_TRUE(applied.has_value());
  EXPECT_EQ(applied->replaced, 1);
  EXPECT_EQ(stored().size(), 4u);
}

}  // namespace
}  // namespace zhizao
