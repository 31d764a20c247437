// Generic reads and writes over the Table structs of record_tables.h: find one row by key, write
// one row, load every row. Header-only templates; all statements come from a StatementCache.
#pragma once

#include <concepts>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/result.h"
#include "store/record_tables.h"
#include "store/sqlite_statement.h"

namespace zhizao::detail {

// Tables whose rows carry an ordered list kept in a child table.
template <typename Table>
concept HasChildren = requires(StatementCache& cache, typename Table::Row& row) {
  { Table::read_children(cache, row) } -> std::same_as<Status>;
  { Table::write_children(cache, row) } -> std::same_as<Status>;
};

// Tables that can insert a row only when its key is new, in one statement.
template <typename Table>
concept HasInsertNew = requires {
  Table::kInsertNew;
};

// Inserts `row` (list included) when its key is not stored and returns true; returns false,
// changing nothing, when the key exists. One B-tree descent instead of a find and a write for
// new keys, the common case of a month-end import. Errors: kIoError, also for a value the
// schema refuses.
template <typename Table>
requires HasInsertNew<Table> Result<bool> insert_new_row(StatementCache& cache,
                                                         const typename Table::Row& row) {
  Result<SqliteStatement*> statement = cache.get(Table::kInsertNew);
  if (!statement) return fail(statement.error());
  Table::bind_row(**statement, row);
  ZHIZAO_RETURN_IF_ERROR_RESULT((*statement)->run());
  bool added = (*statement)->changes() > 0;
  (*statement)->reset();
  if (!added) return false;
  if constexpr (HasChildren<Table>) {
    ZHIZAO_RETURN_IF_ERROR_RESULT(Table::write_children(cache, row, StoredChildren::kNone));
  }
  return true;
}

// Rows in one multi-row INSERT: fewer statement steps per row (1.6x the rows per second of
// one-row inserts in a 3M-row benchmark of monthly rows, before they became year blocks), few
// enough parameters for any SQLite build.
inline constexpr size_t kRowsPerInsert = 32;

// `insert_columns` ("INSERT INTO t (a, b) VALUES ") followed by `rows` groups of `arity`
// numbered parameters: (?1, ?2), (?3, ?4), ...
inline std::string multi_row_insert_sql(const char* insert_columns, int arity, size_t rows) {
  std::string text = insert_columns;
  for (size_t r = 0; r < rows; ++r) {
    text += r == 0 ? "(" : ", (";
    for (int p = 1; p <= arity; ++p) {
      text += (p == 1 ? "?" : ", ?") + std::to_string(static_cast<int>(r) * arity + p);
    }
    text += ")";
  }
  return text;
}

// Returns the stored row with the key of `key_row`, or std::nullopt. Errors: kIoError,
// kCorruption.
template <typename Table>
Result<std::optional<typename Table::Row>> find_row(StatementCache& cache,
                                                    const typename Table::Row& key_row) {
  using Row = typename Table::Row;
  Result<SqliteStatement*> statement = cache.get(Table::kSelectByKey);
  if (!statement) return fail(statement.error());
  Table::bind_key(**statement, key_row);
  Result<StepResult> stepped = (*statement)->step();
  if (!stepped) return fail(stepped.error());
  if (*stepped == StepResult::kDone) return std::optional<Row>();
  Result<Row> row = Table::read(**statement);
  (*statement)->reset();
  if (!row) return fail(row.error());
  if constexpr (HasChildren<Table>) {
    Status children = Table::read_children(cache, *row);
    if (!children.is_ok()) return fail(std::move(children));
  }
  return std::optional<Row>(std::move(*row));
}

// Inserts `row`, or overwrites the stored row with its key (list included). Errors: kIoError,
// also for a value the schema refuses (a CHECK or NOT NULL constraint).
template <typename Table>
Status write_row(StatementCache& cache, const typename Table::Row& row) {
  Result<SqliteStatement*> statement = cache.get(Table::kUpsert);
  if (!statement) return statement.error();
  Table::bind_row(**statement, row);
  ZHIZAO_RETURN_IF_ERROR((*statement)->run());
  (*statement)->reset();
  if constexpr (HasChildren<Table>) {
    ZHIZAO_RETURN_IF_ERROR(Table::write_children(cache, row));
  }
  return Status::ok();
}

// Appends every stored row to `rows`, in key order. Errors: kIoError, kCorruption.
template <typename Table>
Status load_rows(StatementCache& cache, std::vector<typename Table::Row>& rows) {
  Result<SqliteStatement*> statement = cache.get(Table::kSelectAll);
  if (!statement) return statement.error();
  for (;;) {
    Result<StepResult> stepped = (*statement)->step();
    if (!stepped) return stepped.error();
    if (*stepped == StepResult::kDone) break;
    Result<typename Table::Row> row = Table::read(**statement);
    if (!row) return row.error();
    if constexpr (HasChildren<Table>) {
      ZHIZAO_RETURN_IF_ERROR(Table::read_children(cache, *row));
    }
    rows.push_back(std::move(*row));
  }
  (*statement)->reset();
  return Status::ok();
}

}  // namespace zhizao::detail
