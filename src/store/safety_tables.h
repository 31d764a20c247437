// The tables of the flood-season safety checks (汛期安全检查, issue 14, docs/safety.md): plans,
// checks, hazards, the duty roster, and the rectification deadline of each hazard level. Only the
// schema lives in the store (the migration must name it); src/safety reads and writes the rows.
#pragma once

namespace zhizao {

// The SQL of migration 11 (store/migrations.cc). safety_hazard_deadline is seeded with the days a
// hazard of each level has to be rectified when its file gives no deadline; the bureau edits the
// rows, not the code.
extern const char* const kCreateSafetyTables;

// The SQL of migration 13: the revisions of safety rows (safety_event: every change through the
// API, and every row an import replaces, with the row before and after it as JSON) and the proof
// files of rectifications (safety_proof: one row per stored file, named by its SHA-256; the bytes
// are in the folder beside the database, safety/proof_file.h).
extern const char* const kCreateSafetyRevisions;

}  // namespace zhizao
