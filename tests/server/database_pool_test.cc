// DatabasePool: connections lent one per request, kept only when clean; WalCheckpointer: the log
// copied back by its own thread while the pool's connections never checkpoint.
#include "server/database_pool.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <chrono>
#include <filesystem>
#include <future>
#include <string>
#include <thread>

#include "server/wal_checkpointer.h"
#include "store/temp_database.h"

namespace zhizao::server {
namespace {

class DatabasePoolTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = temp_.path();
    auto created = Database::open(path_, OpenMode::kCreateIfMissing);
    ASSERT_TRUE(created.has_value()) << created.error().to_string();
  }

  static int exec(Database& db, const std::string& sql) {
    return sqlite3_exec(db.native_handle(), sql.c_str(), nullptr, nullptr, nullptr);
  }
  // Column `column` of the first row of `sql`.
  static long long single_integer(Database& db, const std::string& sql, int column = 0) {
    sqlite3_stmt* statement = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db.native_handle(), sql.c_str(), -1, &statement, nullptr),
              SQLITE_OK);
    EXPECT_EQ(sqlite3_step(statement), SQLITE_ROW);
    long long value = sqlite3_column_int64(statement, column);
    sqlite3_finalize(statement);
    return value;
  }

  testing_support::TempDatabasePath temp_;
  std::string path_;
};

TEST_F(DatabasePoolTest, AConnectionGivenBackIsLentAgain) {
  DatabasePool pool(path_, 4, PooledCheckpoints::kAutomatic);
  const Database* first = nullptr;
  {
    auto lease = pool.lend();
    ASSERT_TRUE(lease.has_value()) << lease.error().to_string();
    first = &**lease;
    EXPECT_EQ(pool.idle_count(), 0u);
  }
  EXPECT_EQ(pool.idle_count(), 1u);
  auto again = pool.lend();
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(&**again, first);
  // Lent at once, two requests get two connections.
  auto second = pool.lend();
  ASSERT_TRUE(second.has_value());
  EXPECT_NE(&**second, first);
}

TEST_F(DatabasePoolTest, KeepsNoMoreIdleThanItsBound) {
  DatabasePool pool(path_, 2, PooledCheckpoints::kAutomatic);
  {
    auto a = pool.lend();
    auto b = pool.lend();
    auto c = pool.lend();
    ASSERT_TRUE(a && b && c);
  }
  EXPECT_EQ(pool.idle_count(), 2u);
}

TEST_F(DatabasePoolTest, AConnectionLeftInATransactionIsClosedAndRolledBack) {
  DatabasePool pool(path_, 4, PooledCheckpoints::kAutomatic);
  {
    auto lease = pool.lend();
    ASSERT_TRUE(lease.has_value());
    ASSERT_EQ(exec(**lease, "CREATE TABLE t (x INTEGER)"), SQLITE_OK);
    ASSERT_EQ(exec(**lease, "BEGIN; INSERT INTO t VALUES (1)"), SQLITE_OK);
  }
  EXPECT_EQ(pool.idle_count(), 0u);
  auto next = pool.lend();
  ASSERT_TRUE(next.has_value());
  EXPECT_EQ(single_integer(**next, "SELECT count(*) FROM t"), 0);
}

TEST_F(DatabasePoolTest, AConnectionWithAStatementLeftIsClosed) {
  DatabasePool pool(path_, 4, PooledCheckpoints::kAutomatic);
  sqlite3_stmt* left = nullptr;
  {
    auto lease = pool.lend();
    ASSERT_TRUE(lease.has_value());
    ASSERT_EQ(sqlite3_prepare_v2((*lease)->native_handle(), "SELECT 1", -1, &left, nullptr),
              SQLITE_OK);
    ASSERT_EQ(sqlite3_step(left), SQLITE_ROW);  // a read transaction stays open
  }
  // Closed with sqlite3_close_v2: the handle waits (a zombie) for this last statement.
  EXPECT_EQ(pool.idle_count(), 0u);
  sqlite3_finalize(left);
}

TEST_F(DatabasePoolTest, AKeptConnectionSeesWhatOthersCommitted) {
  DatabasePool pool(path_, 4, PooledCheckpoints::kAutomatic);
  {
    auto lease = pool.lend();
    ASSERT_TRUE(lease.has_value());
    ASSERT_EQ(exec(**lease, "CREATE TABLE t (x INTEGER)"), SQLITE_OK);
    EXPECT_EQ(single_integer(**lease, "SELECT count(*) FROM t"), 0);
  }
  auto other = Database::open(path_, OpenMode::kMustExist);
  ASSERT_TRUE(other.has_value());
  ASSERT_EQ(exec(**other, "INSERT INTO t VALUES (1), (2)"), SQLITE_OK);
  auto kept = pool.lend();
  ASSERT_TRUE(kept.has_value());
  EXPECT_EQ(single_integer(**kept, "SELECT count(*) FROM t"), 2);
}

TEST_F(DatabasePoolTest, AMissingDatabaseIsAnError) {
  const std::string missing = path_ + ".none";
  DatabasePool pool(missing, 4, PooledCheckpoints::kAutomatic);
  auto lease = pool.lend();
  ASSERT_FALSE(lease.has_value());
  EXPECT_EQ(lease.error().code(), StatusCode::kNotFound);
  EXPECT_FALSE(std::filesystem::exists(missing));
}

