// BatchWriter's monthly rows: grouped by (uscc, year) in key order and stored as year blocks
// (month_block.h). The outcome of every row (inserted, unchanged, replaced with a revision) is
// decided month by month exactly as for a table with one row per month.
#include <cmath>
#include <string_view>

#include <fmt/format.h>

#include "store/batch_writer.h"
#include "store/key_order.h"
#include "store/monthly_blocks.h"
#include "store/record_keys.h"
#include "store/table_access.h"

namespace zhizao::detail {

// The rows of one enterprise-year (their positions in `all`, in key order), and their block when
// the rows name distinct months (always so for an import, whose keys were checked unique; not
// required of apply()). Positions, not pointers: a national file's 28 million rows would need a
// 227 MB vector of pointers beside the key order (issue 17).
struct MonthlyYearGroup {
  const std::vector<MonthlyRecord>* all = nullptr;
  std::span<const uint32_t> positions;
  YearBlock block;
  bool distinct_months = true;

  const MonthlyRecord& row(std::size_t i) const { return (*all)[positions[i]]; }
  std::size_t size() const { return positions.size(); }
  std::string_view uscc() const { return row(0).uscc; }
  int year() const { return row(0).period.year; }
};

namespace {

// Groups stored through single statements after a multi-row insert met a stored key, before
// trying again (a re-import meets many stored keys in a row).
constexpr size_t kGroupsOneByOneAfterConflict = 64;

// A month outside 1..12 (which the CHECK of the one-row-per-month table refused) and a value
// that is not a finite number (that table took an infinity, and a NaN as NULL, i.e. missing; no
// parser of the contract's files produces either). Errors: kInvalidData.
Status check_storable(const MonthlyRecord& row) {
  auto refuse = [&](std::string_view why) {
    return Status::invalid_data(fmt::format("monthly row {}: {}", key_text(row), why));
  };
  if (row.period.month < 1 || row.period.month > 12) return refuse("month outside 1..12");
  for (const std::optional<double>& value :
       {std::optional<double>(row.output), row.value_added, row.electricity, row.output_prev,
        row.value_added_prev, row.electricity_prev}) {
    if (value && !std::isfinite(*value)) return refuse("a value is not a finite number");
  }
  return Status::ok();
}

// The group starting at key_order[first]: the rows of the same uscc and year. Errors:
// kInvalidData from check_storable.
Result<MonthlyYearGroup> next_group(const std::vector<MonthlyRecord>& rows,
                                    std::span<const uint32_t> key_order, size_t first) {
  const MonthlyRecord& head = rows[key_order[first]];
  size_t end = first;
  MonthlyYearGroup group;
  group.all = &rows;
  while (end < key_order.size() && rows[key_order[end]].period.year == head.period.year &&
         rows[key_order[end]].uscc == head.uscc) {
    const MonthlyRecord& row = rows[key_order[end]];
    ZHIZAO_RETURN_IF_ERROR_RESULT(check_storable(row));
    if (group.block.has(row.period.month)) group.distinct_months = false;
    group.block.put(row);
    ++end;
  }
  group.positions = key_order.subspan(first, end - first);
  return group;
}

}  // namespace

Status BatchWriter::store_monthly_rows(const std::vector<MonthlyRecord>& rows,
                                       const std::string& source,
                                       std::span<const uint32_t> key_order) {
  std::vector<uint32_t> computed;
  if (key_order.size() != rows.size()) {
    computed = monthly_key_order(rows);
    key_order = computed;
  }
  // Key order: each enterprise-year's rows are adjacent, in their file order (the order is stable).
  std::vector<MonthlyYearGroup> pending;
  pending.reserve(kRowsPerInsert);
  size_t one_by_one = 0;
  for (size_t next = 0; next < key_order.size();) {
    Result<MonthlyYearGroup> group = next_group(rows, key_order, next);
    if (!group) return group.error();
    next += group->size();
    if (one_by_one > 0 || !group->distinct_months) {
      if (one_by_one > 0) --one_by_one;
      ZHIZAO_RETURN_IF_ERROR(merge_year_block(*group, source));
      continue;
    }
    pending.push_back(std::move(*group));
    if (pending.size() < kRowsPerInsert) continue;
    bool conflicted = false;
    ZHIZAO_RETURN_IF_ERROR(insert_new_year_blocks(pending, source, conflicted));
    if (conflicted) one_by_one = kGroupsOneByOneAfterConflict;
    pending.clear();
  }
  for (const MonthlyYearGroup& group : pending) {
    ZHIZAO_RETURN_IF_ERROR(merge_year_block(group, source));
  }
  return Status::ok();
}

Status BatchWriter::insert_new_year_blocks(std::span<const MonthlyYearGroup> groups,
                                           const std::string& source, bool& conflicted) {
  static const std::string sql = multi_row_insert_sql(MonthlyYearSql::kInsertColumns,
                                                      MonthlyYearSql::kInsertArity, kRowsPerInsert);
  Result<SqliteStatement*> statement = cache_.get(sql);
  if (!statement) return statement.error();
  SqliteStatement& insert = **statement;
  for (size_t g = 0; g < groups.size(); ++g) {
    const MonthlyYearGroup& group = groups[g];
    bind_year_block(insert, static_cast<int>(g) * MonthlyYearSql::kInsertArity, group.uscc(),
                    group.year(), group.block);
  }
  // On a stored key SQLite aborts this statement only, undoing its own inserts.
  Status ran = insert.run();
  conflicted = !ran.is_ok() && insert.last_error_is_constraint();
  insert.reset();
  if (!ran.is_ok() && !conflicted) return ran;
  if (conflicted) {
    for (const MonthlyYearGroup& group : groups) {
      ZHIZAO_RETURN_IF_ERROR(merge_year_block(group, source));
    }
    return Status::ok();
  }
  for (const MonthlyYearGroup& group : groups) {
    for (size_t r = 0; r < group.size(); ++r) count_row();
    summary_.inserted += static_cast<long>(group.size());
  }
  return Status::ok();
}

Status BatchWriter::merge_year_block(const MonthlyYearGroup& group, const std::string& source) {
  if (group.distinct_months) {
    Result<SqliteStatement*> insert = cache_.get(MonthlyYearSql::kInsertNew);
    if (!insert) return insert.error();
    bind_year_block(**insert, 0, group.uscc(), group.year(), group.block);
    ZHIZAO_RETURN_IF_ERROR((*insert)->run());
    const bool added = (*insert)->changes() > 0;
    (*insert)->reset();
    if (added) {
      for (size_t r = 0; r < group.size(); ++r) count_row();
      summary_.inserted += static_cast<long>(group.size());
      return Status::ok();
    }
  }
  Result<std::optional<YearBlock>> stored = find_year_block(cache_, group.uscc(), group.year());
  if (!stored) return stored.error();
  YearBlock block = stored->value_or(YearBlock());
  bool changed = false;
  for (size_t r = 0; r < group.size(); ++r) {
    const MonthlyRecord* row = &group.row(r);
    count_row();
    const int month = row->period.month;
    if (!block.has(month)) {
      ++summary_.inserted;
    } else {
      MonthlyRecord old = block.month(group.uscc(), group.year(), month);
      if (old == *row) {
        ++summary_.unchanged;
        continue;
      }
      ++summary_.replaced;
      ZHIZAO_RETURN_IF_ERROR(record_revision(kind_name(*row), key_text(*row), revision_uscc(*row),
                                             to_json_text(old), to_json_text(*row), source));
    }
    block.put(*row);
    changed = true;
  }
  if (!changed) return Status::ok();
  Result<SqliteStatement*> upsert = cache_.get(MonthlyYearSql::kUpsert);
  if (!upsert) return upsert.error();
  bind_year_block(**upsert, 0, group.uscc(), group.year(), block);
  ZHIZAO_RETURN_IF_ERROR((*upsert)->run());
  (*upsert)->reset();
  return Status::ok();
}

}  // namespace zhizao::detail
