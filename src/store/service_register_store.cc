#include "store/service_register_store.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "store/sqlite_statement.h"
#include "store/v2_tables.h"

namespace zhizao {

// Migration: the revisions of the assignments and visits changed through the API (issue 14). The
// rows themselves stay in `assignment` and `visit` (migration "v2 inputs").
const char* const kCreateServiceRevisions = R"sql(
CREATE TABLE service_revision (
  id INTEGER PRIMARY KEY,
  register TEXT NOT NULL CHECK (register IN ('assignment', 'visit')),
  record_key TEXT NOT NULL,
  revision INTEGER NOT NULL CHECK (revision > 0),
  at TEXT NOT NULL,
  user_name TEXT NOT NULL,
  before TEXT NOT NULL,  -- JSON of the record before the change, 'null' when there was none
  after TEXT NOT NULL,   -- JSON of the record after it, 'null' when the change removed it
  UNIQUE (register, record_key, revision)
) STRICT;
)sql";

namespace {

using detail::SqliteStatement;
using detail::StepResult;
using json = nlohmann::ordered_json;

const char* register_name(ServiceRegister which) {
  return which == ServiceRegister::kAssignment ? "assignment" : "visit";
}

template <typename Table>
Result<std::vector<typename Table::Row>> read_all(sqlite3* db) {
  Result<SqliteStatement> statement = SqliteStatement::prepare(db, Table::kSelectAll);
  if (!statement) return fail(statement.error());
  std::vector<typename Table::Row> rows;
  while (true) {
    Result<StepResult> step = statement->step();
    if (!step) return fail(step.error());
    if (*step == StepResult::kDone) return rows;
    Result<typename Table::Row> row = Table::read(*statement);
    if (!row) return fail(row.error());
    rows.push_back(*std::move(row));
  }
}

Result<long> latest_revision(sqlite3* db, ServiceRegister which, const std::string& key) {
  Result<SqliteStatement> statement = SqliteStatement::prepare(
      db,
      "SELECT coalesce(max(revision), 0) FROM service_revision WHERE register = ? AND "
      "record_key = ?");
  if (!statement) return fail(statement.error());
  statement->bind(1, std::string_view(register_name(which)));
  statement->bind(2, std::string_view(key));
  Result<StepResult> step = statement->step();
  if (!step) return fail(step.error());
  return static_cast<long>(statement->column_int64(0));
}

// Appends revision latest + 1 of `key` with its audit row and moves the data version; the caller
// holds the transaction.
Result<ServiceRevision> append_revision(Database& database, ServiceRegister which,
                                        const std::string& key, const std::string& user_name,
                                        const json& before, const json& after,
                                        const AuditEntry& audit) {
  sqlite3* db = database.native_handle();
  Result<long> latest = latest_revision(db, which, key);
  if (!latest) return fail(latest.error());
  ServiceRevision revision{*latest + 1, utc_timestamp_now(), user_name, before.dump(),
                           after.dump()};
  Result<SqliteStatement> statement = SqliteStatement::prepare(
      db,
      "INSERT INTO service_revision (register, record_key, revision, at, user_name, before, "
      "after) VALUES (?, ?, ?, ?, ?, ?, ?)");
  if (!statement) return fail(statement.error());
  statement->bind(1, std::string_view(register_name(which)));
  statement->bind(2, std::string_view(key));
  statement->bind(3, static_cast<int64_t>(revision.revision));
  statement->bind(4, std::string_view(revision.at));
  statement->bind(5, std::string_view(revision.user_name));
  statement->bind(6, std::string_view(revision.before));
  statement->bind(7, std::string_view(revision.after));
  ZHIZAO_RETURN_IF_ERROR_RESULT(statement->run());
  AuditEntry entry = audit;
  entry.at = revision.at;
  Result<long> audited = AuditLog(database).append(entry);
  if (!audited) return fail(audited.error());
  ZHIZAO_RETURN_IF_ERROR_RESULT(detail::exec_sql(db, detail::kAdvanceDataVersionSql));
  return revision;
}

// The cadres of `uscc` for `department`, by name.
Result<std::vector<std::string>> cadres_of(sqlite3* db, const std::string& uscc,
                                           const std::string& department) {
  Result<SqliteStatement> statement = SqliteStatement::prepare(
      db, "SELECT cadre FROM assignment WHERE uscc = ? AND department = ? ORDER BY cadre");
  if (!statement) return fail(statement.error());
  statement->bind(1, std::string_view(uscc));
  statement->bind(2, std::string_view(department));
  std::vector<std::string> cadres;
  while (true) {
    Result<StepResult> step = statement->step();
    if (!step) return fail(step.error());
    if (*step == StepResult::kDone) return cadres;
    cadres.push_back(statement->column_text(0));
  }
}

json assignment_json(const std::string& uscc, const std::string& department,
                     const std::vector<std::string>& cadres) {
  if (cadres.empty()) return nullptr;
  return {{"uscc", uscc}, {"department", department}, {"cadres", cadres}};
}

json visit_json(const Visit& visit) {
  return {{"uscc", visit.uscc},
          {"date", visit.date.to_string()},
          {"cadre", visit.cadre},
          {"findings", visit.findings}};
}

}  // namespace

