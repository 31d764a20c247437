#include "store/sqlite_statement.h"

#include <gtest/gtest.h>

namespace zhizao::detail {
namespace {

class SqliteStatementTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(sqlite3_open(":memory:", &db_), SQLITE_OK);
    ASSERT_TRUE(exec_sql(db_, "CREATE TABLE t (k TEXT PRIMARY KEY, v REAL)").is_ok());
  }
  void TearDown() override { sqlite3_close(db_); }

  int64_t count_rows() {
    auto statement = SqliteStatement::prepare(db_, "SELECT count(*) FROM t");
    EXPECT_TRUE(statement.has_value());
    EXPECT_EQ(statement->step().value_or(StepResult::kDone), StepResult::kRow);
    return statement->column_int64(0);
  }

  sqlite3* db_ = nullptr;
};

TEST_F(SqliteStatementTest, BindsAndReadsValuesIncludingNull) {
  auto insert = SqliteStatement::prepare(db_, "INSERT INTO t (k, v) VALUES (?1, ?2)");
  ASSERT_TRUE(insert.has_value());
  insert->bind(1, std::string_view("a'; DROP TABLE t; --"));
  insert->bind(2, std::optional<double>(0.1));
  ASSERT_TRUE(insert->run().is_ok());
  insert->reset();
  insert->bind(1, std::string_view("b"));
  insert->bind(2, std::optional<double>());
  ASSERT_TRUE(insert->run().is_ok());

  auto select = SqliteStatement::prepare(db_, "SELECT k, v FROM t ORDER BY k");
  ASSERT_TRUE(select.has_value());
  ASSERT_EQ(select->step().value(), StepResult::kRow);
  EXPECT_EQ(select->column_text(0), "a'; DROP TABLE t; --");
  EXPECT_EQ(select->column_optional_double(1), std::optional<double>(0.1));
  ASSERT_EQ(select->step().value(), StepResult::kRow);
  EXPECT_EQ(select->column_optional_double(1), std::nullopt);
  EXPECT_EQ(select->step().value(), StepResult::kDone);
}

TEST_F(SqliteStatementTest, InvalidSqlIsAnError) {
  auto statement = SqliteStatement::prepare(db_, "SELEC nonsense");
  ASSERT_FALSE(statement.has_value());
  EXPECT_EQ(statement.error().code(), StatusCode::kIoError);
}

TEST_F(SqliteStatementTest, ABadBindIsReportedByStep) {
  auto insert = SqliteStatement::prepare(db_, "INSERT INTO t (k, v) VALUES (?1, ?2)");
  ASSERT_TRUE(insert.has_value());
  insert->bind(1, std::string_view("a"));
  insert->bind(7, 1.0);  // no parameter 7
  Result<StepResult> stepped = insert->step();
  ASSERT_FALSE(stepped.has_value());
  EXPECT_NE(stepped.error().message().find("binding"), std::string::npos);
  EXPECT_EQ(count_rows(), 0);
}

TEST_F(SqliteStatementTest, ConstraintViolationIsAnError) {
  ASSERT_TRUE(exec_sql(db_, "INSERT INTO t VALUES ('a', 1)").is_ok());
  Status duplicate = exec_sql(db_, "INSERT INTO t VALUES ('a', 2)");
  EXPECT_EQ(duplicate.code(), StatusCode::kIoError);
}

TEST_F(SqliteStatementTest, UncommittedTransactionRollsBack) {
  {
    SqliteTransaction transaction(db_);
    ASSERT_TRUE(transaction.begin(TransactionKind::kImmediate).is_ok());
    ASSERT_TRUE(exec_sql(db_, "INSERT INTO t VALUES ('a', 1)").is_ok());
  }
  EXPECT_EQ(count_rows(), 0);
  {
    SqliteTransaction transaction(db_);
    ASSERT_TRUE(transaction.begin(TransactionKind::kDeferred).is_ok());
    ASSERT_TRUE(exec_sql(db_, "INSERT INTO t VALUES ('a', 1)").is_ok());
    ASSERT_TRUE(transaction.commit().is_ok());
  }
  EXPECT_EQ(count_rows(), 1);
}

// Begun inside another transaction, a SqliteTransaction is a savepoint of it: its rollback undoes
// only its own rows, its commit hands them to the outer transaction, which alone decides.
TEST_F(SqliteStatementTest, NestedTransactionIsASavepointOfTheOuterOne) {
  {
    SqliteTransaction outer(db_);
    ASSERT_TRUE(outer.begin(TransactionKind::kImmediate).is_ok());
    ASSERT_TRUE(exec_sql(db_, "INSERT INTO t VALUES ('outer', 1)").is_ok());
    {
      SqliteTransaction inner(db_);
      ASSERT_TRUE(inner.begin(TransactionKind::kImmediate).is_ok());
      ASSERT_TRUE(exec_sql(db_, "INSERT INTO t VALUES ('abandoned', 2)").is_ok());
    }
    EXPECT_EQ(count_rows(), 1);  // the inner rows are gone, the outer ones stay
    {
      SqliteTransaction inner(db_);
      ASSERT_TRUE(inner.begin(TransactionKind::kDeferred).is_ok());
      ASSERT_TRUE(exec_sql(db_, "INSERT INTO t VALUES ('kept', 3)").is_ok());
      ASSERT_TRUE(inner.commit().is_ok());
    }
    EXPECT_EQ(count_rows(), 2);
    EXPECT_EQ(sqlite3_get_autocommit(db_), 0);  // still inside the outer transaction
  }
  EXPECT_EQ(count_rows(), 0);  // the outer rollback undoes the committed savepoint too
  {
    SqliteTransaction outer(db_);
    ASSERT_TRUE(outer.begin(TransactionKind::kImmediate).is_ok());
    SqliteTransaction inner(db_);
    ASSERT_TRUE(inner.begin(TransactionKind::kImmediate).is_ok());
    ASSERT_TRUE(exec_sql(db_, "INSERT INTO t VALUES ('both', 4)").is_ok());
    ASSERT_TRUE(inner.commit().is_ok());
    ASSERT_TRUE(outer.commit().is_ok());
  }
  EXPECT_EQ(count_rows(), 1);
}

TEST_F(SqliteStatementTest, CacheReturnsTheSameResetStatement) {
  StatementCache cache(db_);
  ASSERT_TRUE(exec_sql(db_, "INSERT INTO t VALUES ('a', 1), ('b', 2)").is_ok());
  auto first = cache.get("SELECT k FROM t ORDER BY k");
  ASSERT_TRUE(first.has_value());
  ASSERT_EQ((*first)->step().value(), StepResult::kRow);
  EXPECT_EQ((*first)->column_text(0), "a");
  auto again = cache.get("SELECT k FROM t ORDER BY k");
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(*again, *first);
  ASSERT_EQ((*again)->step().value(), StepResult::kRow);
  EXPECT_EQ((*again)->column_text(0), "a");  // started over
}

}  // namespace
}  // namespace zhizao::detail
