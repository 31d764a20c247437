// update_snapshot_after_apply: merging the applied rows into the old snapshot writes the file a
// rebuild writes, byte for byte; whenever the merge would not be exact it rebuilds instead.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "columnar/snapshot.h"
#include "demo/luoyang_demo.h"
#include "store/temp_database.h"

namespace zhizao {
namespace {

std::string file_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

class SnapshotUpdateTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<Dataset> demo = generate_luoyang_demo({});
    ASSERT_TRUE(demo.has_value()) << demo.error().message();
    demo_ = std::move(*demo);
    ASSERT_GT(demo_.monthly.size(), 100U);
    auto db = Database::open(db_path(), OpenMode::kCreateIfMissing);
    ASSERT_TRUE(db.has_value()) << db.error().message();
    db_ = std::move(*db);
  }
  void TearDown() override {
    db_.reset();
    std::filesystem::remove(snapshot_path());
    std::filesystem::remove(rebuilt_path());
  }
  const std::string& db_path() const { return temp_.path(); }
  std::string rebuilt_path() const { return db_path() + ".rebuilt"; }
  // Applies `rows` and returns the batches with the summary, as the importer hands them over.
  std::pair<std::vector<SourcedBatch>, ApplySummary> apply(Dataset rows) {
    std::vector<SourcedBatch> batches{{"test.csv", std::move(rows)}};
    Result<ApplySummary> applied = db_->apply(batches);
    EXPECT_TRUE(applied.has_value()) << applied.error().message();
    return {std::move(batches), applied.value_or(ApplySummary{})};
  }
  std::string snapshot_path() const { return snapshot_path_for(db_path()); }
  // The snapshot at its path equals a rebuild from the database, byte for byte.
  void expect_equal_to_rebuild() {
    ASSERT_TRUE(rebuild_snapshot(*db_, rebuilt_path()).is_ok());
    std::string updated = file_bytes(snapshot_path());
    ASSERT_FALSE(updated.empty());
    EXPECT_TRUE(updated == file_bytes(rebuilt_path()))
        << "the updated snapshot differs from the rebuilt one";
  }
  // The demo without its monthly records from `period` on; `later` gets them.
  Dataset split_at(YearMonth period, Dataset& later) const {
    Dataset earlier = demo_;
    earlier.monthly.clear();
    later = Dataset();
    for (const MonthlyRecord& row : demo_.monthly) {
      (row.period < period ? earlier.monthly : later.monthly).push_back(row);
    }
    return earlier;
  }

  // Updates the snapshot after the apply of `batches` and checks which way it went and that the
  // file is the rebuild's.
  void expect_update(const std::vector<SourcedBatch>& batches, const ApplySummary& summary,
                     SnapshotUpdate expected) {
    Result<SnapshotUpdate> updated =
        update_snapshot_after_apply(*db_, snapshot_path(), batches, summary);
    ASSERT_TRUE(updated.has_value()) << updated.error().message();
    EXPECT_EQ(*updated, expected);
    expect_equal_to_rebuild();
  }

  testing_support::TempDatabasePath temp_;
  Dataset demo_;
  std::unique_ptr<Database> db_;
};

TEST_F(SnapshotUpdateTest, MergesNewMonthsNewEnterprisesAndReplacedValues) {
  Dataset later;
  Dataset earlier = split_at({2021, 1}, later);
  ASSERT_FALSE(later.monthly.empty());
  apply(earlier);
  ASSERT_TRUE(open_or_rebuild_snapshot(*db_, snapshot_path()).has_value());
  // An entrant whose USCC sorts first (every position moves) with a month before the old span,
  // and a replaced value of a stored month.
  Enterprise entrant = demo_.enterprises.front();
  entrant.uscc = "0" + entrant.uscc.substr(1);
  entrant.name = "演示新进企业";
  later.enterprises.push_back(entrant);
  MonthlyRecord early = demo_.monthly.front();
  early.uscc = entrant.uscc;
  early.period = {2010, 3};
  early.value_added.reset();
  later.monthly.push_back(early);
  MonthlyRecord replaced = earlier.monthly.back();
  replaced.output += 1.5;
  replaced.in_scope = !replaced.in_scope;
  later.monthly.push_back(replaced);

  auto [batches, summary] = apply(later);
  EXPECT_EQ(summary.replaced, 1);
  EXPECT_NE(summary.data_version_before, summary.data_version_after);
  expect_update(batches, summary, SnapshotUpdate::kMerged);
  auto opened = ColumnarSnapshot::open(snapshot_path());
  ASSERT_TRUE(opened.has_value());
  EXPECT_EQ((*opened)->columns().first_month, (YearMonth{2010, 3}.index()));
}

TEST_F(SnapshotUpdateTest, FirstMonthlyRowsIntoASnapshotWithoutMonths) {
  Dataset months = demo_;
  demo_.monthly.clear();
  apply(demo_);
  ASSERT_TRUE(open_or_rebuild_snapshot(*db_, snapshot_path()).has_value());
  Dataset only_months;
  only_months.monthly = months.monthly;
  auto [batches, summary] = apply(only_months);
  expect_update(batches, summary, SnapshotUpdate::kMerged);
}

TEST_F(SnapshotUpdateTest, RebuildsWithoutASnapshot) {
  auto [batches, summary] = apply(demo_);
  expect_update(batches, summary, SnapshotUpdate::kRebuilt);
}

TEST_F(SnapshotUpdateTest, RebuildsWhenTheSnapshotIsOlderThanTheApply) {
  Dataset later;
  Dataset earlier = split_at({2020, 1}, later);
  apply(earlier);
  ASSERT_TRUE(open_or_rebuild_snapshot(*db_, snapshot_path()).has_value());
  Dataset middle;
  Dataset last;
  for (const MonthlyRecord& row : later.monthly) {
    (row.period < YearMonth{2021, 1} ? middle.monthly : last.monthly).push_back(row);
  }
  apply(middle);  // never merged: the snapshot misses these rows
  auto [batches, summary] = apply(last);
  expect_update(batches, summary, SnapshotUpdate::kRebuilt);
}

TEST_F(SnapshotUpdateTest, RebuildsWhenAnotherWriteFollowedTheApply) {
  Dataset later;
  Dataset earlier = split_at({2021, 1}, later);
  apply(earlier);
  ASSERT_TRUE(open_or_rebuild_snapshot(*db_, snapshot_path()).has_value());
  Dataset first;
  Dataset second;
  for (const MonthlyRecord& row : later.monthly) {
    (row.period < YearMonth{2021, 3} ? first.monthly : second.monthly).push_back(row);
  }
  auto [batches, summary] = apply(first);
  apply(second);  // commits before the first apply's snapshot update runs
  expect_update(batches, summary, SnapshotUpdate::kRebuilt);
}

}  // namespace
}  // namespace zhizao
