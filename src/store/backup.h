// Backup, restore and integrity check of a zhizao database file (issue 6, part 3). Backups use
// SQLite's online backup API (https://sqlite.org/backup.html), so they are consistent snapshots
// even while `zhizao serve` or an import writes; files appear under their final name only when
// complete (written to NAME.tmp, fsynced, renamed), so a killed backup or restore never leaves a
// half-written file where a whole one is expected.
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "base/result.h"
#include "base/status.h"

namespace zhizao {

// Whether an existing file at the destination may be replaced.
enum class ExistingFile { kRefuse, kReplace };

// Whether restore keeps the database it replaces (as DB.before-restore-<UTC timestamp>).
enum class ReplacedDatabase { kKeep, kDiscard };

// Called with the names of the proof files (docs/safety.md "Proof files") that a verified copy
// registers in its table safety_proof, sorted (empty when it has none or no such table), before
// the copy appears under its final name. An error aborts the backup or restore: nothing appears
// and the database is untouched. The store does not know where or how the files are kept; the
// safety module copies them (safety/proof_backup.h). Empty: nothing is called.
using BeforePublish = std::function<Status(const std::vector<std::string>& proof_names)>;

struct BackupOptions {
  ExistingFile existing = ExistingFile::kRefuse;
  // Pages copied per step; between steps the source is unlocked so that writers and checkpoints
  // proceed (4096 pages = 16 MiB at SQLite's default page size).
  int pages_per_step = 4096;
  std::chrono::milliseconds pause_between_steps{2};
  // A write by another connection between two steps restarts the copy. After this many restarts
  // the rest is copied in one step: in WAL mode that holds only a read snapshot, which does not
  // block writers (https://sqlite.org/wal.html), so a busy server cannot starve the backup.
  int restarts_before_single_step = 3;
  // SQLITE_BUSY / SQLITE_LOCKED answers tolerated in a row (each waits pause_on_busy) before the
  // backup gives up with kIoError.
  int busy_retries = 100;
  std::chrono::milliseconds pause_on_busy{50};
  // The backup's proof files are copied here (see BeforePublish).
  BeforePublish before_publish;
};

struct BackupSummary {
  long pages = 0;          // pages in the copy
  long long bytes = 0;     // size of the backup file
  int schema_version = 0;  // PRAGMA user_version of the copy
  int restarts = 0;        // copies restarted because the source changed
};

// Copies the zhizao database at `db_path` into `backup_path` (a single self-contained file in
// rollback-journal mode) and verifies the copy (integrity check, zhizao schema). The source is
// only read; its schema is not migrated. Errors: kNotFound when there is no database; kUsage when
// `backup_path` exists and options.existing is kRefuse, or names the database itself;
// kCorruption when the source is not a zhizao database or the copy fails its checks; kIoError
// otherwise (disk full, busy for too long). On error nothing is left at `backup_path` (an older
// file there is untouched) nor at `backup_path`.tmp. Thread-compatible; safe against concurrent
// writers in other connections and processes.
Result<BackupSummary> backup_database(const std::string& db_path, const std::string& backup_path,
                                      const BackupOptions& options);

struct RestoreOptions {
  ExistingFile existing = ExistingFile::kRefuse;
  ReplacedDatabase replaced = ReplacedDatabase::kKeep;
  // The backup's proof files are checked and copied back here, before the database is replaced
  // (see BeforePublish).
  BeforePublish before_publish;
};

struct RestoreSummary {
  int backup_schema_version = 0;  // as found in the backup
  int schema_version = 0;         // after migration (Database::schema_version())
  std::string kept_as;            // where the replaced database went; empty when none was kept
};

// Replaces (or creates) the database at `db_path` with the backup at `backup_path`: the backup
// must pass SQLite's integrity check and be a zhizao database whose schema is not newer than this
// program's; an older schema is migrated. The new file is prepared beside `db_path` and renamed
// over it, so a kill leaves either the old database or the restored one; stale -wal/-shm files of
// the old one are moved away first. The replaced database (with its -wal, if any) is kept as
// `db_path`.before-restore-YYYYMMDDTHHMMSSZ unless options.replaced is kDiscard. A "restore" row
// is appended to the restored database's audit log. The backup file is only read.
// Stop `zhizao serve` first: a connection open on the old file keeps writing to it.
// Errors: kNotFound when there is no backup; kUsage when `db_path` exists and options.existing is
// kRefuse, or when both paths name the same file; kCorruption when the backup is damaged, not a
// zhizao database or newer than this program; kIoError otherwise.
Result<RestoreSummary> restore_database(const std::string& backup_path, const std::string& db_path,
                                        const RestoreOptions& options);

struct IntegrityReport {
  int schema_version = 0;             // PRAGMA user_version
  std::vector<std::string> problems;  // SQLite's integrity_check lines, then foreign-key faults
  bool damaged() const { return !problems.empty(); }
};

// Checks the database at `path` with PRAGMA integrity_check (at most 100 findings) and PRAGMA
// foreign_key_check, without migrating or writing. A file SQLite finds damaged while checking is
// reported in `problems`, not as an error. Errors: kNotFound when there is no file; kCorruption
// when it is not a zhizao database (or is newer than this program); kIoError otherwise.
Result<IntegrityReport> check_database_file(const std::string& path);

}  // namespace zhizao
