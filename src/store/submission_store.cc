// SubmissionStore: rows of `submission` and `submission_event`, with bound parameters only.
#include "store/submission_store.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "store/audit_log.h"
#include "store/monthly_blocks.h"
#include "store/sqlite_statement.h"

namespace zhizao {

using detail::SqliteStatement;
using detail::SqliteTransaction;
using detail::StepResult;
using detail::TransactionKind;

namespace {

constexpr std::string_view kSelectSubmission =
    "SELECT s.id, s.uscc, s.year, s.month, s.record, s.explanations, s.state, s.submitted_by, "
    "s.submitted_at, coalesce(e.region, ''), s.products, s.product_flags FROM submission s "
    "LEFT JOIN enterprise e ON e.uscc = s.uscc ";

StoredSubmission read_submission(const SqliteStatement& row) {
  StoredSubmission s;
  s.id = static_cast<long>(row.column_int64(0));
  s.uscc = row.column_text(1);
  s.period = {row.column_int(2), row.column_int(3)};
  s.record_json = row.column_text(4);
  s.explanations_json = row.column_text(5);
  s.state = row.column_text(6);
  s.submitted_by = row.column_text(7);
  s.submitted_at = row.column_text(8);
  s.region = row.column_text(9);
  if (!row.column_is_null(10)) s.products_json = row.column_text(10);
  s.product_flags_json = row.column_text(11);
  return s;
}

Result<std::vector<StoredSubmission>> read_submissions(SqliteStatement& select) {
  std::vector<StoredSubmission> out;
  for (;;) {
    Result<StepResult> stepped = select.step();
    if (!stepped) return fail(stepped.error());
    if (*stepped == StepResult::kDone) return out;
    out.push_back(read_submission(select));
  }
}

Status insert_event(sqlite3* db, const StateChange& change, std::string_view at) {
  Result<SqliteStatement> insert = SqliteStatement::prepare(
      db,
      "INSERT INTO submission_event (submission_id, at, user_name, from_state, to_state, comment) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  if (!insert) return insert.error();
  insert->bind(1, static_cast<int64_t>(change.submission_id));
  insert->bind(2, at);
  insert->bind(3, std::string_view(change.user_name));
  insert->bind(4, std::string_view(change.from_state));
  insert->bind(5, std::string_view(change.to_state));
  insert->bind(6, std::string_view(change.comment));
  return insert->run();
}

// Moves `id` from `from` to `to` if it is still in `from`; returns whether it was.
Result<bool> update_state(sqlite3* db, long id, std::string_view from, std::string_view to) {
  Result<SqliteStatement> update =
      SqliteStatement::prepare(db, "UPDATE submission SET state = ?3 WHERE id = ?1 AND state = ?2");
  if (!update) return fail(update.error());
  update->bind(1, static_cast<int64_t>(id));
  update->bind(2, from);
  update->bind(3, to);
  ZHIZAO_RETURN_IF_ERROR_RESULT(update->run());
  return sqlite3_changes(db) == 1;
}

}  // namespace

Result<std::optional<std::string>> SubmissionStore::enterprise_region(std::string_view uscc) const {
  Result<SqliteStatement> select = SqliteStatement::prepare(
      db_.native_handle(), "SELECT region FROM enterprise WHERE uscc = ?1");
  if (!select) return fail(select.error());
  select->bind(1, uscc);
  Result<StepResult> stepped = select->step();
  if (!stepped) return fail(stepped.error());
  if (*stepped == StepResult::kDone) return std::optional<std::string>();
  return std::optional<std::string>(select->column_text(0));
}

Result<std::vector<RegionGroup>> SubmissionStore::region_groups() const {
  Result<SqliteStatement> select = SqliteStatement::prepare(
      db_.native_handle(),
      "SELECT g.id, g.name, m.region FROM region_group g "
      "JOIN region_group_member m ON m.group_id = g.id ORDER BY g.id, m.position");
  if (!select) return fail(select.error());
  std::vector<RegionGroup> groups;
  for (;;) {
    Result<StepResult> stepped = select->step();
    if (!stepped) return fail(stepped.error());
    if (*stepped == StepResult::kDone) return groups;
    std::string id = select->column_text(0);
    if (groups.empty() || groups.back().id != id)
      groups.push_back({id, select->column_text(1), {}});
    groups.back().members.push_back(select->column_text(2));
  }
}

Result<std::vector<MonthlyRecord>> SubmissionStore::monthly_history(std::string_view uscc) const {
  return detail::load_enterprise_months(db_.native_handle(), uscc);
}

Result<std::set<std::string>> SubmissionStore::known_products(
    const std::vector<std::string>& codes) const {
  Result<SqliteStatement> select =
      SqliteStatement::prepare(db_.native_handle(), "SELECT 1 FROM product WHERE code = ?1");
  if (!select) return fail(select.error());
  std::set<std::string> known;
  for (const std::string& code : codes) {
    select->bind(1, std::string_view(code));
    Result<StepResult> stepped = select->step();
    if (!stepped) return fail(stepped.error());
    if (*stepped == StepResult::kRow) known.insert(code);
    select->reset();
  }
  return known;
}

Result<std::map<std::string, double>> SubmissionStore::product_quantities(std::string_view uscc,
                                                                          YearMonth period) const {
  Result<SqliteStatement> select = SqliteStatement::prepare(
      db_.native_handle(),
      "SELECT product, quantity FROM product_output WHERE uscc = ?1 AND year = ?2 AND month = ?3");
  if (!select) return fail(select.error());
  select->bind(1, uscc);
  select->bind(2, period.year);
  select->bind(3, period.month);
  std::map<std::string, double> quantities;
  for (;;) {
    Result<StepResult> stepped = select->step();
    if (!stepped) return fail(stepped.error());
    if (*stepped == StepResult::kDone) return quantities;
    quantities.emplace(select->column_text(0), select->column_double(1));
  }
}

Result<long> SubmissionStore::insert(StoredSubmission* submission, std::string_view remote) {
  sqlite3* db = db_.native_handle();
  SqliteTransaction transaction(db);
  ZHIZAO_RETURN_IF_ERROR_RESULT(transaction.begin(TransactionKind::kImmediate));
  submission->submitted_at = utc_timestamp_now();
  submission->state = "submitted";
  Result<SqliteStatement> pending = SqliteStatement::prepare(
      db,
      "SELECT id, state FROM submission WHERE uscc = ?1 AND year = ?2 AND month = ?3 "
      "AND state IN ('submitted', 'county_approved') ORDER BY id");
  if (!pending) return fail(pending.error());
  pending->bind(1, std::string_view(submission->uscc));
  pending->bind(2, submission->period.year);
  pending->bind(3, submission->period.month);
  std::vector<std::pair<long, std::string>> superseded;
  for (;;) {
    Result<StepResult> stepped = pending->step();
    if (!stepped) return fail(stepped.error());
    if (*stepped == StepResult::kDone) break;
    superseded.emplace_back(static_cast<long>(pending->column_int64(0)), pending->column_text(1));
  }
  Result<SqliteStatement> insert = SqliteStatement::prepare(
      db,
      "INSERT INTO submission (uscc, year, month, record, explanations, state, submitted_by, "
      "submitted_at, products, product_flags) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
  if (!insert) return fail(insert.error());
  insert->bind(1, std::string_view(submission->uscc));
  insert->bind(2, submission->period.year);
  insert->bind(3, submission->period.month);
  insert->bind(4, std::string_view(submission->record_json));
  insert->bind(5, std::string_view(submission->explanations_json));
  insert->bind(6, std::string_view(submission->state));
  insert->bind(7, std::string_view(submission->submitted_by));
  insert->bind(8, std::string_view(submission->submitted_at));
  insert->bind(9, submission->products_json);
  insert->bind(10, std::string_view(submission->product_flags_json));
  ZHIZAO_RETURN_IF_ERROR_RESULT(insert->run());
  submission->id = static_cast<long>(sqlite3_last_insert_rowid(db));
  ZHIZAO_RETURN_IF_ERROR_RESULT(
      insert_event(db, {submission->id, "", "submitted", submission->submitted_by, ""},
                   submission->submitted_at));
  nlohmann::json superseded_ids = nlohmann::json::array();
  for (const auto& [old_id, old_state] : superseded) {
    Result<bool> moved = update_state(db, old_id, old_state, "rejected");
    if (!moved) return fail(moved.error());
    ZHIZAO_RETURN_IF_ERROR_RESULT(
        insert_event(db,
                     {old_id, old_state, "rejected", submission->submitted_by,
                      fmt::format("superseded by #{}", submission->id)},
                     submission->submitted_at));
    superseded_ids.push_back(old_id);
  }
  nlohmann::json detail = {{"id", submission->id},
                           {"uscc", submission->uscc},
                           {"period", submission->period.to_string()},
                           {"superseded", superseded_ids}};
  if (submission->products_json) {
    nlohmann::json products = nlohmann::json::parse(*submission->products_json, nullptr, false);
    detail["products"] = products.is_array() ? products.size() : 0;
  }
  AuditEntry entry{0,
                   submission->submitted_at,
                   submission->submitted_by,
                   std::string(remote),
                   "submission.create",
                   std::to_string(submission->id),
                   detail.dump()};
  Result<long> logged = AuditLog(db_).append(entry);
  if (!logged) return fail(logged.error());
  ZHIZAO_RETURN_IF_ERROR_RESULT(transaction.commit());
  return submission->id;
}

Result<bool> SubmissionStore::change_state(const StateChange& change, std::string_view remote) {
  sqlite3* db = db_.native_handle();
  SqliteTransaction transaction(db);
  ZHIZAO_RETURN_IF_ERROR_RESULT(transaction.begin(TransactionKind::kImmediate));
  Result<bool> moved = update_state(db, change.submission_id, change.from_state, change.to_state);
  if (!moved) return fail(moved.error());
  if (!*moved) return false;
  std::string at = utc_timestamp_now();
  ZHIZAO_RETURN_IF_ERROR_RESULT(insert_event(db, change, at));
  nlohmann::json detail = {
      {"from", change.from_state}, {"to", change.to_state}, {"comment", change.comment}};
  if (change.published_products) detail["products"] = *change.published_products;
  AuditEntry entry{0,
                   at,
                   change.user_name,
                   std::string(remote),
                   "submission.review",
                   std::to_string(change.submission_id),
                   detail.dump()};
  Result<long> logged = AuditLog(db_).append(entry);
  if (!logged) return fail(logged.error());
  ZHIZAO_RETURN_IF_ERROR_RESULT(transaction.commit());
  return true;
}

Result<std::optional<StoredSubmission>> SubmissionStore::find(long id) const {
  Result<SqliteStatement> select = SqliteStatement::prepare(
      db_.native_handle(), std::string(kSelectSubmission) + "WHERE s.id = ?1");
  if (!select) return fail(select.error());
  select->bind(1, static_cast<int64_t>(id));
  Result<std::vector<StoredSubmission>> rows = read_submissions(*select);
  if (!rows) return fail(rows.error());
  if (rows->empty()) return std::optional<StoredSubmission>();
  return std::optional<StoredSubmission>(std::move(rows->front()));
}

Result<std::vector<StoredSubmission>> SubmissionStore::list(
    const std::optional<std::string>& state) const {
  Result<SqliteStatement> select = SqliteStatement::prepare(
      db_.native_handle(),
      std::string(kSelectSubmission) + "WHERE (?1 IS NULL OR s.state = ?1) ORDER BY s.id DESC");
  if (!select) return fail(select.error());
  select->bind(1, state);
  return read_submissions(*select);
}

Result<std::vector<StoredSubmissionEvent>> SubmissionStore::events(long submission_id) const {
  Result<SqliteStatement> select = SqliteStatement::prepare(
      db_.native_handle(),
      "SELECT id, submission_id, at, user_name, from_state, to_state, comment "
      "FROM submission_event WHERE submission_id = ?1 ORDER BY id");
  if (!select) return fail(select.error());
  select->bind(1, static_cast<int64_t>(submission_id));
  std::vector<StoredSubmissionEvent> out;
  for (;;) {
    Result<StepResult> stepped = select->step();
    if (!stepped) return fail(stepped.error());
    if (*stepped == StepResult::kDone) return out;
    StoredSubmissionEvent e;
    e.id = static_cast<long>(select->column_int64(0));
    e.submission_id = static_cast<long>(select->column_int64(1));
    e.at = select->column_text(2);
    e.user_name = select->column_text(3);
    e.from_state = select->column_text(4);
    e.to_state = select->column_text(5);
    e.comment = select->column_text(6);
    out.push_back(std::move(e));
  }
}

}  // namespace zhizao
