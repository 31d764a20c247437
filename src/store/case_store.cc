#include "store/case_store.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "store/sqlite_statement.h"

namespace zhizao {

// Migration: the workflow of the cases kept through the API (issue 14). case_deadline is seeded
// with the bureau's usual limits (days to resolve, days of reminder before the deadline); the
// bureau edits the rows, not the code.
const char* const kCreateCaseWorkflow = R"sql(
CREATE TABLE case_deadline (
  category TEXT NOT NULL PRIMARY KEY,  -- '*' is the default of every other category
  days INTEGER NOT NULL CHECK (days > 0),
  remind_days INTEGER NOT NULL CHECK (remind_days >= 0)
) STRICT, WITHOUT ROWID;
INSERT INTO case_deadline (category, days, remind_days) VALUES
  ('*', 15, 3), ('用地', 30, 5), ('规划', 30, 5), ('融资', 20, 5), ('审批', 15, 3),
  ('用工', 10, 2), ('用电', 7, 2), ('用水', 7, 2), ('物流', 10, 2), ('政策', 15, 3);

CREATE TABLE case_workflow (
  id TEXT NOT NULL PRIMARY KEY,  -- service_case.id
  region TEXT NOT NULL,
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  state TEXT NOT NULL
    CHECK (state IN ('raised', 'assigned', 'in_progress', 'resolved', 'evaluated')),
  assignee TEXT NOT NULL,
  level TEXT NOT NULL CHECK (level IN ('county', 'city')),
  escalated_at TEXT NOT NULL,
  remind_days INTEGER NOT NULL,
  reopened INTEGER NOT NULL,
  raised_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  revision INTEGER NOT NULL CHECK (revision > 0)
) STRICT, WITHOUT ROWID;
CREATE INDEX case_workflow_by_region ON case_workflow (region, id);

CREATE TABLE case_event (
  id INTEGER PRIMARY KEY,
  case_id TEXT NOT NULL,
  revision INTEGER NOT NULL,
  at TEXT NOT NULL,
  user_name TEXT NOT NULL,
  action TEXT NOT NULL,
  from_state TEXT NOT NULL,
  to_state TEXT NOT NULL,
  note TEXT NOT NULL,
  record TEXT NOT NULL,  -- JSON of the case after the change
  UNIQUE (case_id, revision)
) STRICT;
)sql";

