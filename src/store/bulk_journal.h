// The journal an apply writes through. SQLite's WAL lets readers go on while an import writes
// (https://sqlite.org/wal.html), but every page is written twice: once into the WAL, as 24-byte
// frame headers plus pages that straddle the file system's blocks, and again by the checkpoint.
// A rollback journal (https://sqlite.org/lockingv3.html) writes a new page once, straight into
// the database file, and journals only pages that existed before. At 500,000 enterprises
// (28 M monthly rows) that took the import from 81.6 s to 65.2 s (docs/performance.md).
// The price is that readers wait while the transaction holds the file, so the switch is made only
// for a large apply and only when no other connection has the database open.
#pragma once

#include <cstddef>

#include <sqlite3.h>

#include "store/database.h"

namespace zhizao::detail {

// Rows from which an apply tries the rollback journal: below it an import takes well under a
// second and the WAL's concurrency costs nothing.
inline constexpr size_t kRollbackJournalMinRows = 10'000;

// For the scope's lifetime, switches the connection from WAL to a rollback journal
// (journal_mode = DELETE) when `rows` >= kRollbackJournalMinRows and SQLite can take the file
// (no other connection has it open: SQLite then answers SQLITE_BUSY at once and the connection
// stays in WAL). The destructor switches back to WAL; a failure there is ignored, since every
// connection sets WAL again when it opens the file. Must be entered and left outside a
// transaction. Crash safety is SQLite's in both modes: a hot journal left by a kill is rolled back
// by the next connection before it reads. Not thread-safe.
class RollbackJournalScope {
 public:
  RollbackJournalScope(sqlite3* db, size_t rows);
  ~RollbackJournalScope();
  RollbackJournalScope(const RollbackJournalScope&) = delete;
  RollbackJournalScope& operator=(const RollbackJournalScope&) = delete;

  // The journal the connection writes through inside the scope.
  ApplyJournal journal() const { return journal_; }

 private:
  sqlite3* db_;
  ApplyJournal journal_ = ApplyJournal::kWal;
};

}  // namespace zhizao::detail
