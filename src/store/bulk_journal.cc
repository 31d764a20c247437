#include "store/bulk_journal.h"

#include <string>

#include "store/sqlite_statement.h"

namespace zhizao::detail {
namespace {

// Sets the journal mode; returns the mode SQLite reports afterwards ("" when the pragma failed,
// as it does with SQLITE_BUSY when another connection has a WAL database open).
std::string set_journal_mode(sqlite3* db, const char* sql) {
  Result<SqliteStatement> pragma = SqliteStatement::prepare(db, sql);
  if (!pragma) return "";
  Result<StepResult> stepped = pragma->step();
  if (!stepped || *stepped != StepResult::kRow) return "";
  return pragma->column_text(0);
}

}  // namespace

RollbackJournalScope::RollbackJournalScope(sqlite3* db, size_t rows) : db_(db) {
  if (rows < kRollbackJournalMinRows) return;
  if (set_journal_mode(db_, "PRAGMA journal_mode = DELETE") == "delete") {
    journal_ = ApplyJournal::kRollback;
  }
}

RollbackJournalScope::~RollbackJournalScope() {
  if (journal_ == ApplyJournal::kRollback) (void)set_journal_mode(db_, "PRAGMA journal_mode = WAL");
}

}  // namespace zhizao::detail
