// ServiceRegisterStore: the enterprise service registers kept through the API (issue 14, 每人必联、
// 每月必访) — the responsible cadres and department of an enterprise (assignments.csv) and the
// visits logged (visits.csv). The contract's rows stay in `assignment` and `visit` (the figures
// read them, imported or not); every change made through the API is a numbered revision in
// `service_revision` with the record before and after it, written with its audit_log row in one
// transaction that also moves the data version (the figures change). Imports keep writing the
// rows directly (store/batch_writer.cc); their history is the import's audit row.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "domain/records.h"
#include "store/audit_log.h"
#include "store/case_store.h"
#include "store/database.h"

namespace zhizao {

// The SQL of the migration that creates `service_revision` (store/migrations.cc).
extern const char* const kCreateServiceRevisions;

// Which register a revision belongs to.
enum class ServiceRegister { kAssignment, kVisit };

// One revision of a record of a register: who changed it when, and the record before and after
// (JSON text; "null" for a record that did not exist, or that the change removed).
struct ServiceRevision {
  long revision = 0;  // 1 for the first change through the API, + 1 for each later one
  std::string at;     // ISO 8601 UTC
  std::string user_name;
  std::string before;
  std::string after;
};

// Returns the key of the revisions of an enterprise's assignment to `department`: "USCC|dept".
std::string assignment_revision_key(const std::string& uscc, const std::string& department);
// Returns the key of the revisions of a visit: "USCC|YYYY-MM-DD|cadre".
std::string visit_revision_key(const Visit& visit);

// Borrows `db`, which must outlive it. Not thread-safe (one per thread, like Database).
class ServiceRegisterStore {
 public:
  explicit ServiceRegisterStore(Database& db) : db_(db) {}

  // Returns every enterprise of enterprises.csv (code, name, county), by code: the scopes of
  // the registers. Errors: kIoError.
  Result<std::vector<CaseEnterprise>> enterprises() const;
  // Returns every assignment row, by uscc, cadre and department. Errors: kIoError.
  Result<std::vector<Assignment>> assignments() const;
  // Returns every visit row, by uscc, date and cadre. Errors: kIoError, kCorruption for a stored
  // date that does not parse.
  Result<std::vector<Visit>> visits() const;
  // Returns every row of cases.csv's table (imported or kept through the workflow), by id.
  // Errors: kIoError, kCorruption for a stored date that does not parse.
  Result<std::vector<ServiceCase>> cases() const;
  // Returns the revisions of the record `key` of `which`, oldest first. Errors: kIoError.
  Result<std::vector<ServiceRevision>> revisions(ServiceRegister which,
                                                 const std::string& key) const;
  // Returns the number of the latest revision of every record of `which` that has one, by key.
  Result<std::vector<std::pair<std::string, long>>> latest_revisions(ServiceRegister which) const;

  // Makes `cadres` (distinct, non-empty) the responsible cadres of `uscc` for `department`,
  // replacing the rows of that pair (an empty list removes them), with a revision of key
  // assignment_revision_key (before and after: {"uscc", "department", "cadres": [...]}) and
  // `audit`, all in one transaction that moves the data version. Returns the revision written.
  // Errors: kIoError.
  Result<ServiceRevision> set_assignment(const std::string& uscc, const std::string& department,
                                         const std::vector<std::string>& cadres,
                                         const std::string& user_name, const AuditEntry& audit);

  // Writes `visit`, replacing the visit of its key (uscc, date, cadre) if any, with a revision of
  // key visit_revision_key (before and after: {"uscc", "date", "cadre", "findings"}) and `audit`,
  // in one transaction that moves the data version. Returns the revision written. Errors:
  // kIoError.
  Result<ServiceRevision> write_visit(const Visit& visit, const std::string& user_name,
                                      const AuditEntry& audit);

 private:
  Database& db_;
};

}  // namespace zhizao
