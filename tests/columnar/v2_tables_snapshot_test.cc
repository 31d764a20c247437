// The snapshot's tables carry the v2 inputs (products, product output, targets, campaigns,
// assignments, visits, cases, Project::campaign) as the database stores them, whether the
// snapshot was rebuilt or merged after an apply.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "columnar/snapshot.h"
#include "store/temp_database.h"

namespace zhizao {
namespace {

constexpr const char* kUscc = "91410300MA44A0001A";

Dataset v2_rows() {
  Dataset d;
  d.products = {{"P1", "轴承", "套", "34"}};
  d.product_output = {{kUscc, {2021, 4}, "P1", 12.5, 3.0}};
  d.targets = {{"t1", "百亿企业", TargetIndicator::kManufacturingEnterprisesOver, "luoyang-metro",
                2025, 30, 1000000.0}};
  d.campaigns = {{"c1", "百日攻坚", CivilDate{2021, 4, 1}, CivilDate{2021, 7, 9}, 12L, {}, 5.5}};
  d.assignments = {{kUscc, "张三", "工信局"}};
  d.visits = {{kUscc, CivilDate{2021, 4, 2}, "张三", "用工"}};
  d.cases = {{"S1", kUscc, CivilDate{2021, 3, 1}, "用地", "自然资源局", CivilDate{2021, 3, 31},
              CivilDate{2021, 3, 20}, 5}};
  Project project;
  project.id = "X1";
  project.name = "项目";
  project.region = "410302";
  project.campaign = "c1";
  d.projects = {project};
  return d;
}

class V2TablesSnapshot : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = Database::open(db_path_, OpenMode::kCreateIfMissing);
    ASSERT_TRUE(db.has_value()) << db.error().message();
    db_ = std::move(*db);
  }
  void TearDown() override { db_.reset(); }
  // The stored tables as the snapshot holds them: no monthly records.
  Dataset stored_tables() {
    Result<Dataset> loaded = db_->load();
    EXPECT_TRUE(loaded.has_value());
    Dataset d = loaded.value_or(Dataset{});
    d.monthly.clear();
    return d;
  }
  testing_support::TempDatabasePath temp_;
  std::string db_path_ = temp_.path();
  std::unique_ptr<Database> db_;
};

TEST_F(V2TablesSnapshot, ARebuiltSnapshotHoldsTheV2Tables) {
  ASSERT_TRUE(db_->apply({{"v2.csv", v2_rows()}}).has_value());
  auto snapshot = open_or_rebuild_snapshot(*db_, snapshot_path_for(db_path_));
  ASSERT_TRUE(snapshot.has_value()) << snapshot.error().message();
  const Dataset& tables = (*snapshot)->tables();
  EXPECT_EQ(tables, stored_tables());
  ASSERT_EQ(tables.cases.size(), 1u);
  EXPECT_EQ(tables.projects.at(0).campaign, "c1");
  EXPECT_EQ(tables.targets.at(0).threshold, std::optional<double>(1000000.0));
}

TEST_F(V2TablesSnapshot, AMergedSnapshotHoldsTheAppliedV2Rows) {
  ASSERT_TRUE(db_->apply({{"v2.csv", v2_rows()}}).has_value());
  ASSERT_TRUE(open_or_rebuild_snapshot(*db_, snapshot_path_for(db_path_)).has_value());
  Dataset more;
  more.products = {{"P2", "汽车", "辆", ""}};
  more.visits = {{kUscc, CivilDate{2021, 5, 6}, "李四", ""}};
  std::vector<SourcedBatch> batches = {{"more.csv", more}};
  Result<ApplySummary> summary = db_->apply(batches);
  ASSERT_TRUE(summary.has_value());
  Result<SnapshotUpdate> updated =
      update_snapshot_after_apply(*db_, snapshot_path_for(db_path_), batches, *summary);
  ASSERT_TRUE(updated.has_value()) << updated.error().message();
  EXPECT_EQ(*updated, SnapshotUpdate::kMerged);
  auto snapshot = ColumnarSnapshot::open(snapshot_path_for(db_path_));
  ASSERT_TRUE(snapshot.has_value());
  EXPECT_EQ((*snapshot)->tables(), stored_tables());
  EXPECT_EQ((*snapshot)->tables().products.size(), 2u);
  EXPECT_EQ((*snapshot)->tables().visits.size(), 2u);
}

}  // namespace
}  // namespace zhizao
