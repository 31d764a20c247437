// Generic reads and writes over the Table structs of record_tables.h: find one row by key, write
// one row, load every row. Header-only templates; all statements come from a StatementCache.
#pragma once

#include <concepts>
#include <optional>
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
