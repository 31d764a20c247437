// How each record kind maps to its tables: the SQL that selects, finds and writes it, and the
// functions that bind and read its columns. One struct per kind, used by the generic code of
// table_access.h. The SQL texts are constants; every value travels as a bound parameter.
#pragma once

#include "base/result.h"
#include "domain/records.h"
#include "store/sqlite_statement.h"

namespace zhizao::detail {

// Each Table has (the monthly records, stored as year blocks, have monthly_blocks.h instead):
//   Row                  the record type;
//   kSelectAll           every row, ordered by key, columns as read() expects;
//   kSelectByKey         the same columns for one key, bound by bind_key();
//   kUpsert              inserts or overwrites one row, bound by bind_row();
//   kInsertNew           (enterprises only) inserts one row bound by bind_row() unless its key
//                        exists, which then changes nothing (sqlite3_changes() says which);
//   read(statement)      the row at the statement's cursor; kCorruption for an unreadable value.
// Kinds with a list (an enterprise's chains, a group's members) also have read_children() and
// write_children(), which load or overwrite the list of a row, keeping its order.

// Whether a row's list may already be stored: kNone right after the row itself was inserted
// (ON DELETE CASCADE removed any list with its row), so the delete before writing is skipped.
enum class StoredChildren { kMayExist, kNone };

struct EnterpriseTable {
  using Row = Enterprise;
  static const char* const kSelectAll;
  static const char* const kSelectByKey;
  static const char* const kUpsert;
  static const char* const kInsertNew;
  static void bind_key(SqliteStatement& statement, const Row& row);
  static void bind_row(SqliteStatement& statement, const Row& row);
  static Result<Row> read(const SqliteStatement& statement);
  static Status read_children(StatementCache& cache, Row& row);
  static Status write_children(StatementCache& cache, const Row& row,
                               StoredChildren stored = StoredChildren::kMayExist);
};

struct DeflatorTable {
  using Row = Deflator;
  static const char* const kSelectAll;
  static const char* const kSelectByKey;
  static const char* const kUpsert;
  static void bind_key(SqliteStatement& statement, const Row& row);
  static void bind_row(SqliteStatement& statement, const Row& row);
  static Result<Row> read(const SqliteStatement& statement);
};

struct ValueAddedRatioTable {
  using Row = ValueAddedRatio;
  static const char* const kSelectAll;
  static const char* const kSelectByKey;
  static const char* const kUpsert;
  static void bind_key(SqliteStatement& statement, const Row& row);
  static void bind_row(SqliteStatement& statement, const Row& row);
  static Result<Row> read(const SqliteStatement& statement);
};

struct ParkTable {
  using Row = Park;
  static const char* const kSelectAll;
  static const char* const kSelectByKey;
  static const char* const kUpsert;
  static void bind_key(SqliteStatement& statement, const Row& row);
  static void bind_row(SqliteStatement& statement, const Row& row);
  static Result<Row> read(const SqliteStatement& statement);
};

struct ChainTable {
  using Row = Chain;
  static const char* const kSelectAll;
  static const char* const kSelectByKey;
  static const char* const kUpsert;
  static void bind_key(SqliteStatement& statement, const Row& row);
  static void bind_row(SqliteStatement& statement, const Row& row);
  static Result<Row> read(const SqliteStatement& statement);
};

struct ProjectTable {
  using Row = Project;
  static const char* const kSelectAll;
  static const char* const kSelectByKey;
  static const char* const kUpsert;
  static void bind_key(SqliteStatement& statement, const Row& row);
  static void bind_row(SqliteStatement& statement, const Row& row);
  static Result<Row> read(const SqliteStatement& statement);
};

struct ProjectProgressTable {
  using Row = ProjectProgress;
  static const char* const kSelectAll;
  static const char* const kSelectByKey;
  static const char* const kUpsert;
  static void bind_key(SqliteStatement& statement, const Row& row);
  static void bind_row(SqliteStatement& statement, const Row& row);
  static Result<Row> read(const SqliteStatement& statement);
};

struct RegionGroupTable {
  using Row = RegionGroup;
  static const char* const kSelectAll;
  static const char* const kSelectByKey;
  static const char* const kUpsert;
  static void bind_key(SqliteStatement& statement, const Row& row);
  static void bind_row(SqliteStatement& statement, const Row& row);
  static Result<Row> read(const SqliteStatement& statement);
  static Status read_children(StatementCache& cache, Row& row);
  static Status write_children(StatementCache& cache, const Row& row,
                               StoredChildren stored = StoredChildren::kMayExist);
};

}  // namespace zhizao::detail
