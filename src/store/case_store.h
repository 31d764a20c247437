// CaseStore: the enterprise cases (诉求) kept through the API (issue 14) beyond the contract's
// cases.csv row. The contract's columns stay in `service_case` (the figures read them, imported
// or not); the workflow — state, assignee, supervising level, texts — is in `case_workflow`, and
// every change is a numbered revision in `case_event` with the whole case after it. Deadlines by
// category are data (`case_deadline`, seeded by the migration, editable by the bureau). Every write
// is one transaction with its audit_log row and moves the data version (the figures change).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "domain/records.h"
#include "store/audit_log.h"
#include "store/database.h"

namespace zhizao {

// The SQL of the migration that creates the tables above (store/migrations.cc).
extern const char* const kCreateCaseWorkflow;

// One row of `case_deadline`: the days a category's case has, and how many days before its
// deadline the reminder starts. Category "*" is the default of every other category.
struct CaseDeadlineRule {
  std::string category;
  int days = 15;
  int remind_days = 3;

  bool operator==(const CaseDeadlineRule&) const = default;
};

// A case as kept: the contract's row and the workflow's fields.
struct StoredCase {
  ServiceCase row;           // id, uscc, raised, category, department, deadline, resolved, rating
  std::string region;        // the enterprise's county when raised (for county scopes)
  std::string title;         // one line
  std::string description;   // what the enterprise asks
  std::string state;         // raised, assigned, in_progress, resolved, evaluated
  std::string assignee;      // who handles it in the department ('' before assignment)
  std::string level;         // who supervises it: "county", or "city" once escalated
  std::string escalated_at;  // ISO 8601 UTC, '' when not escalated
  int remind_days = 3;       // the reminder's lead, from the category's rule at raising
  long reopened = 0;         // times the enterprise reopened it
  std::string raised_by;     // user name
  std::string updated_at;    // ISO 8601 UTC
  long revision = 0;         // 1 after raising, + 1 for each change

  bool operator==(const StoredCase&) const = default;
};

// One revision of a case: who did what, from which state to which, and the case after it.
struct CaseEvent {
  long revision = 0;
  std::string at;  // ISO 8601 UTC
  std::string user_name;
  std::string action;  // raise, assign, progress, resolve, evaluate, reopen, escalate
  std::string from_state;
  std::string to_state;
  std::string note;
  std::string record;  // JSON of the case after the change
};

// What a first revision does when cases.csv already gave a case of its id: refuse (a new case
// raised through the API), or take that case into the workflow (its row is rewritten as `after`).
enum class ImportedCase { kRefuse, kAdopt };

// An enterprise as the workflow needs it: county and name.
struct CaseEnterprise {
  std::string uscc;
  std::string name;
  std::string region;
};

// Borrows `db`, which must outlive it. Not thread-safe (one per thread, like Database).
class CaseStore {
 public:
  explicit CaseStore(Database& db) : db_(db) {}

  // Returns the deadline rules, "*" included. Errors: kIoError.
  Result<std::vector<CaseDeadlineRule>> deadline_rules() const;
  // Returns the enterprise `uscc` of enterprises.csv, or nullopt. Errors: kIoError.
  Result<std::optional<CaseEnterprise>> enterprise(const std::string& uscc) const;
  // Returns the case `id` kept through the workflow, or nullopt (also for a case only imported
  // from cases.csv). Errors: kIoError, kCorruption for a stored date that does not parse.
  Result<std::optional<StoredCase>> find(const std::string& id) const;
  // Returns every case kept through the workflow, by id. Errors: as find.
  Result<std::vector<StoredCase>> list() const;
  // Returns the revisions of case `id`, oldest first. Errors: kIoError.
  Result<std::vector<CaseEvent>> events(const std::string& id) const;
  // Returns an id for a new case raised on `raised`: "SQ" + YYYYMMDD + "-" + a 3-digit number
  // not used yet by any case (imported ones included). Errors: kIoError.
  Result<std::string> next_id(const CivilDate& raised) const;

  // Writes `after` when the stored revision of its id is `after.revision − 1` (0: a new case, whose
  // id must not exist in service_case either unless `imported` is kAdopt), with `event` (revision
  // = after.revision, record = the JSON of `after`) and `audit`, and moves the data version, all
  // in one transaction. Returns false, writing nothing, when the case was changed meanwhile (or
  // the new id exists). Errors: kIoError.
  Result<bool> write(const StoredCase& after, CaseEvent event, const AuditEntry& audit,
                     ImportedCase imported = ImportedCase::kRefuse);

 private:
  Database& db_;
};

// Returns the JSON text of `stored` (the contract's keys and the workflow's), as kept in events.
std::string case_record_json(const StoredCase& stored);

}  // namespace zhizao
