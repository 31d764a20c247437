// SqliteStatement: an RAII owner of one prepared SQLite statement, and SqliteTransaction, a
// scope that rolls back unless committed. Values are always bound as parameters, never spliced
// into SQL text (https://sqlite.org/lang_expr.html#varparam).
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "base/result.h"

// In a function returning Result<T>: returns the failed Status of `expr` as an unexpected value.
#define ZHIZAO_RETURN_IF_ERROR_RESULT(expr)                             \
  do {                                                                  \
    ::zhizao::Status zhizao_status_ = (expr);                           \
    if (!zhizao_status_.is_ok()) return ::zhizao::fail(zhizao_status_); \
  } while (0)

namespace zhizao::detail {

// Returns a Status for SQLite result `rc` on `db`: kCorruption for SQLITE_CORRUPT and
// SQLITE_NOTADB, kIoError otherwise; the message is `what` and SQLite's own message.
Status sqlite_status(sqlite3* db, int rc, std::string_view what);

// Runs `sql` (one or more statements without parameters, e.g. DDL). Errors: see sqlite_status.
Status exec_sql(sqlite3* db, const char* sql);

// Moves the data version forward, to at least the time in microseconds (migration 4 says why):
// every write that changes what a report, a cache or the snapshot reads runs it in its
// transaction, so that readers see the change.
inline constexpr const char* kAdvanceDataVersionSql =
    "UPDATE data_version SET version = max(version + 1, "
    "CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) * 1000 + abs(random() % 1000))";

// Whether step() produced a row or finished the statement.
enum class StepResult { kRow, kDone };

// A prepared statement. Move-only; finalizes on destruction. Not thread-safe. The connection
// must outlive the statement. Parameter indexes are 1-based, column indexes 0-based (as SQLite).
class SqliteStatement {
 public:
  // Compiles `sql` on `db`. Errors: see sqlite_status.
  static Result<SqliteStatement> prepare(sqlite3* db, std::string_view sql);

  SqliteStatement(SqliteStatement&& other) noexcept;
  SqliteStatement& operator=(SqliteStatement&& other) noexcept;
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;
  ~SqliteStatement();

  // Binders copy their value (SQLITE_TRANSIENT). A failed bind is remembered and returned by the
  // next step(), so a sequence of binds needs one check.
  void bind(int index, std::string_view text);
  void bind(int index, double value);
  void bind(int index, int64_t value);
  void bind(int index, int value) { bind(index, static_cast<int64_t>(value)); }
  void bind(int index, const std::optional<double>& value);
  void bind(int index, const std::optional<std::string>& text);
  void bind_null(int index);
  // Binds the bytes as a BLOB (copied, as the other binders).
  void bind_blob(int index, std::span<const unsigned char> bytes);

  // Advances the statement. Errors: a failed bind, or see sqlite_status.
  Result<StepResult> step();
  // Steps a statement that returns no rows (INSERT, UPDATE, DELETE). Errors: as step().
  Status run();
  // Makes the statement ready to run again and clears its bindings.
  void reset();
  // The rows the connection's latest finished INSERT, UPDATE or DELETE changed
  // (sqlite3_changes); read it right after run().
  int changes() const;
  // Whether the latest failed step() failed on a constraint (SQLITE_CONSTRAINT: a key that
  // exists, a CHECK or NOT NULL). Read it right after the failure, before reset().
  bool last_error_is_constraint() const;

  // Column readers for the current row. Text of a NULL column is empty; column_optional_double
  // returns std::nullopt for NULL.
  bool column_is_null(int column) const;
  std::string column_text(int column) const;
  double column_double(int column) const;
  int64_t column_int64(int column) const;
  int column_int(int column) const;
  std::optional<double> column_optional_double(int column) const;
  // The bytes of a BLOB column (empty for NULL), valid until the next step() or reset().
  std::span<const unsigned char> column_blob(int column) const;

 private:
  SqliteStatement(sqlite3* db, sqlite3_stmt* statement) : db_(db), statement_(statement) {}
  void note_bind(int rc);

  sqlite3* db_ = nullptr;
  sqlite3_stmt* statement_ = nullptr;
  int bind_error_ = SQLITE_OK;
};

// Prepared statements of one connection, compiled on first use and reused, so that a loop over
// millions of rows compiles each SQL text once. Not thread-safe; the connection must outlive it.
class StatementCache {
 public:
  explicit StatementCache(sqlite3* db) : db_(db) {}

  // Returns the statement for `sql`, reset and with no bindings; the pointer stays valid for
  // the cache's lifetime. Errors: see SqliteStatement::prepare.
  Result<SqliteStatement*> get(std::string_view sql);

 private:
  sqlite3* db_;
  std::map<std::string, SqliteStatement, std::less<>> statements_;
};

// Sets the connection's page cache to `kib` KiB (PRAGMA cache_size) for the scope's lifetime and
// puts back the size it had. Memory is taken only as pages are cached. Failures to set it are
// ignored: the cache size changes speed, never results. Not thread-safe.
class CacheSizeScope {
 public:
  CacheSizeScope(sqlite3* db, int kib);
  ~CacheSizeScope();
  CacheSizeScope(const CacheSizeScope&) = delete;
  CacheSizeScope& operator=(const CacheSizeScope&) = delete;

 private:
  sqlite3* db_;
  int64_t previous_ = 0;  // as PRAGMA cache_size returned it: pages, or -KiB
};

// Whether to wait for the write lock at BEGIN (IMMEDIATE) or at the first write (DEFERRED).
enum class TransactionKind { kDeferred, kImmediate };

// A transaction scope: begin() starts it, commit() ends it, and the destructor rolls back a
// transaction that was begun and not committed. Begun inside another transaction of the same
// connection (one import storing the contract's files and the safety files together), it is a
// savepoint of that one (https://sqlite.org/lang_savepoint.html): commit() releases it into the
// outer transaction, which alone commits to the file, and a rollback undoes only its own writes.
// Not thread-safe.
class SqliteTransaction {
 public:
  explicit SqliteTransaction(sqlite3* db) : db_(db) {}
  SqliteTransaction(const SqliteTransaction&) = delete;
  SqliteTransaction& operator=(const SqliteTransaction&) = delete;
  ~SqliteTransaction();

  // Errors: see sqlite_status (kIoError also for SQLITE_BUSY after the busy timeout).
  Status begin(TransactionKind kind);
  Status commit();

 private:
  sqlite3* db_;
  bool open_ = false;
  bool nested_ = false;  // a savepoint of an outer transaction
};

}  // namespace zhizao::detail
