// load_stored_ids, Database::apply's progress, page-cache scope and multi-row inserts: the
// store's side of a fast import.
#include <gtest/gtest.h>

#include <algorithm>
#include <tuple>
#include <utility>
#include <vector>

#include "store/database.h"
#include "store/sqlite_statement.h"
#include "store/stored_ids.h"
#include "store/temp_database.h"

namespace zhizao {
namespace {

using testing_support::TempDatabasePath;

using testing_support::kUsccA;
using testing_support::kUsccB;

class StoredIdsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = Database::open(file_.path(), OpenMode::kCreateIfMissing);
    ASSERT_TRUE(db.has_value()) << db.error().to_string();
    db_ = std::move(*db);
  }

  TempDatabasePath file_;
  std::unique_ptr<Database> db_;
};

Dataset some_rows() {
  Dataset d;
  d.enterprises.push_back({kUsccB, "乙公司", "3411", "34", "410305", "p1", {"c1"}, true});
  d.enterprises.push_back({kUsccA, "甲公司", "13", "13", "410302", "", {}, false});
  d.parks.push_back({"p1", "洛龙园区", "410311", ""});
  d.chains.push_back({"c1", "装备制造"});
  d.projects.push_back({"P9", "九号项目", "410305", 10, "", "", "", {}, {}, {}, {}, {}, ""});
  for (int month = 1; month <= 3; ++month) {
    MonthlyRecord m;
    m.uscc = kUsccA;
    m.period = {2021, month};
    m.output = month;
    d.monthly.push_back(m);
  }
  return d;
}

TEST_F(StoredIdsTest, EmptyDatabaseHasNoIds) {
  Result<StoredIds> ids = load_stored_ids(*db_);
  ASSERT_TRUE(ids.has_value()) << ids.error().to_string();
  EXPECT_TRUE(ids->enterprises.empty());
  EXPECT_TRUE(ids->projects.empty());
  EXPECT_TRUE(ids->parks.empty());
  EXPECT_TRUE(ids->chains.empty());
}

TEST_F(StoredIdsTest, ReadsTheIdsOfEachKindInKeyOrder) {
  ASSERT_TRUE(db_->apply({{"all.csv", some_rows()}}).has_value());
  Result<StoredIds> ids = load_stored_ids(*db_);
  ASSERT_TRUE(ids.has_value()) << ids.error().to_string();
  EXPECT_EQ(ids->enterprises, (std::vector<std::string>{kUsccA, kUsccB}));
  EXPECT_EQ(ids->projects, std::vector<std::string>{"P9"});
  EXPECT_EQ(ids->parks, std::vector<std::string>{"p1"});
  EXPECT_EQ(ids->chains, std::vector<std::string>{"c1"});
}

TEST_F(StoredIdsTest, ApplyReportsProgressUpToEveryRow) {
  std::vector<std::pair<size_t, size_t>> calls;
  Result<ApplySummary> summary =
      db_->apply({{"all.csv", some_rows()}},
                 [&](size_t done, size_t total) { calls.emplace_back(done, total); });
  ASSERT_TRUE(summary.has_value()) << summary.error().to_string();
  EXPECT_EQ(summary->inserted, 8);
  ASSERT_FALSE(calls.empty());
  EXPECT_EQ(calls.back(), (std::pair<size_t, size_t>{8, 8}));
}

TEST_F(StoredIdsTest, InsertedThenExistingKeysAreCountedAndTheCacheSizeIsPutBack) {
  auto cache_size = [&] {
    auto query = detail::SqliteStatement::prepare(db_->native_handle(), "PRAGMA cache_size");
    EXPECT_TRUE(query.has_value());
    EXPECT_EQ(query->step().value_or(detail::StepResult::kDone), detail::StepResult::kRow);
    return query->column_int64(0);
  };
  int64_t before = cache_size();
  ASSERT_TRUE(db_->apply({{"all.csv", some_rows()}}).has_value());
  Dataset changed = some_rows();
  changed.monthly[1].output = 20;
  changed.enterprises[0].chains.clear();
  Result<ApplySummary> again = db_->apply({{"again.csv", changed}});
  ASSERT_TRUE(again.has_value()) << again.error().to_string();
  EXPECT_EQ(again->inserted, 0);
  EXPECT_EQ(again->replaced, 2);
  EXPECT_EQ(again->unchanged, 6);
  Result<Dataset> loaded = db_->load();
  ASSERT_TRUE(loaded.has_value());
  EXPECT_EQ(loaded->monthly[1].output, 20);
  EXPECT_EQ(cache_size(), before);
}

// 100 rows: three groups of a multi-row insert and four rows alone.
Dataset hundred_months(double output) {
  Dataset d;
  for (int i = 0; i < 100; ++i) {
    MonthlyRecord m;
    m.uscc = i < 50 ? kUsccA : kUsccB;
    m.period = {2010 + (i % 50) / 12, (i % 50) % 12 + 1};
    m.output = output;
    m.value_added = i % 3 == 0 ? std::optional<double>() : std::optional<double>(output / 4);
    d.monthly.push_back(m);
  }
  return d;
}

TEST_F(StoredIdsTest, GroupsWithStoredKeysFallBackToOneByOne) {
  // Keys 40..44 stored before: 40, 41 with the same values, 42..44 with others.
  Dataset some = hundred_months(7);
  Dataset stored;
  stored.monthly.assign(some.monthly.begin() + 40, some.monthly.begin() + 45);
  for (size_t i = 2; i < 5; ++i) stored.monthly[i].output = 1;
  ASSERT_TRUE(db_->apply({{"first.csv", stored}}).has_value());

  Result<ApplySummary> summary = db_->apply({{"all.csv", some}});
  ASSERT_TRUE(summary.has_value()) << summary.error().to_string();
  EXPECT_EQ(summary->inserted, 95);
  EXPECT_EQ(summary->unchanged, 2);
  EXPECT_EQ(summary->replaced, 3);
  Result<std::vector<Revision>> revisions = db_->revisions({});
  ASSERT_TRUE(revisions.has_value());
  ASSERT_EQ(revisions->size(), 3u);
  EXPECT_EQ(revisions->front().source, "all.csv");
  Result<Dataset> loaded = db_->load();
  ASSERT_TRUE(loaded.has_value());
  Dataset expected = some;
  std::sort(expected.monthly.begin(), expected.monthly.end(),
            [](const MonthlyRecord& a, const MonthlyRecord& b) {
              return std::tie(a.uscc, a.period) < std::tie(b.uscc, b.period);
            });
  EXPECT_EQ(loaded->monthly, expected.monthly);
}

TEST_F(StoredIdsTest, ARefusedRowInAGroupFailsTheWholeApply) {
  Dataset some = hundred_months(7);
  some.monthly[10].period.month = 13;  // no year block has a 13th month
  Result<ApplySummary> failed = db_->apply({{"bad.csv", some}});
  ASSERT_FALSE(failed.has_value());
  EXPECT_EQ(failed.error().code(), StatusCode::kInvalidData);
  EXPECT_NE(failed.error().message().find("month outside 1..12"), std::string::npos)
      << failed.error().message();
  Result<Dataset> loaded = db_->load();
  ASSERT_TRUE(loaded.has_value());
  EXPECT_TRUE(loaded->monthly.empty());
}

}  // namespace
}  // namespace zhizao