std::string assignment_revision_key(const std::string& uscc, const std::string& department) {
  return uscc + "|" + department;
}

std::string visit_revision_key(const Visit& visit) {
  return fmt::format("{}|{}|{}", visit.uscc, visit.date.to_string(), visit.cadre);
}

Result<std::vector<CaseEnterprise>> ServiceRegisterStore::enterprises() const {
  Result<SqliteStatement> statement = SqliteStatement::prepare(
      db_.native_handle(), "SELECT uscc, name, region FROM enterprise ORDER BY uscc");
  if (!statement) return fail(statement.error());
  std::vector<CaseEnterprise> enterprises;
  while (true) {
    Result<StepResult> step = statement->step();
    if (!step) return fail(step.error());
    if (*step == StepResult::kDone) return enterprises;
    enterprises.push_back(
        {statement->column_text(0), statement->column_text(1), statement->column_text(2)});
  }
}

Result<std::vector<Assignment>> ServiceRegisterStore::assignments() const {
  return read_all<detail::AssignmentTable>(db_.native_handle());
}

Result<std::vector<Visit>> ServiceRegisterStore::visits() const {
  return read_all<detail::VisitTable>(db_.native_handle());
}

Result<std::vector<ServiceCase>> ServiceRegisterStore::cases() const {
  return read_all<detail::ServiceCaseTable>(db_.native_handle());
}

Result<std::vector<ServiceRevision>> ServiceRegisterStore::revisions(ServiceRegister which,
                                                                     const std::string& key) const {
  Result<SqliteStatement> statement = SqliteStatement::prepare(
      db_.native_handle(),
      "SELECT revision, at, user_name, before, after FROM service_revision "
      "WHERE register = ? AND record_key = ? ORDER BY revision");
  if (!statement) return fail(statement.error());
  statement->bind(1, std::string_view(register_name(which)));
  statement->bind(2, std::string_view(key));
  std::vector<ServiceRevision> revisions;
  while (true) {
    Result<StepResult> step = statement->step();
    if (!step) return fail(step.error());
    if (*step == StepResult::kDone) return revisions;
    revisions.push_back({static_cast<long>(statement->column_int64(0)), statement->column_text(1),
                         statement->column_text(2), statement->column_text(3),
                         statement->column_text(4)});
  }
}

