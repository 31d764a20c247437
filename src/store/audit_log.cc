#include "store/audit_log.h"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <chrono>
#include <ctime>

#include "store/sqlite_statement.h"

namespace zhizao {

using detail::SqliteStatement;
using detail::StepResult;

std::string utc_timestamp_now() {
  std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", fmt::gmtime(now));
}

Result<long> AuditLog::append(const AuditEntry& entry) {
  sqlite3* db = db_.native_handle();
  Result<SqliteStatement> insert = SqliteStatement::prepare(
      db,
      "INSERT INTO audit_log (at, user_name, remote, action, target, detail) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  if (!insert) return fail(insert.error());
  std::string at = entry.at.empty() ? utc_timestamp_now() : entry.at;
  insert->bind(1, std::string_view(at));
  insert->bind(2, std::string_view(entry.user_name));
  insert->bind(3, std::string_view(entry.remote));
  insert->bind(4, std::string_view(entry.action));
  insert->bind(5, std::string_view(entry.target));
  insert->bind(6, std::string_view(entry.detail.empty() ? "{}" : entry.detail));
  ZHIZAO_RETURN_IF_ERROR_RESULT(insert->run());
  return static_cast<long>(sqlite3_last_insert_rowid(db));
}

Result<std::vector<AuditEntry>> AuditLog::list(const AuditFilter& filter) const {
  // NULL parameters switch a condition off, so one statement serves every filter.
  Result<SqliteStatement> select = SqliteStatement::prepare(
      db_.native_handle(),
      "SELECT id, at, user_name, remote, action, target, detail FROM audit_log "
      "WHERE id > ?1 AND (?2 IS NULL OR user_name = ?2) AND (?3 IS NULL OR action = ?3) "
      "ORDER BY id LIMIT ?4");
  if (!select) return fail(select.error());
  select->bind(1, static_cast<int64_t>(filter.after_id));
  select->bind(2, filter.user_name);
  select->bind(3, filter.action);
  select->bind(4, static_cast<int64_t>(filter.limit));
  std::vector<AuditEntry> entries;
  for (;;) {
    Result<StepResult> stepped = select->step();
    if (!stepped) return fail(stepped.error());
    if (*stepped == StepResult::kDone) break;
    AuditEntry entry;
    entry.id = static_cast<long>(select->column_int64(0));
    entry.at = select->column_text(1);
    entry.user_name = select->column_text(2);
    entry.remote = select->column_text(3);
    entry.action = select->column_text(4);
    entry.target = select->column_text(5);
    entry.detail = select->column_text(6);
    entries.push_back(std::move(entry));
  }
  return entries;
}

}  // namespace zhizao
