#include "safety/safety_revisions.h"

#include <fmt/format.h>

#include "safety/safety_store.h"
#include "store/sqlite_statement.h"

namespace zhizao {
namespace {

using detail::SqliteStatement;
using detail::StepResult;
using json = nlohmann::ordered_json;

json optional_date(const std::optional<CivilDate>& date) {
  return date ? json(date->to_string()) : json(nullptr);
}

struct RowJson {
  json operator()(const SafetyPlan& p) const {
    return {{"id", p.id},
            {"name", p.name},
            {"kind", p.kind},
            {"divisions", p.divisions},
            {"region", p.region.empty() ? json(nullptr) : json(p.region)},
            {"from", p.from.to_string()},
            {"to", p.to.to_string()}};
  }
  json operator()(const SafetyCheck& c) const {
    return {{"id", c.id},
            {"plan", c.plan},
            {"uscc", c.uscc},
            {"date", c.date.to_string()},
            {"inspector", c.inspector},
            {"findings", c.findings}};
  }
  json operator()(const Hazard& h) const {
    return {{"id", h.id},
            {"check", h.check},
            {"level", hazard_level_name(h.level)},
            {"description", h.description},
            {"found", h.found.to_string()},
            {"deadline", h.deadline.to_string()},
            {"rectified", optional_date(h.rectified)},
            {"reinspected", optional_date(h.reinspected)},
            {"reinspection_result", h.reinspection == ReinspectionResult::kNone
                                        ? json(nullptr)
                                        : json(reinspection_result_name(h.reinspection))},
            {"proof", h.proof.empty() ? json(nullptr) : json(h.proof)}};
  }
};

Result<long> last_revision(sqlite3* handle, std::string_view kind, const std::string& id) {
  Result<SqliteStatement> statement = SqliteStatement::prepare(
      handle,
      "SELECT coalesce(max(revision), 0) FROM safety_event WHERE kind = ? AND record_id = ?");
  if (!statement) return fail(statement.error());
  statement->bind(1, kind);
  statement->bind(2, std::string_view(id));
  Result<StepResult> step = statement->step();
  if (!step) return fail(step.error());
  return static_cast<long>(statement->column_int64(0));
}

Status insert_event(sqlite3* handle, const SafetyEvent& event) {
  Result<SqliteStatement> statement = SqliteStatement::prepare(
      handle,
      "INSERT INTO safety_event (kind, record_id, revision, at, user_name, action, note, before, "
      "after) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
  if (!statement) return statement.error();
  statement->bind(1, std::string_view(event.kind));
  statement->bind(2, std::string_view(event.record_id));
  statement->bind(3, static_cast<int64_t>(event.revision));
  statement->bind(4, std::string_view(event.at));
  statement->bind(5, std::string_view(event.user_name));
  statement->bind(6, std::string_view(event.action));
  statement->bind(7, std::string_view(event.note));
  statement->bind(8, std::string_view(event.before));
  statement->bind(9, std::string_view(event.after));
  return statement->run();
}

// The stored row of the kind and key of `row`, read inside the caller's transaction.
Result<std::optional<SafetyRow>> stored_row(const Database& db, const SafetyRow& row) {
  Result<SafetyRegister> stored = load_safety_register(db);
  if (!stored) return fail(stored.error());
  const std::string& id = safety_row_id(row);
  auto find = [&](const auto& rows) -> std::optional<SafetyRow> {
    for (const auto& candidate : rows) {
      if (candidate.id == id) return SafetyRow(candidate);
    }
    return std::nullopt;
  };
  if (std::holds_alternative<SafetyPlan>(row)) return find(stored->plans);
  if (std::holds_alternative<SafetyCheck>(row)) return find(stored->checks);
  return find(stored->hazards);
}

Status register_proof(sqlite3* handle, const SafetyProofRecord& proof, const std::string& at) {
  Result<SqliteStatement> statement = SqliteStatement::prepare(
      handle,
      "INSERT OR IGNORE INTO safety_proof (name, content_type, bytes, uploaded_by, uploaded_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5)");
  if (!statement) return statement.error();
  statement->bind(1, std::string_view(proof.name));
  statement->bind(2, std::string_view(proof.content_type));
  statement->bind(3, static_cast<int64_t>(proof.bytes));
  statement->bind(4, std::string_view(proof.uploaded_by));
  statement->bind(5, std::string_view(at));
  return statement->run();
}

}  // namespace

std::string_view safety_row_kind(const SafetyRow& row) {
  if (std::holds_alternative<SafetyPlan>(row)) return "plan";
  if (std::holds_alternative<SafetyCheck>(row)) return "check";
  return "hazard";
}

const std::string& safety_row_id(const SafetyRow& row) {
  return std::visit([](const auto& r) -> const std::string& { return r.id; }, row);
}

nlohmann::ordered_json safety_row_json(const SafetyRow& row) { return std::visit(RowJson{}, row); }

nlohmann::ordered_json duty_shift_json(const DutyShift& shift) {
  return {{"date", shift.date.to_string()},
          {"shift", shift.shift},
          {"person", shift.person},
          {"phone", shift.phone},
          {"handover", shift.handover}};
}

Result<long> write_safety_change(Database& db, const std::optional<SafetyRow>& before,
                                 const SafetyRow& after, const SafetyChangeNote& note) {
  sqlite3* handle = db.native_handle();
  detail::SqliteTransaction transaction(handle);
  ZHIZAO_RETURN_IF_ERROR_RESULT(transaction.begin(detail::TransactionKind::kImmediate));
  Result<std::optional<SafetyRow>> stored = stored_row(db, after);
  if (!stored) return fail(stored.error());
  if (*stored != before) return 0L;  // changed (or created) meanwhile: the caller reloads
  const std::string_view kind = safety_row_kind(after);
  const std::string& id = safety_row_id(after);
  Result<long> last = last_revision(handle, kind, id);
  if (!last) return last;
  SafetyRegister rows;
  std::visit(
      [&rows](const auto& row) {
        using Row = std::decay_t<decltype(row)>;
        if constexpr (std::is_same_v<Row, SafetyPlan>) rows.plans.push_back(row);
        if constexpr (std::is_same_v<Row, SafetyCheck>) rows.checks.push_back(row);
        if constexpr (std::is_same_v<Row, Hazard>) rows.hazards.push_back(row);
      },
      after);
  Result<long> written = write_safety_rows(handle, rows);
  if (!written) return written;
  SafetyEvent event{std::string(kind),
                    id,
                    *last + 1,
                    utc_timestamp_now(),
                    note.user_name,
                    note.action,
                    note.note,
                    before ? safety_row_json(*before).dump() : std::string(),
                    safety_row_json(after).dump()};
  ZHIZAO_RETURN_IF_ERROR_RESULT(insert_event(handle, event));
  if (note.proof) ZHIZAO_RETURN_IF_ERROR_RESULT(register_proof(handle, *note.proof, event.at));
  Result<long> audited = AuditLog(db).append(note.audit);
  if (!audited) return fail(audited.error());
  ZHIZAO_RETURN_IF_ERROR_RESULT(detail::exec_sql(handle, detail::kAdvanceDataVersionSql));
  ZHIZAO_RETURN_IF_ERROR_RESULT(transaction.commit());
  return event.revision;
}

Result<std::vector<SafetyEvent>> safety_events(const Database& db, std::string_view kind,
                                               const std::string& id) {
  Result<SqliteStatement> statement = SqliteStatement::prepare(
      db.native_handle(),
      "SELECT kind, record_id, revision, at, user_name, action, note, before, after "
      "FROM safety_event WHERE kind = ? AND record_id = ? ORDER BY revision");
  if (!statement) return fail(statement.error());
  statement->bind(1, kind);
  statement->bind(2, std::string_view(id));
  std::vector<SafetyEvent> events;
  while (true) {
    Result<StepResult> step = statement->step();
    if (!step) return fail(step.error());
    if (*step == StepResult::kDone) return events;
    events.push_back(SafetyEvent{statement->column_text(0), statement->column_text(1),
                                 static_cast<long>(statement->column_int64(2)),
                                 statement->column_text(3), statement->column_text(4),
                                 statement->column_text(5), statement->column_text(6),
                                 statement->column_text(7), statement->column_text(8)});
  }
}

Status append_import_revision(sqlite3* handle, std::string_view kind, const std::string& id,
                              const nlohmann::ordered_json& before,
                              const nlohmann::ordered_json& after) {
  Result<long> last = last_revision(handle, kind, id);
  if (!last) return last.error();
  return insert_event(handle, SafetyEvent{std::string(kind), id, *last + 1, utc_timestamp_now(), "",
                                          "import", "", before.dump(), after.dump()});
}

Result<std::string> next_safety_id(const Database& db, std::string_view kind,
                                   const CivilDate& date) {
  const bool check = kind == "check";
  const std::string prefix =
      fmt::format("{}{:04d}{:02d}{:02d}-", check ? "JC" : "YH", date.year, date.month, date.day);
  Result<SqliteStatement> statement = SqliteStatement::prepare(
      db.native_handle(), check ? "SELECT id FROM safety_check WHERE substr(id, 1, 11) = ?"
                                : "SELECT id FROM safety_hazard WHERE substr(id, 1, 11) = ?");
  if (!statement) return fail(statement.error());
  statement->bind(1, std::string_view(prefix));
  std::set<std::string> used;
  while (true) {
    Result<StepResult> step = statement->step();
    if (!step) return fail(step.error());
    if (*step == StepResult::kDone) break;
    used.insert(statement->column_text(0));
  }
  for (int number = 1; number <= 999; ++number) {
    std::string id = fmt::format("{}{:03d}", prefix, number);
    if (!used.contains(id)) return id;
  }
  return fail(Status::usage("no free id for " + prefix + "; a day has at most 999"));
}

Result<std::optional<std::string>> registered_proof_type(const Database& db,
                                                         const std::string& name) {
  Result<SqliteStatement> statement = SqliteStatement::prepare(
      db.native_handle(), "SELECT content_type FROM safety_proof WHERE name = ?");
  if (!statement) return fail(statement.error());
  statement->bind(1, std::string_view(name));
  Result<StepResult> step = statement->step();
  if (!step) return fail(step.error());
  if (*step == StepResult::kDone) return std::optional<std::string>();
  return std::optional<std::string>(statement->column_text(0));
}

}  // namespace zhizao