Result<std::vector<std::pair<std::string, long>>> ServiceRegisterStore::latest_revisions(
    ServiceRegister which) const {
  Result<SqliteStatement> statement = SqliteStatement::prepare(
      db_.native_handle(),
      "SELECT record_key, max(revision) FROM service_revision WHERE register = ? "
      "GROUP BY record_key ORDER BY record_key");
  if (!statement) return fail(statement.error());
  statement->bind(1, std::string_view(register_name(which)));
  std::vector<std::pair<std::string, long>> latest;
  while (true) {
    Result<StepResult> step = statement->step();
    if (!step) return fail(step.error());
    if (*step == StepResult::kDone) return latest;
    latest.emplace_back(statement->column_text(0), static_cast<long>(statement->column_int64(1)));
  }
}

Result<ServiceRevision> ServiceRegisterStore::set_assignment(const std::string& uscc,
                                                             const std::string& department,
                                                             const std::vector<std::string>& cadres,
                                                             const std::string& user_name,
                                                             const AuditEntry& audit) {
  sqlite3* db = db_.native_handle();
  detail::SqliteTransaction transaction(db);
  ZHIZAO_RETURN_IF_ERROR_RESULT(transaction.begin(detail::TransactionKind::kImmediate));
  Result<std::vector<std::string>> before = cadres_of(db, uscc, department);
  if (!before) return fail(before.error());
  Result<SqliteStatement> removal =
      SqliteStatement::prepare(db, "DELETE FROM assignment WHERE uscc = ? AND department = ?");
  if (!removal) return fail(removal.error());
  removal->bind(1, std::string_view(uscc));
  removal->bind(2, std::string_view(department));
  ZHIZAO_RETURN_IF_ERROR_RESULT(removal->run());
  Result<SqliteStatement> insert = SqliteStatement::prepare(db, detail::AssignmentTable::kUpsert);
  if (!insert) return fail(insert.error());
  for (const std::string& cadre : cadres) {
    insert->reset();
    detail::AssignmentTable::bind_row(*insert, Assignment{uscc, cadre, department});
    ZHIZAO_RETURN_IF_ERROR_RESULT(insert->run());
  }
  Result<std::vector<std::string>> after = cadres_of(db, uscc, department);
  if (!after) return fail(after.error());
  Result<ServiceRevision> revision = append_revision(
      db_, ServiceRegister::kAssignment, assignment_revision_key(uscc, department), user_name,
      assignment_json(uscc, department, *before), assignment_json(uscc, department, *after), audit);
  if (!revision) return fail(revision.error());
  ZHIZAO_RETURN_IF_ERROR_RESULT(transaction.commit());
  return revision;
}

Result<ServiceRevision> ServiceRegisterStore::write_visit(const Visit& visit,
                                                          const std::string& user_name,
                                                          const AuditEntry& audit) {
  sqlite3* db = db_.native_handle();
  detail::SqliteTransaction transaction(db);
  ZHIZAO_RETURN_IF_ERROR_RESULT(transaction.begin(detail::TransactionKind::kImmediate));
  Result<SqliteStatement> existing = SqliteStatement::prepare(db, detail::VisitTable::kSelectByKey);
  if (!existing) return fail(existing.error());
  detail::VisitTable::bind_key(*existing, visit);
  Result<StepResult> step = existing->step();
  if (!step) return fail(step.error());
  json before = nullptr;
  if (*step == StepResult::kRow) {
    Result<Visit> stored = detail::VisitTable::read(*existing);
    if (!stored) return fail(stored.error());
    before = visit_json(*stored);
  }
  Result<SqliteStatement> upsert = SqliteStatement::prepare(db, detail::VisitTable::kUpsert);
  if (!upsert) return fail(upsert.error());
  detail::VisitTable::bind_row(*upsert, visit);
  ZHIZAO_RETURN_IF_ERROR_RESULT(upsert->run());
  Result<ServiceRevision> revision =
      append_revision(db_, ServiceRegister::kVisit, visit_revision_key(visit), user_name, before,
                      visit_json(visit), audit);
  if (!revision) return fail(revision.error());
  ZHIZAO_RETURN_IF_ERROR_RESULT(transaction.commit());
  return revision;
}

}  // namespace zhizao
