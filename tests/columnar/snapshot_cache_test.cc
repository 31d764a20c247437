// SnapshotCache, the server's snapshot: a write brought in by write_then_update (a published
// submission: a merge of what it applied) does not hold up the readers that may read the
// snapshot before it (kOrPrevious), while those that need the current one wait for it; neither is
// ever given a mix.
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <future>
#include <thread>

#include "columnar/report_input.h"
#include "columnar/snapshot.h"
#include "demo/luoyang_demo.h"
#include "store/temp_database.h"

namespace zhizao {
namespace {

using namespace std::chrono_literals;

class SnapshotCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<Dataset> demo = generate_luoyang_demo({});
    ASSERT_TRUE(demo.has_value()) << demo.error().message();
    uscc_ = demo->enterprises.front().uscc;
    db_ = open_db();
    ASSERT_NE(db_, nullptr);
    ASSERT_TRUE(db_->apply({{"demo", *demo}}).has_value());
  }
  void TearDown() override { db_.reset(); }
  // A connection of its own (one per thread, as Database requires).
  std::unique_ptr<Database> open_db() const {
    auto db = Database::open(db_path_, OpenMode::kCreateIfMissing);
    EXPECT_TRUE(db.has_value()) << db.error().message();
    return db ? std::move(*db) : nullptr;
  }
  // A record of the first enterprise for 2030-01, a month the demo does not have.
  SourcedBatch new_month() const {
    SourcedBatch batch{"submission #1 by test", {}};
    MonthlyRecord record;
    record.uscc = uscc_;
    record.period = YearMonth{2030, 1};
    record.output = 1234.5;
    record.value_added = 321.25;
    batch.rows.monthly.push_back(record);
    return batch;
  }
  static bool has_new_month(const ReportInput& input, const std::string& uscc) {
    std::vector<MonthlyRecord> records = input.records_of(uscc);
    return !records.empty() && records.back().period == YearMonth{2030, 1};
  }

  testing_support::TempDatabasePath temp_;
  std::string db_path_ = temp_.path();
  std::string uscc_;
  std::unique_ptr<Database> db_;
};

TEST_F(SnapshotCacheTest, ReadersGoOnWithThePreviousSnapshotWhileAWriteIsBroughtIn) {
  SnapshotCache cache(db_path_);
  Result<ReportInput> before = cache.current(*db_, SnapshotUse::kAuto);
  ASSERT_TRUE(before.has_value()) << before.error().message();
  ASSERT_TRUE(before->data_version().has_value());
  const std::int64_t version_before = *before->data_version();

  std::promise<void> applied;
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  std::future<Status> writer = std::async(std::launch::async, [&] {
    std::unique_ptr<Database> db = open_db();
    return cache.write_then_update(*db, [&]() -> std::optional<AppliedChange> {
      std::vector<SourcedBatch> batches{new_month()};
      Result<ApplySummary> summary = db->apply(batches);
      EXPECT_TRUE(summary.has_value());
      applied.set_value();
      released.wait();  // the update is "in progress" until the test lets it go on
      if (!summary) return std::nullopt;
      return AppliedChange{std::move(batches), *summary};
    });
  });
  applied.get_future().wait();

  // The write is committed, its snapshot not ready: a reader that may read the previous one gets
  // it at once, whole: the data version before the write and none of its rows.
  std::unique_ptr<Database> reader_db = open_db();
  Result<ReportInput> previous =
      cache.current(*reader_db, SnapshotUse::kAuto, SnapshotWait::kOrPrevious);
  ASSERT_TRUE(previous.has_value()) << previous.error().message();
  EXPECT_EQ(previous->data_version(), version_before);
  EXPECT_FALSE(has_new_month(*previous, uscc_));

  // A reader that needs the current data waits for the update.
  std::atomic<bool> current_returned = false;
  std::future<std::optional<std::int64_t>> current_reader = std::async(std::launch::async, [&] {
    std::unique_ptr<Database> db = open_db();
    Result<ReportInput> current = cache.current(*db, SnapshotUse::kAuto);
    current_returned = true;
    EXPECT_TRUE(current.has_value());
    EXPECT_TRUE(current && has_new_month(*current, uscc_));
    return current ? current->data_version() : std::nullopt;
  });
  std::this_thread::sleep_for(200ms);
  EXPECT_FALSE(current_returned) << "a reader of the current data did not wait for the update";

  release.set_value();
  Status updated = writer.get();
  EXPECT_TRUE(updated.is_ok()) << updated.message();
  std::optional<std::int64_t> current_version = current_reader.get();
  Result<std::int64_t> db_version = db_->data_version();
  ASSERT_TRUE(db_version.has_value());
  EXPECT_GT(*db_version, version_before);
  EXPECT_EQ(current_version, *db_version);

  // Afterwards every reader gets the new snapshot, and the old input still reads the old data.
  Result<ReportInput> after = cache.current(*db_, SnapshotUse::kAuto, SnapshotWait::kOrPrevious);
  ASSERT_TRUE(after.has_value());
  EXPECT_EQ(after->data_version(), *db_version);
  EXPECT_TRUE(has_new_month(*after, uscc_));
  EXPECT_FALSE(has_new_month(*previous, uscc_));
}

