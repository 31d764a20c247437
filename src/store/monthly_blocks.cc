#include "store/monthly_blocks.h"

namespace zhizao::detail {
namespace {

// Appends the records of every row of `select` (uscc, year, present, months).
Status append_rows(SqliteStatement& select, std::vector<MonthlyRecord>& records) {
  for (;;) {
    Result<StepResult> stepped = select.step();
    if (!stepped) return stepped.error();
    if (*stepped == StepResult::kDone) return Status::ok();
    const std::string uscc = select.column_text(0);
    const int year = select.column_int(1);
    Result<YearBlock> block =
        YearBlock::decode(uscc, year, select.column_int64(2), select.column_blob(3));
    if (!block) return block.error();
    block->append_records(uscc, year, records);
  }
}

}  // namespace

const char* const MonthlyYearSql::kSelectByKey =
    "SELECT present, months FROM monthly_year WHERE uscc = ?1 AND year = ?2";
const char* const MonthlyYearSql::kInsertNew =
    "INSERT INTO monthly_year (uscc, year, present, months) VALUES (?1, ?2, ?3, ?4) "
    "ON CONFLICT (uscc, year) DO NOTHING";
const char* const MonthlyYearSql::kUpsert =
    "INSERT INTO monthly_year (uscc, year, present, months) VALUES (?1, ?2, ?3, ?4) "
    "ON CONFLICT (uscc, year) DO UPDATE SET present = excluded.present, months = excluded.months";
const char* const MonthlyYearSql::kInsertColumns =
    "INSERT INTO monthly_year (uscc, year, present, months) VALUES ";

void bind_year_block(SqliteStatement& statement, int first, std::string_view uscc, int year,
                     const YearBlock& block) {
  statement.bind(first + 1, uscc);
  statement.bind(first + 2, year);
  statement.bind(first + 3, static_cast<int64_t>(block.present()));
  statement.bind_blob(first + 4, block.bytes());
}

Result<std::optional<YearBlock>> find_year_block(StatementCache& cache, std::string_view uscc,
                                                 int year) {
  Result<SqliteStatement*> statement = cache.get(MonthlyYearSql::kSelectByKey);
  if (!statement) return fail(statement.error());
  SqliteStatement& select = **statement;
  select.bind(1, uscc);
  select.bind(2, year);
  Result<StepResult> stepped = select.step();
  if (!stepped) return fail(stepped.error());
  if (*stepped == StepResult::kDone) return std::optional<YearBlock>();
  Result<YearBlock> block =
      YearBlock::decode(uscc, year, select.column_int64(0), select.column_blob(1));
  select.reset();
  if (!block) return fail(block.error());
  return std::optional<YearBlock>(*block);
}

Status load_monthly_records(sqlite3* db, std::vector<MonthlyRecord>& records) {
  Result<SqliteStatement> select = SqliteStatement::prepare(
      db, "SELECT uscc, year, present, months FROM monthly_year ORDER BY uscc, year");
  if (!select) return select.error();
  return append_rows(*select, records);
}

Result<std::vector<MonthlyRecord>> load_enterprise_months(sqlite3* db, std::string_view uscc) {
  Result<SqliteStatement> select = SqliteStatement::prepare(
      db, "SELECT uscc, year, present, months FROM monthly_year WHERE uscc = ?1 ORDER BY year");
  if (!select) return fail(select.error());
  select->bind(1, uscc);
  std::vector<MonthlyRecord> records;
  ZHIZAO_RETURN_IF_ERROR_RESULT(append_rows(*select, records));
  return records;
}

}  // namespace zhizao::detail
