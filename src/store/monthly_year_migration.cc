#include "store/monthly_year_migration.h"

#include <string>

#include "store/monthly_blocks.h"
#include "store/sqlite_statement.h"

namespace zhizao::detail {
namespace {

// Writes the block of (uscc, year) when it holds a month.
Status write_block(SqliteStatement& insert, const std::string& uscc, int year,
                   const YearBlock& block) {
  if (block.empty()) return Status::ok();
  bind_year_block(insert, 0, uscc, year, block);
  ZHIZAO_RETURN_IF_ERROR(insert.run());
  insert.reset();
  return Status::ok();
}

// Copies the rows of table `monthly` into monthly_year; its statements are finalized on return,
// so that the table can be dropped.
Status copy_rows_into_blocks(sqlite3* db) {
  Result<SqliteStatement> select = SqliteStatement::prepare(
      db,
      "SELECT uscc, year, month, output, value_added, electricity, output_prev, "
      "value_added_prev, electricity_prev, in_scope FROM monthly ORDER BY uscc, year, month");
  if (!select) return select.error();
  Result<SqliteStatement> insert = SqliteStatement::prepare(
      db, "INSERT INTO monthly_year (uscc, year, present, months) VALUES (?1, ?2, ?3, ?4)");
  if (!insert) return insert.error();
  std::string uscc;
  int year = 0;
  YearBlock block;
  for (;;) {
    Result<StepResult> stepped = select->step();
    if (!stepped) return stepped.error();
    if (*stepped == StepResult::kDone) break;
    MonthlyRecord row;
    row.uscc = select->column_text(0);
    row.period = {select->column_int(1), select->column_int(2)};
    row.output = select->column_double(3);
    row.value_added = select->column_optional_double(4);
    row.electricity = select->column_optional_double(5);
    row.output_prev = select->column_optional_double(6);
    row.value_added_prev = select->column_optional_double(7);
    row.electricity_prev = select->column_optional_double(8);
    row.in_scope = select->column_int(9) != 0;
    if (row.uscc != uscc || row.period.year != year) {
      ZHIZAO_RETURN_IF_ERROR(write_block(*insert, uscc, year, block));
      uscc = row.uscc;
      year = row.period.year;
      block = YearBlock();
    }
    block.put(row);  // the table's CHECK kept month in 1..12
  }
  return write_block(*insert, uscc, year, block);
}

}  // namespace

Status move_monthly_to_year_blocks(sqlite3* db) {
  ZHIZAO_RETURN_IF_ERROR(copy_rows_into_blocks(db));
  ZHIZAO_RETURN_IF_ERROR(exec_sql(db, "DROP TABLE monthly"));
  return exec_sql(db, monthly_view_sql().c_str());
}

}  // namespace zhizao::detail