namespace {

using detail::SqliteStatement;
using detail::StepResult;

constexpr const char* kSelectCase =
    "SELECT c.id, c.uscc, c.raised, c.category, c.department, c.deadline, c.resolved, c.rating, "
    "w.region, w.title, w.description, w.state, w.assignee, w.level, w.escalated_at, "
    "w.remind_days, w.reopened, w.raised_by, w.updated_at, w.revision "
    "FROM case_workflow w JOIN service_case c ON c.id = w.id";

Result<CivilDate> stored_date(const std::string& text) {
  Result<CivilDate> date = parse_civil_date(text);
  if (!date) return fail(Status::corruption(fmt::format("stored case date \"{}\"", text)));
  return date;
}

Result<StoredCase> read_case(const SqliteStatement& row) {
  StoredCase stored;
  stored.row.id = row.column_text(0);
  stored.row.uscc = row.column_text(1);
  Result<CivilDate> raised = stored_date(row.column_text(2));
  if (!raised) return fail(raised.error());
  stored.row.raised = *raised;
  stored.row.category = row.column_text(3);
  stored.row.department = row.column_text(4);
  Result<CivilDate> deadline = stored_date(row.column_text(5));
  if (!deadline) return fail(deadline.error());
  stored.row.deadline = *deadline;
  if (!row.column_is_null(6)) {
    Result<CivilDate> resolved = stored_date(row.column_text(6));
    if (!resolved) return fail(resolved.error());
    stored.row.resolved = *resolved;
  }
  if (!row.column_is_null(7)) stored.row.rating = row.column_int(7);
  stored.region = row.column_text(8);
  stored.title = row.column_text(9);
  stored.description = row.column_text(10);
  stored.state = row.column_text(11);
  stored.assignee = row.column_text(12);
  stored.level = row.column_text(13);
  stored.escalated_at = row.column_text(14);
  stored.remind_days = row.column_int(15);
  stored.reopened = static_cast<long>(row.column_int64(16));
  stored.raised_by = row.column_text(17);
  stored.updated_at = row.column_text(18);
  stored.revision = static_cast<long>(row.column_int64(19));
  return stored;
}

Result<std::vector<StoredCase>> read_cases(SqliteStatement& statement) {
  std::vector<StoredCase> cases;
  while (true) {
    Result<StepResult> step = statement.step();
    if (!step) return fail(step.error());
    if (*step == StepResult::kDone) return cases;
    Result<StoredCase> stored = read_case(statement);
    if (!stored) return fail(stored.error());
    cases.push_back(*std::move(stored));
  }
}

Result<long> single_count(sqlite3* db, const char* sql, const std::string& key) {
  Result<SqliteStatement> statement = SqliteStatement::prepare(db, sql);
  if (!statement) return fail(statement.error());
  statement->bind(1, std::string_view(key));
  Result<StepResult> step = statement->step();
  if (!step) return fail(step.error());
  if (*step == StepResult::kDone) return 0L;
  return static_cast<long>(statement->column_int64(0));
}

Status write_rows(sqlite3* db, const StoredCase& after) {
  Result<SqliteStatement> contract = SqliteStatement::prepare(
      db,
      "INSERT OR REPLACE INTO service_case (id, uscc, raised, category, department, deadline, "
      "resolved, rating) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  if (!contract) return contract.error();
  const ServiceCase& row = after.row;
  contract->bind(1, std::string_view(row.id));
  contract->bind(2, std::string_view(row.uscc));
  contract->bind(3, std::string_view(row.raised.to_string()));
  contract->bind(4, std::string_view(row.category));
  contract->bind(5, std::string_view(row.department));
  contract->bind(6, std::string_view(row.deadline.to_string()));
  if (row.resolved) {
    contract->bind(7, std::string_view(row.resolved->to_string()));
  } else {
    contract->bind_null(7);
  }
  if (row.rating) {
    contract->bind(8, *row.rating);
  } else {
    contract->bind_null(8);
  }
  ZHIZAO_RETURN_IF_ERROR(contract->run());
  Result<SqliteStatement> workflow = SqliteStatement::prepare(
      db,
      "INSERT OR REPLACE INTO case_workflow (id, region, title, description, state, assignee, "
      "level, escalated_at, remind_days, reopened, raised_by, updated_at, revision) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  if (!workflow) return workflow.error();
  workflow->bind(1, std::string_view(row.id));
  workflow->bind(2, std::string_view(after.region));
  workflow->bind(3, std::string_view(after.title));
  workflow->bind(4, std::string_view(after.description));
  workflow->bind(5, std::string_view(after.state));
  workflow->bind(6, std::string_view(after.assignee));
  workflow->bind(7, std::string_view(after.level));
  workflow->bind(8, std::string_view(after.escalated_at));
  workflow->bind(9, after.remind_days);
  workflow->bind(10, static_cast<int64_t>(after.reopened));
  workflow->bind(11, std::string_view(after.raised_by));
  workflow->bind(12, std::string_view(after.updated_at));
  workflow->bind(13, static_cast<int64_t>(after.revision));
  return workflow->run();
}

Status write_event(sqlite3* db, const std::string& case_id, const CaseEvent& event) {
  Result<SqliteStatement> statement = SqliteStatement::prepare(
      db,
      "INSERT INTO case_event (case_id, revision, at, user_name, action, from_state, to_state, "
      "note, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  if (!statement) return statement.error();
  statement->bind(1, std::string_view(case_id));
  statement->bind(2, static_cast<int64_t>(event.revision));
  statement->bind(3, std::string_view(event.at));
  statement->bind(4, std::string_view(event.user_name));
  statement->bind(5, std::string_view(event.action));
  statement->bind(6, std::string_view(event.from_state));
  statement->bind(7, std::string_view(event.to_state));
  statement->bind(8, std::string_view(event.note));
  statement->bind(9, std::string_view(event.record));
  return statement->run();
}

}  // namespace

std::string case_record_json(const StoredCase& stored) {
  const ServiceCase& row = stored.row;
  nlohmann::ordered_json json = {
      {"id", row.id},
      {"uscc", row.uscc},
      {"raised", row.raised.to_string()},
      {"category", row.category},
      {"department", row.department},
      {"deadline", row.deadline.to_string()},
      {"resolved", row.resolved ? nlohmann::ordered_json(row.resolved->to_string()) : nullptr},
      {"rating", row.rating ? nlohmann::ordered_json(*row.rating) : nullptr},
      {"region", stored.region},
      {"title", stored.title},
      {"description", stored.description},
      {"state", stored.state},
      {"assignee", stored.assignee},
      {"level", stored.level},
      {"escalated_at", stored.escalated_at},
      {"reopened", stored.reopened},
      {"revision", stored.revision}};
  return json.dump();
}

Result<std::vector<CaseDeadlineRule>> CaseStore::deadline_rules() const {
  Result<SqliteStatement> statement = SqliteStatement::prepare(
      db_.native_handle(), "SELECT category, days, remind_days FROM case_deadline ORDER BY 1");
  if (!statement) return fail(statement.error());
  std::vector<CaseDeadlineRule> rules;
  while (true) {
    Result<StepResult> step = statement->step();
    if (!step) return fail(step.error());
    if (*step == StepResult::kDone) return rules;
    rules.push_back(
        {statement->column_text(0), statement->column_int(1), statement->column_int(2)});
  }
}

Result<std::optional<CaseEnterprise>> CaseStore::enterprise(const std::string& uscc) const {
  Result<SqliteStatement> statement = SqliteStatement::prepare(
      db_.native_handle(), "SELECT uscc, name, region FROM enterprise WHERE uscc = ?");
  if (!statement) return fail(statement.error());
  statement->bind(1, std::string_view(uscc));
  Result<StepResult> step = statement->step();
  if (!step) return fail(step.error());
  if (*step == StepResult::kDone) return std::optional<CaseEnterprise>();
  return std::optional<CaseEnterprise>(CaseEnterprise{
      statement->column_text(0), statement->column_text(1), statement->column_text(2)});
}

Result<std::optional<StoredCase>> CaseStore::find(const std::string& id) const {
  Result<SqliteStatement> statement =
      SqliteStatement::prepare(db_.native_handle(), std::string(kSelectCase) + " WHERE w.id = ?");
  if (!statement) return fail(statement.error());
  statement->bind(1, std::string_view(id));
  Result<std::vector<StoredCase>> cases = read_cases(*statement);
  if (!cases) return fail(cases.error());
  if (cases->empty()) return std::optional<StoredCase>();
  return std::optional<StoredCase>(std::move(cases->front()));
}

Result<std::vector<StoredCase>> CaseStore::list() const {
  Result<SqliteStatement> statement =
      SqliteStatement::prepare(db_.native_handle(), std::string(kSelectCase) + " ORDER BY w.id");
  if (!statement) return fail(statement.error());
  return read_cases(*statement);
}

Result<std::vector<CaseEvent>> CaseStore::events(const std::string& id) const {
  Result<SqliteStatement> statement = SqliteStatement::prepare(
      db_.native_handle(),
      "SELECT revision, at, user_name, action, from_state, to_state, note, record "
      "FROM case_event WHERE case_id = ? ORDER BY revision");
  if (!statement) return fail(statement.error());
  statement->bind(1, std::string_view(id));
  std::vector<CaseEvent> events;
  while (true) {
    Result<StepResult> step = statement->step();
    if (!step) return fail(step.error());
    if (*step == StepResult::kDone) return events;
    events.push_back({static_cast<long>(statement->column_int64(0)), statement->column_text(1),
                      statement->column_text(2), statement->column_text(3),
                      statement->column_text(4), statement->column_text(5),
                      statement->column_text(6), statement->column_text(7)});
  }
}

Result<std::string> CaseStore::next_id(const CivilDate& raised) const {
  const std::string prefix =
      fmt::format("SQ{:04d}{:02d}{:02d}-", raised.year, raised.month, raised.day);
  Result<long> used = single_count(
      db_.native_handle(), "SELECT count(*) FROM service_case WHERE substr(id, 1, 11) = ?", prefix);
  if (!used) return fail(used.error());
  for (long number = *used + 1;; ++number) {
    std::string id = fmt::format("{}{:03d}", prefix, number);
    Result<long> taken =
        single_count(db_.native_handle(), "SELECT count(*) FROM service_case WHERE id = ?", id);
    if (!taken) return fail(taken.error());
    if (*taken == 0) return id;
  }
}

Result<bool> CaseStore::write(const StoredCase& after, CaseEvent event, const AuditEntry& audit,
                              ImportedCase imported) {
  sqlite3* db = db_.native_handle();
  detail::SqliteTransaction transaction(db);
  ZHIZAO_RETURN_IF_ERROR_RESULT(transaction.begin(detail::TransactionKind::kImmediate));
  Result<long> current =
      single_count(db, "SELECT revision FROM case_workflow WHERE id = ?", after.row.id);
  if (!current) return fail(current.error());
  if (*current != after.revision - 1) return false;
  if (after.revision == 1 && imported == ImportedCase::kRefuse) {
    Result<long> existing =
        single_count(db, "SELECT count(*) FROM service_case WHERE id = ?", after.row.id);
    if (!existing) return fail(existing.error());
    if (*existing != 0) return false;
  }
  ZHIZAO_RETURN_IF_ERROR_RESULT(write_rows(db, after));
  event.revision = after.revision;
  event.record = case_record_json(after);
  ZHIZAO_RETURN_IF_ERROR_RESULT(write_event(db, after.row.id, event));
  Result<long> audited = AuditLog(db_).append(audit);
  if (!audited) return fail(audited.error());
  ZHIZAO_RETURN_IF_ERROR_RESULT(detail::exec_sql(db, detail::kAdvanceDataVersionSql));
  ZHIZAO_RETURN_IF_ERROR_RESULT(transaction.commit());
  return true;
}

}  // namespace zhizao