TEST_F(DatabasePoolTest, PooledConnectionsLeaveCheckpointsToTheCheckpointer) {
  DatabasePool pool(path_, 4, PooledCheckpoints::kLeftToCheckpointer);
  auto lease = pool.lend();
  ASSERT_TRUE(lease.has_value());
  EXPECT_EQ(single_integer(**lease, "PRAGMA wal_autocheckpoint"), 0);
  DatabasePool automatic(path_, 4, PooledCheckpoints::kAutomatic);
  auto other = automatic.lend();
  ASSERT_TRUE(other.has_value());
  EXPECT_EQ(single_integer(**other, "PRAGMA wal_autocheckpoint"), 1000);  // SQLite's default
}

// 1,200 commits of one 16 KiB page each: past SQLite's automatic checkpoint at 1,000 pages.
// Without syncing: the checkpoints' behaviour does not depend on it, and 1,200 syncs would take
// seconds.
void write_past_the_automatic_checkpoint(Database& db) {
  ASSERT_EQ(sqlite3_exec(db.native_handle(), "PRAGMA synchronous = OFF", nullptr, nullptr, nullptr),
            SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db.native_handle(), "CREATE TABLE t (x BLOB)", nullptr, nullptr, nullptr),
            SQLITE_OK);
  for (int i = 0; i < 1200; ++i) {
    ASSERT_EQ(sqlite3_exec(db.native_handle(), "INSERT INTO t VALUES (zeroblob(12000))", nullptr,
                           nullptr, nullptr),
              SQLITE_OK);
  }
}

TEST_F(DatabasePoolTest, APooledConnectionNeverCheckpointsInsideItsCommits) {
  DatabasePool pool(path_, 4, PooledCheckpoints::kLeftToCheckpointer);
  auto lease = pool.lend();
  ASSERT_TRUE(lease.has_value());
  write_past_the_automatic_checkpoint(**lease);
  // Every frame is still in the log (an automatic checkpoint would have let the log start over
  // at the commit after it): column 1 of the pragma's row is the log's frame count.
  EXPECT_GE(single_integer(**lease, "PRAGMA wal_checkpoint(PASSIVE)", 1), 1200);
}

TEST_F(DatabasePoolTest, AConnectionWithAutomaticCheckpointsStartsTheLogOver) {
  DatabasePool pool(path_, 4, PooledCheckpoints::kAutomatic);
  auto lease = pool.lend();
  ASSERT_TRUE(lease.has_value());
  write_past_the_automatic_checkpoint(**lease);
  EXPECT_LT(single_integer(**lease, "PRAGMA wal_checkpoint(PASSIVE)", 1), 1200);
}

// A pooled connection's write that meets another connection's write lock waits for it, trying
// again every millisecond (try_each_millisecond), and then succeeds.
TEST_F(DatabasePoolTest, AWriteWaitsForAnotherConnectionsLockAndThenSucceeds) {
  DatabasePool pool(path_, 4, PooledCheckpoints::kLeftToCheckpointer);
  auto holder = Database::open(path_, OpenMode::kMustExist);
  ASSERT_TRUE(holder.has_value());
  ASSERT_EQ(exec(**holder, "CREATE TABLE t (x INTEGER)"), SQLITE_OK);
  ASSERT_EQ(exec(**holder, "BEGIN IMMEDIATE"), SQLITE_OK);
  ASSERT_EQ(exec(**holder, "INSERT INTO t VALUES (1)"), SQLITE_OK);
  auto lease = pool.lend();
  ASSERT_TRUE(lease.has_value());
  std::promise<void> started;
  std::future<int> written = std::async(std::launch::async, [&] {
    started.set_value();
    return exec(**lease, "INSERT INTO t VALUES (2)");
  });
  started.get_future().wait();
  std::this_thread::sleep_for(std::chrono::milliseconds(50));  // the writer is waiting
  ASSERT_EQ(exec(**holder, "COMMIT"), SQLITE_OK);
  EXPECT_EQ(written.get(), SQLITE_OK);
  EXPECT_EQ(single_integer(**holder, "SELECT count(*) FROM t"), 2);
  // The wait was the pool's handler's, not SQLite's own timeout.
  EXPECT_GT(pool.busy_retries(), 0);
}

// The handler gives up after kBusyTries tries (about 10 s), as the timeout it replaces did.
TEST(TryEachMillisecondTest, GivesUpAfterItsTries) {
  EXPECT_EQ(try_each_millisecond(nullptr, 0), 1);
  EXPECT_EQ(try_each_millisecond(nullptr, kBusyTries - 1), 1);
  EXPECT_EQ(try_each_millisecond(nullptr, kBusyTries), 0);
}

TEST_F(DatabasePoolTest, TheCheckpointerCopiesTheLogBackOnItsOwnThread) {
  auto own = Database::open(path_, OpenMode::kMustExist);
  ASSERT_TRUE(own.has_value());
  WalCheckpointer checkpointer(*std::move(own), std::chrono::milliseconds(20));
  DatabasePool pool(path_, 4, PooledCheckpoints::kLeftToCheckpointer);
  {
    auto lease = pool.lend();
    ASSERT_TRUE(lease.has_value());
    write_past_the_automatic_checkpoint(**lease);
  }
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  WalCheckpointer::LogState state;
  while (std::chrono::steady_clock::now() < deadline) {
    state = checkpointer.last_state();
    if (state.log_frames > 0 && state.checkpointed_frames == state.log_frames) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_GT(state.log_frames, 0);
  EXPECT_EQ(state.checkpointed_frames, state.log_frames);
  // The rows are all there, read through another connection.
  auto reader = Database::open(path_, OpenMode::kMustExist);
  ASSERT_TRUE(reader.has_value());
  EXPECT_EQ(single_integer(**reader, "SELECT count(*) FROM t"), 1200);
}

}  // namespace
}  // namespace zhizao::server
