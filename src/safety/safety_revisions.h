// Changes of safety rows kept as revisions (issue 14; docs/safety.md "Changes through the API"):
// every change through the API writes the row, its revision in `safety_event` (the row before and
// after it as JSON, who, when, what), its audit_log row and a new data version in one
// transaction, and only while the stored row is still the one the change was made from. Nothing
// is overwritten without its prior version kept. Borrow the Database; not thread-safe (one
// Database per thread).
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/result.h"
#include "safety/safety_records.h"
#include "store/audit_log.h"
#include "store/database.h"

namespace zhizao {

// A plan, a check or a hazard: the rows the API changes.
using SafetyRow = std::variant<SafetyPlan, SafetyCheck, Hazard>;

// "plan", "check", "hazard" (safety_event.kind); "roster" for duty_roster rows replaced by imports.
std::string_view safety_row_kind(const SafetyRow& row);
// The row's key (its id).
const std::string& safety_row_id(const SafetyRow& row);
// The row as JSON with the columns of its file (docs/safety.md), dates as YYYY-MM-DD, empty
// optional dates as null.
nlohmann::ordered_json safety_row_json(const SafetyRow& row);
nlohmann::ordered_json duty_shift_json(const DutyShift& shift);

// One revision of a row.
struct SafetyEvent {
  std::string kind;
  std::string record_id;
  long revision = 0;
  std::string at;  // ISO 8601 UTC
  std::string user_name;
  std::string action;  // e.g. "check", "hazard", "rectify", "reinspect", "import"
  std::string note;
  std::string before;  // JSON text, "" for a new row
  std::string after;   // JSON text
};

// A proof file to register with a change (safety_proof; the bytes are stored by ProofFolder).
struct SafetyProofRecord {
  std::string name;  // proof_file_name
  std::string content_type;
  long bytes = 0;
  std::string uploaded_by;
};

// What a change writes besides the row.
struct SafetyChangeNote {
  std::string user_name;
  std::string action;
  std::string note;
  AuditEntry audit;                        // appended as is (its `at` set when empty)
  std::optional<SafetyProofRecord> proof;  // registered when given (kept if already there)
};

// Writes `after` (inserting or replacing the row of its key) when the stored row of that key is
// still `before` (nullopt: no row of that key may exist), with revision = the row's last + 1.
// Returns that revision, or 0 — writing nothing — when the stored row differs from `before`.
// Errors: kIoError; kCorruption for a stored row that does not parse.
Result<long> write_safety_change(Database& db, const std::optional<SafetyRow>& before,
                                 const SafetyRow& after, const SafetyChangeNote& note);

// The revisions of the row `id` of `kind`, oldest first. Errors: kIoError.
Result<std::vector<SafetyEvent>> safety_events(const Database& db, std::string_view kind,
                                               const std::string& id);

// Appends, inside the caller's transaction, the revision of a row an import replaces by a
// different one (action "import", user "" — the command line). Errors: kIoError.
Status append_import_revision(sqlite3* handle, std::string_view kind, const std::string& id,
                              const nlohmann::ordered_json& before,
                              const nlohmann::ordered_json& after);

// A new id for a row of `kind` ("check" or "hazard") dated `date`: "JC" (检查) or "YH" (隐患) +
// YYYYMMDD + "-" + the lowest 3-digit number not used by any stored row. Errors: kIoError.
Result<std::string> next_safety_id(const Database& db, std::string_view kind,
                                   const CivilDate& date);

// The content type of the registered proof `name`, nullopt when none is registered.
// Errors: kIoError.
Result<std::optional<std::string>> registered_proof_type(const Database& db,
                                                         const std::string& name);

}  // namespace zhizao
