#include "store/settings_store.h"

#include "store/sqlite_statement.h"

namespace zhizao {

using detail::SqliteStatement;
using detail::SqliteTransaction;
using detail::StepResult;
using detail::TransactionKind;

const char* const kCreateSettings = R"sql(
CREATE TABLE setting (
  key TEXT NOT NULL PRIMARY KEY,
  value TEXT NOT NULL
) STRICT, WITHOUT ROWID;
)sql";

namespace {

// Runs `sql` with `key` bound to ?1 and, when given, `value` to ?2; returns the rows changed.
Result<int> run_sql(sqlite3* db, std::string_view sql, std::string_view key,
                    std::optional<std::string_view> value) {
  Result<SqliteStatement> statement = SqliteStatement::prepare(db, sql);
  if (!statement) return fail(statement.error());
  statement->bind(1, key);
  if (value) statement->bind(2, *value);
  ZHIZAO_RETURN_IF_ERROR_RESULT(statement->run());
  return statement->changes();
}

Status bump_data_version(sqlite3* db) {
  Result<SqliteStatement> bump = SqliteStatement::prepare(db, detail::kAdvanceDataVersionSql);
  if (!bump) return bump.error();
  return bump->run();
}

}  // namespace

Result<std::vector<Setting>> SettingsStore::list() const {
  Result<SqliteStatement> statement =
      SqliteStatement::prepare(db_.native_handle(), "SELECT key, value FROM setting ORDER BY key");
  if (!statement) return fail(statement.error());
  std::vector<Setting> settings;
  for (;;) {
    Result<StepResult> stepped = statement->step();
    if (!stepped) return fail(stepped.error());
    if (*stepped != StepResult::kRow) break;
    settings.push_back({statement->column_text(0), statement->column_text(1)});
  }
  return settings;
}

Result<std::optional<std::string>> SettingsStore::get(std::string_view key) const {
  return detail::read_setting(db_.native_handle(), key);
}

Status SettingsStore::set(std::string_view key, std::string_view value) {
  sqlite3* db = db_.native_handle();
  SqliteTransaction transaction(db);
  ZHIZAO_RETURN_IF_ERROR(transaction.begin(TransactionKind::kImmediate));
  Result<int> upserted = run_sql(db,
                                 "INSERT INTO setting (key, value) VALUES (?1, ?2) "
                                 "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                                 key, value);
  if (!upserted) return upserted.error();
  ZHIZAO_RETURN_IF_ERROR(bump_data_version(db));
  return transaction.commit();
}

Result<bool> SettingsStore::clear(std::string_view key) {
  sqlite3* db = db_.native_handle();
  SqliteTransaction transaction(db);
  ZHIZAO_RETURN_IF_ERROR_RESULT(transaction.begin(TransactionKind::kImmediate));
  Result<int> removed = run_sql(db, "DELETE FROM setting WHERE key = ?1", key, std::nullopt);
  if (!removed) return fail(removed.error());
  if (*removed > 0) ZHIZAO_RETURN_IF_ERROR_RESULT(bump_data_version(db));
  ZHIZAO_RETURN_IF_ERROR_RESULT(transaction.commit());
  return *removed > 0;
}

namespace detail {

Result<std::optional<std::string>> read_setting(sqlite3* db, std::string_view key) {
  Result<SqliteStatement> statement =
      SqliteStatement::prepare(db, "SELECT value FROM setting WHERE key = ?1");
  if (!statement) return fail(statement.error());
  statement->bind(1, key);
  Result<StepResult> stepped = statement->step();
  if (!stepped) return fail(stepped.error());
  if (*stepped != StepResult::kRow) return std::optional<std::string>();
  return std::optional<std::string>(statement->column_text(0));
}

}  // namespace detail
}  // namespace zhizao
