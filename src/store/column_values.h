// How periods and dates travel between records and SQLite columns: a period as two integer
// columns (year, month), a date as 'YYYY-MM-DD' text (NULL when absent). Shared by the Table
// structs of record_tables.h and v2_tables.h.
#pragma once

#include <optional>
#include <string>

#include "base/result.h"
#include "base/year_month.h"
#include "store/sqlite_statement.h"

namespace zhizao::detail {

// The period in columns `year_column` (year) and `year_column + 1` (month).
inline YearMonth read_period(const SqliteStatement& statement, int year_column) {
  return {statement.column_int(year_column), statement.column_int(year_column + 1)};
}

// Binds the period's year to `year_index` and its month to `year_index + 1`.
inline void bind_period(SqliteStatement& statement, int year_index, const YearMonth& period) {
  statement.bind(year_index, period.year);
  statement.bind(year_index + 1, period.month);
}

// Binds a date as 'YYYY-MM-DD', or NULL when absent.
inline void bind_date(SqliteStatement& statement, int index, const std::optional<CivilDate>& date) {
  if (date) {
    statement.bind(index, std::string_view(date->to_string()));
  } else {
    statement.bind_null(index);
  }
}

// Reads a date column; NULL gives nullopt. Errors: kCorruption for text that is not a date.
inline Result<std::optional<CivilDate>> read_date(const SqliteStatement& statement, int column) {
  if (statement.column_is_null(column)) return std::optional<CivilDate>();
  std::string text = statement.column_text(column);
  Result<CivilDate> date = parse_civil_date(text);
  if (!date) return fail(Status::corruption("stored date is not a date: \"" + text + "\""));
  return std::optional<CivilDate>(*date);
}

// Reads a date column that is never NULL. Errors: kCorruption.
inline Result<CivilDate> read_required_date(const SqliteStatement& statement, int column) {
  Result<std::optional<CivilDate>> date = read_date(statement, column);
  if (!date) return fail(date.error());
  if (!*date) return fail(Status::corruption("a stored date is missing"));
  return **date;
}

}  // namespace zhizao::detail
