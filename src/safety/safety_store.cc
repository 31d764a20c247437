#include "safety/safety_store.h"

#include <fmt/format.h>

#include "base/text.h"
#include "safety/safety_revisions.h"
#include "store/sqlite_statement.h"

namespace zhizao {
namespace {

using detail::SqliteStatement;
using detail::StepResult;

Result<CivilDate> stored_date(const std::string& text) {
  Result<CivilDate> date = parse_civil_date(text);
  if (!date) return fail(Status::corruption(fmt::format("stored safety date \"{}\"", text)));
  return date;
}

Result<std::optional<CivilDate>> stored_optional_date(const std::string& text) {
  if (text.empty()) return std::optional<CivilDate>();
  Result<CivilDate> date = stored_date(text);
  if (!date) return fail(date.error());
  return std::optional<CivilDate>(*date);
}

std::string optional_text(const std::optional<CivilDate>& date) {
  return date ? date->to_string() : std::string();
}

// Runs `sql` and calls `read(row)` for each row; `read` returns a Status.
template <typename Read>
Status for_each_row(const Database& db, const char* sql, Read read) {
  Result<SqliteStatement> statement = SqliteStatement::prepare(db.native_handle(), sql);
  if (!statement) return statement.error();
  while (true) {
    Result<StepResult> step = statement->step();
    if (!step) return step.error();
    if (*step == StepResult::kDone) return Status::ok();
    ZHIZAO_RETURN_IF_ERROR(read(*statement));
  }
}

Status load_plans(const Database& db, SafetyRegister& out) {
  return for_each_row(
      db,
      "SELECT id, name, kind, divisions, region, date_from, date_to FROM safety_plan ORDER BY id",
      [&](const SqliteStatement& row) -> Status {
        SafetyPlan plan{row.column_text(0),
                        row.column_text(1),
                        row.column_text(2),
                        {},
                        row.column_text(4),
                        {},
                        {}};
        const std::string divisions = row.column_text(3);  // split() views it
        for (std::string_view code : split(divisions, ';')) {
          if (!code.empty()) plan.divisions.emplace_back(code);
        }
        Result<CivilDate> from = stored_date(row.column_text(5));
        Result<CivilDate> to = stored_date(row.column_text(6));
        if (!from) return from.error();
        if (!to) return to.error();
        plan.from = *from;
        plan.to = *to;
        out.plans.push_back(std::move(plan));
        return Status::ok();
      });
}

Status load_checks(const Database& db, SafetyRegister& out) {
  return for_each_row(
      db, "SELECT id, plan, uscc, date, inspector, findings FROM safety_check ORDER BY id",
      [&](const SqliteStatement& row) -> Status {
        Result<CivilDate> date = stored_date(row.column_text(3));
        if (!date) return date.error();
        out.checks.push_back(SafetyCheck{row.column_text(0), row.column_text(1), row.column_text(2),
                                         *date, row.column_text(4), row.column_text(5)});
        return Status::ok();
      });
}

Status load_hazards(const Database& db, SafetyRegister& out) {
  return for_each_row(
      db,
      "SELECT id, check_id, level, description, found, deadline, rectified, reinspected, "
      "reinspection_result, proof FROM safety_hazard ORDER BY id",
      [&](const SqliteStatement& row) -> Status {
        Hazard hazard;
        hazard.id = row.column_text(0);
        hazard.check = row.column_text(1);
        std::optional<HazardLevel> level = parse_hazard_level(row.column_text(2));
        std::optional<ReinspectionResult> result = parse_reinspection_result(row.column_text(8));
        if (!level || !result) {
          return Status::corruption(fmt::format("stored hazard {} level or result", hazard.id));
        }
        hazard.level = *level;
        hazard.reinspection = *result;
        hazard.description = row.column_text(3);
        Result<CivilDate> found = stored_date(row.column_text(4));
        Result<CivilDate> deadline = stored_date(row.column_text(5));
        Result<std::optional<CivilDate>> rectified = stored_optional_date(row.column_text(6));
        Result<std::optional<CivilDate>> reinspected = stored_optional_date(row.column_text(7));
        if (!found) return found.error();
        if (!deadline) return deadline.error();
        if (!rectified) return rectified.error();
        if (!reinspected) return reinspected.error();
        hazard.found = *found;
        hazard.deadline = *deadline;
        hazard.rectified = *rectified;
        hazard.reinspected = *reinspected;
        hazard.proof = row.column_text(9);
        out.hazards.push_back(std::move(hazard));
        return Status::ok();
      });
}

Status load_roster(const Database& db, SafetyRegister& out) {
  return for_each_row(
      db,
      "SELECT date, shift, person, phone, handover FROM duty_roster ORDER BY date, shift, person",
      [&](const SqliteStatement& row) -> Status {
        Result<CivilDate> date = stored_date(row.column_text(0));
        if (!date) return date.error();
        out.roster.push_back(DutyShift{*date, row.column_text(1), row.column_text(2),
                                       row.column_text(3), row.column_text(4)});
        return Status::ok();
      });
}

std::string joined(const std::vector<std::string>& codes) {
  std::string text;
  for (const std::string& code : codes) {
    if (!text.empty()) text += ';';
    text += code;
  }
  return text;
}

// Prepares `sql`, binds by `bind(statement, record)` and runs it for each record.
template <typename Record, typename Bind>
Result<long> write_rows(sqlite3* handle, const char* sql, const std::vector<Record>& records,
                        Bind bind) {
  Result<SqliteStatement> statement = SqliteStatement::prepare(handle, sql);
  if (!statement) return fail(statement.error());
  for (const Record& record : records) {
    statement->reset();
    bind(*statement, record);
    ZHIZAO_RETURN_IF_ERROR_RESULT(statement->run());
  }
  return static_cast<long>(records.size());
}

// Appends an "import" revision for every row of `incoming` that replaces a stored row of the
// same key by a different one.
template <typename Row, typename Key, typename ToJson>
Status keep_replaced(sqlite3* handle, std::string_view kind, const std::vector<Row>& stored,
                     const std::vector<Row>& incoming, Key key, ToJson to_json) {
  std::map<std::string, const Row*> by_key;
  for (const Row& row : stored) by_key[key(row)] = &row;
  for (const Row& row : incoming) {
    auto found = by_key.find(key(row));
    if (found == by_key.end() || *found->second == row) continue;
    ZHIZAO_RETURN_IF_ERROR(
        append_import_revision(handle, kind, found->first, to_json(*found->second), to_json(row)));
  }
  return Status::ok();
}

Status keep_replaced_rows(sqlite3* handle, const SafetyRegister& stored,
                          const SafetyRegister& incoming) {
  auto id_of = [](const auto& row) { return row.id; };
  auto row_json = [](const auto& row) { return safety_row_json(SafetyRow(row)); };
  ZHIZAO_RETURN_IF_ERROR(
      keep_replaced(handle, "plan", stored.plans, incoming.plans, id_of, row_json));
  ZHIZAO_RETURN_IF_ERROR(
      keep_replaced(handle, "check", stored.checks, incoming.checks, id_of, row_json));
  ZHIZAO_RETURN_IF_ERROR(
      keep_replaced(handle, "hazard", stored.hazards, incoming.hazards, id_of, row_json));
  return keep_replaced(
      handle, "roster", stored.roster, incoming.roster,
      [](const DutyShift& d) { return d.date.to_string() + "|" + d.shift + "|" + d.person; },
      duty_shift_json);
}

}  // namespace

Result<SafetyRegister> load_safety_register(const Database& db) {
  SafetyRegister out;
  ZHIZAO_RETURN_IF_ERROR_RESULT(load_plans(db, out));
  ZHIZAO_RETURN_IF_ERROR_RESULT(load_checks(db, out));
  ZHIZAO_RETURN_IF_ERROR_RESULT(load_hazards(db, out));
  ZHIZAO_RETURN_IF_ERROR_RESULT(load_roster(db, out));
  return out;
}

Result<std::map<HazardLevel, int>> hazard_deadline_days(const Database& db) {
  std::map<HazardLevel, int> days;
  Status read = for_each_row(db, "SELECT level, days FROM safety_hazard_deadline",
                             [&](const SqliteStatement& row) -> Status {
                               std::optional<HazardLevel> level =
                                   parse_hazard_level(row.column_text(0));
                               if (!level)
                                 return Status::corruption("safety_hazard_deadline level");
                               days[*level] = row.column_int(1);
                               return Status::ok();
                             });
  if (!read.is_ok()) return fail(read);
  return days;
}

Result<std::set<std::string>> stored_enterprise_codes(const Database& db) {
  std::set<std::string> codes;
  Status read = for_each_row(db, "SELECT uscc FROM enterprise", [&](const SqliteStatement& row) {
    codes.insert(row.column_text(0));
    return Status::ok();
  });
  if (!read.is_ok()) return fail(read);
  return codes;
}

Result<long> write_safety_rows(sqlite3* handle, const SafetyRegister& records) {
  long written = 0;
  Result<long> plans = write_rows(
      handle,
      "INSERT OR REPLACE INTO safety_plan (id, name, kind, divisions, region, date_from, date_to) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
      records.plans, [](SqliteStatement& s, const SafetyPlan& p) {
        s.bind(1, std::string_view(p.id));
        s.bind(2, std::string_view(p.name));
        s.bind(3, std::string_view(p.kind));
        s.bind(4, std::string_view(joined(p.divisions)));
        s.bind(5, std::string_view(p.region));
        s.bind(6, std::string_view(p.from.to_string()));
        s.bind(7, std::string_view(p.to.to_string()));
      });
  if (!plans) return plans;
  Result<long> checks =
      write_rows(handle,
                 "INSERT OR REPLACE INTO safety_check (id, plan, uscc, date, inspector, findings) "
                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                 records.checks, [](SqliteStatement& s, const SafetyCheck& c) {
                   s.bind(1, std::string_view(c.id));
                   s.bind(2, std::string_view(c.plan));
                   s.bind(3, std::string_view(c.uscc));
                   s.bind(4, std::string_view(c.date.to_string()));
                   s.bind(5, std::string_view(c.inspector));
                   s.bind(6, std::string_view(c.findings));
                 });
  if (!checks) return checks;
  Result<long> hazards = write_rows(
      handle,
      "INSERT OR REPLACE INTO safety_hazard (id, check_id, level, description, found, deadline, "
      "rectified, reinspected, reinspection_result, proof) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
      records.hazards, [](SqliteStatement& s, const Hazard& h) {
        s.bind(1, std::string_view(h.id));
        s.bind(2, std::string_view(h.check));
        s.bind(3, std::string_view(hazard_level_name(h.level)));
        s.bind(4, std::string_view(h.description));
        s.bind(5, std::string_view(h.found.to_string()));
        s.bind(6, std::string_view(h.deadline.to_string()));
        s.bind(7, std::string_view(optional_text(h.rectified)));
        s.bind(8, std::string_view(optional_text(h.reinspected)));
        s.bind(9, std::string_view(reinspection_result_name(h.reinspection)));
        s.bind(10, std::string_view(h.proof));
      });
  if (!hazards) return hazards;
  Result<long> roster =
      write_rows(handle,
                 "INSERT OR REPLACE INTO duty_roster (date, shift, person, phone, handover) "
                 "VALUES (?1, ?2, ?3, ?4, ?5)",
                 records.roster, [](SqliteStatement& s, const DutyShift& d) {
                   s.bind(1, std::string_view(d.date.to_string()));
                   s.bind(2, std::string_view(d.shift));
                   s.bind(3, std::string_view(d.person));
                   s.bind(4, std::string_view(d.phone));
                   s.bind(5, std::string_view(d.handover));
                 });
  if (!roster) return roster;
  written = *plans + *checks + *hazards + *roster;
  return written;
}

Result<long> store_safety_records(Database& db, const SafetyRegister& records) {
  sqlite3* handle = db.native_handle();
  detail::SqliteTransaction transaction(handle);
  ZHIZAO_RETURN_IF_ERROR_RESULT(transaction.begin(detail::TransactionKind::kImmediate));
  // The rows this import replaces by different ones keep their prior version (safety_event).
  Result<SafetyRegister> stored = load_safety_register(db);
  if (!stored) return fail(stored.error());
  ZHIZAO_RETURN_IF_ERROR_RESULT(keep_replaced_rows(handle, *stored, records));
  Result<long> written = write_safety_rows(handle, records);
  if (!written) return written;
  ZHIZAO_RETURN_IF_ERROR_RESULT(detail::exec_sql(handle, detail::kAdvanceDataVersionSql));
  ZHIZAO_RETURN_IF_ERROR_RESULT(transaction.commit());
  return written;
}

}  // namespace zhizao