// The update is the merge of what the write applied: the file is the one a rebuild writes
// (columnar/snapshot.h), so readers see exactly the stored data.
TEST_F(SnapshotCacheTest, TheUpdatedSnapshotHoldsTheStoredData) {
  SnapshotCache cache(db_path_);
  ASSERT_TRUE(cache.current(*db_, SnapshotUse::kAuto).has_value());
  Status updated = cache.write_then_update(*db_, [&]() -> std::optional<AppliedChange> {
    std::vector<SourcedBatch> batches{new_month()};
    Result<ApplySummary> summary = db_->apply(batches);
    if (!summary) return std::nullopt;
    return AppliedChange{std::move(batches), *summary};
  });
  ASSERT_TRUE(updated.is_ok()) << updated.message();
  Result<ReportInput> served = cache.current(*db_, SnapshotUse::kAuto);
  ASSERT_TRUE(served.has_value());
  Result<Dataset> loaded = db_->load();
  ASSERT_TRUE(loaded.has_value());
  ReportInput stored = ReportInput::of_dataset(std::move(*loaded));
  EXPECT_EQ(served->records_of(uscc_), stored.records_of(uscc_));
  EXPECT_TRUE(has_new_month(*served, uscc_));
}

// A write that applies nothing leaves the snapshot as it is; one that changes the data another
// way (no batches to merge) still brings the snapshot up to date before readers are let on.
TEST_F(SnapshotCacheTest, AWriteWithoutBatchesIsBroughtInByARebuild) {
  SnapshotCache cache(db_path_);
  Result<ReportInput> before = cache.current(*db_, SnapshotUse::kAuto);
  ASSERT_TRUE(before.has_value());
  ASSERT_TRUE(cache.write_then_update(*db_, [] { return std::nullopt; }).is_ok());
  Result<ReportInput> unchanged = cache.current(*db_, SnapshotUse::kAuto);
  ASSERT_TRUE(unchanged.has_value());
  EXPECT_EQ(unchanged->data_version(), before->data_version());

  ASSERT_TRUE(cache
                  .write_then_update(*db_,
                                     [&]() -> std::optional<AppliedChange> {
                                       EXPECT_TRUE(db_->apply({new_month()}).has_value());
                                       return std::nullopt;
                                     })
                  .is_ok());
  Result<ReportInput> after = cache.current(*db_, SnapshotUse::kAuto, SnapshotWait::kOrPrevious);
  ASSERT_TRUE(after.has_value());
  EXPECT_EQ(after->data_version(), *db_->data_version());
  EXPECT_TRUE(has_new_month(*after, uscc_));
}

}  // namespace
}  // namespace zhizao
