// The Table structs (record_tables.h says what each member is) of the data contract's v2 input
// files: products, product output, targets, campaigns, assignments, visits and service cases.
// Keys: products by code; product output by (uscc, period, product); targets, campaigns and
// cases by id; assignments by (uscc, cadre, department); visits by (uscc, date, cadre).
#pragma once

#include "base/result.h"
#include "domain/records.h"
#include "store/sqlite_statement.h"

namespace zhizao::detail {

struct ProductTable {
  using Row = Product;
  static const char* const kSelectAll;
  static const char* const kSelectByKey;
  static const char* const kUpsert;
  static void bind_key(SqliteStatement& statement, const Row& row);
  static void bind_row(SqliteStatement& statement, const Row& row);
  static Result<Row> read(const SqliteStatement& statement);
};

struct ProductOutputTable {
  using Row = ProductOutput;
  static const char* const kSelectAll;
  static const char* const kSelectByKey;
  static const char* const kUpsert;
  static void bind_key(SqliteStatement& statement, const Row& row);
  static void bind_row(SqliteStatement& statement, const Row& row);
  static Result<Row> read(const SqliteStatement& statement);
};

struct TargetTable {
  using Row = Target;
  static const char* const kSelectAll;
  static const char* const kSelectByKey;
  static const char* const kUpsert;
  static void bind_key(SqliteStatement& statement, const Row& row);
  static void bind_row(SqliteStatement& statement, const Row& row);
  static Result<Row> read(const SqliteStatement& statement);
};

struct CampaignTable {
  using Row = Campaign;
  static const char* const kSelectAll;
  static const char* const kSelectByKey;
  static const char* const kUpsert;
  static void bind_key(SqliteStatement& statement, const Row& row);
  static void bind_row(SqliteStatement& statement, const Row& row);
  static Result<Row> read(const SqliteStatement& statement);
};

struct AssignmentTable {
  using Row = Assignment;
  static const char* const kSelectAll;
  static const char* const kSelectByKey;
  static const char* const kUpsert;
  static void bind_key(SqliteStatement& statement, const Row& row);
  static void bind_row(SqliteStatement& statement, const Row& row);
  static Result<Row> read(const SqliteStatement& statement);
};

struct VisitTable {
  using Row = Visit;
  static const char* const kSelectAll;
  static const char* const kSelectByKey;
  static const char* const kUpsert;
  static void bind_key(SqliteStatement& statement, const Row& row);
  static void bind_row(SqliteStatement& statement, const Row& row);
  static Result<Row> read(const SqliteStatement& statement);
};

struct ServiceCaseTable {
  using Row = ServiceCase;
  static const char* const kSelectAll;
  static const char* const kSelectByKey;
  static const char* const kUpsert;
  static void bind_key(SqliteStatement& statement, const Row& row);
  static void bind_row(SqliteStatement& statement, const Row& row);
  static Result<Row> read(const SqliteStatement& statement);
};

}  // namespace zhizao::detail
