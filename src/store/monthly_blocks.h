// Reads and writes of the monthly records through their year blocks (month_block.h): the SQL of
// table monthly_year and the loaders that turn its rows back into MonthlyRecords.
#pragma once

#include <sqlite3.h>

#include <optional>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "domain/records.h"
#include "store/month_block.h"
#include "store/sqlite_statement.h"

namespace zhizao::detail {

// The statements over monthly_year. Parameters: ?1 uscc, ?2 year, ?3 present, ?4 months.
struct MonthlyYearSql {
  static const char* const kSelectByKey;    // present, months of (?1, ?2)
  static const char* const kInsertNew;      // inserts (?1..?4) unless the key exists
  static const char* const kUpsert;         // inserts or overwrites (?1..?4)
  static const char* const kInsertColumns;  // "INSERT INTO monthly_year (...) VALUES "
  static constexpr int kInsertArity = 4;
};

// Binds the block of (uscc, year) to parameters first + 1 .. first + 4.
void bind_year_block(SqliteStatement& statement, int first, std::string_view uscc, int year,
                     const YearBlock& block);

// The stored block of (uscc, year), or std::nullopt. Errors: kIoError, kCorruption.
Result<std::optional<YearBlock>> find_year_block(StatementCache& cache, std::string_view uscc,
                                                 int year);

// Appends every stored monthly record to `records` in key order (uscc, year, month), read inside
// the caller's transaction. Errors: kIoError, kCorruption.
Status load_monthly_records(sqlite3* db, std::vector<MonthlyRecord>& records);

// The stored monthly records of one enterprise, by period. Errors: kIoError, kCorruption.
Result<std::vector<MonthlyRecord>> load_enterprise_months(sqlite3* db, std::string_view uscc);

}  // namespace zhizao::detail
