#include "store/quality_verifications.h"

#include <nlohmann/json.hpp>

#include "store/audit_log.h"
#include "store/sqlite_statement.h"

namespace zhizao {

namespace detail {

const char* const kCreateQualityVerification = R"sql(
CREATE TABLE quality_verification (
  uscc TEXT NOT NULL,
  check_id TEXT NOT NULL,
  year INTEGER NOT NULL,
  month INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
  verified_by TEXT NOT NULL,
  verified_at TEXT NOT NULL,
  note TEXT NOT NULL,
  PRIMARY KEY (uscc, check_id, year, month)
) STRICT, WITHOUT ROWID;
)sql";

}  // namespace detail

using detail::SqliteStatement;
using detail::SqliteTransaction;
using detail::StepResult;
using detail::TransactionKind;

Status QualityVerificationStore::verify(const std::string& uscc, const std::string& check,
                                        const std::vector<YearMonth>& months,
                                        const std::string& user, const std::string& note,
                                        const std::string& remote) {
  if (months.empty()) return Status::invalid_data("a verification names at least one month");
  if (note.empty()) return Status::invalid_data("a verification needs a note");
  sqlite3* db = db_.native_handle();
  SqliteTransaction transaction(db);
  ZHIZAO_RETURN_IF_ERROR(transaction.begin(TransactionKind::kImmediate));
  Result<SqliteStatement> insert =
      SqliteStatement::prepare(db,
                               "INSERT OR REPLACE INTO quality_verification "
                               "(uscc, check_id, year, month, verified_by, verified_at, note) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  if (!insert) return insert.error();
  std::string at = utc_timestamp_now();
  nlohmann::json listed = nlohmann::json::array();
  for (YearMonth month : months) {
    insert->reset();
    insert->bind(1, std::string_view(uscc));
    insert->bind(2, std::string_view(check));
    insert->bind(3, month.year);
    insert->bind(4, month.month);
    insert->bind(5, std::string_view(user));
    insert->bind(6, std::string_view(at));
    insert->bind(7, std::string_view(note));
    ZHIZAO_RETURN_IF_ERROR(insert->run());
    listed.push_back(month.to_string());
  }
  AuditEntry entry;
  entry.at = at;
  entry.user_name = user;
  entry.remote = remote;
  entry.action = "quality.verify";
  entry.target = uscc + "|" + check;
  entry.detail = nlohmann::json{{"months", listed}, {"note", note}}.dump();
  Result<long> appended = AuditLog(db_).append(entry);
  if (!appended) return appended.error();
  return transaction.commit();
}

Result<std::vector<QualityVerification>> QualityVerificationStore::list(YearMonth from,
                                                                        YearMonth to) const {
  Result<SqliteStatement> select = SqliteStatement::prepare(
      db_.native_handle(),
      "SELECT uscc, check_id, year, month, verified_by, verified_at, note "
      "FROM quality_verification WHERE year * 12 + month - 1 BETWEEN ?1 AND ?2 "
      "ORDER BY uscc, check_id, year, month");
  if (!select) return fail(select.error());
  select->bind(1, from.index());
  select->bind(2, to.index());
  std::vector<QualityVerification> verifications;
  for (;;) {
    Result<StepResult> stepped = select->step();
    if (!stepped) return fail(stepped.error());
    if (*stepped == StepResult::kDone) break;
    QualityVerification v;
    v.uscc = select->column_text(0);
    v.check = select->column_text(1);
    v.month = {select->column_int(2), select->column_int(3)};
    v.verified_by = select->column_text(4);
    v.verified_at = select->column_text(5);
    v.note = select->column_text(6);
    verifications.push_back(std::move(v));
  }
  return verifications;
}

}  // namespace zhizao
