// The safety records in the database's tables (store/safety_tables.h, migration 11): reading them
// all, the deadline days of each hazard level, and writing an import's rows in one transaction.
#pragma once

#include <map>
#include <set>
#include <string>

#include "base/result.h"
#include "safety/safety_records.h"
#include "store/database.h"

namespace zhizao {

// Returns every stored safety record, each kind sorted by its key.
// Errors: kIoError; kCorruption for a stored date or level that does not parse.
Result<SafetyRegister> load_safety_register(const Database& db);

// Returns the days a hazard of each level has for its rectification (safety_hazard_deadline).
// Errors: kIoError; kCorruption for a level the table should not hold.
Result<std::map<HazardLevel, int>> hazard_deadline_days(const Database& db);

// Returns the codes of enterprises.csv stored in `db`. Errors: kIoError.
Result<std::set<std::string>> stored_enterprise_codes(const Database& db);

// Writes every record of `records` (validated: safety_import.h), replacing stored rows of the same
// key — each replaced row that differs keeps its prior version as an "import" revision
// (safety_revisions.h) — and moves the data version, in one transaction. Returns the rows written.
// Errors: kIoError.
Result<long> store_safety_records(Database& db, const SafetyRegister& records);

// Inserts or replaces every record of `records` inside the caller's transaction, without
// revisions or a new data version (safety_revisions.cc and store_safety_records add them).
// Returns the rows written. Errors: kIoError.
Result<long> write_safety_rows(sqlite3* handle, const SafetyRegister& records);

}  // namespace zhizao
