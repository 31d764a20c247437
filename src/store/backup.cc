#include "store/backup.h"

#include <fcntl.h>
#include <fmt/chrono.h>
#include <fmt/format.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <climits>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <thread>

#include "store/audit_log.h"
#include "store/database.h"
#include "store/migrations.h"
#include "store/sqlite_statement.h"

namespace zhizao {
namespace {

namespace fs = std::filesystem;
using detail::SqliteStatement;
using detail::StepResult;

// As Database: how long a statement waits for another process's lock.
constexpr int kBusyTimeoutMs = 10'000;
// integrity_check stops after this many findings; enough to tell what is damaged.
constexpr int kMaxIntegrityFindings = 100;

struct CloseSqlite {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using SqliteHandle = std::unique_ptr<sqlite3, CloseSqlite>;

Result<SqliteHandle> open_file(const std::string& path, int flags) {
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  SqliteHandle handle(raw);  // SQLite allocates a handle even when opening fails
  if (rc != SQLITE_OK) return fail(detail::sqlite_status(raw, rc, "cannot open " + path));
  sqlite3_extended_result_codes(raw, 1);
  sqlite3_busy_timeout(raw, kBusyTimeoutMs);
  return handle;
}

Result<int64_t> query_int(sqlite3* db, const char* sql) {
  Result<SqliteStatement> statement = SqliteStatement::prepare(db, sql);
  if (!statement) return fail(statement.error());
  Result<StepResult> stepped = statement->step();
  if (!stepped) return fail(stepped.error());
  if (*stepped != StepResult::kRow) return fail(Status::internal(std::string("no row: ") + sql));
  return statement->column_int64(0);
}

// Returns the schema version of a file that must be a zhizao database (an empty SQLite file is
// not one here). Errors: kCorruption, kIoError.
Result<int> zhizao_schema_version(sqlite3* db, const std::string& label) {
  Status identity = detail::check_identity(db);
  if (!identity.is_ok()) return fail(Status(identity.code(), label + ": " + identity.message()));
  Result<int64_t> application_id = query_int(db, "PRAGMA application_id");
  if (!application_id) return fail(application_id.error());
  if (*application_id != detail::kApplicationId) {
    return fail(Status::corruption(label + ": not a zhizao database (empty)"));
  }
  Result<int64_t> version = query_int(db, "PRAGMA user_version");
  if (!version) return fail(version.error());
  return static_cast<int>(*version);
}

// SQLite's integrity_check lines other than "ok", then one line per foreign_key_check row.
// SQLITE_CORRUPT while checking is itself a finding.
Result<std::vector<std::string>> integrity_problems(sqlite3* db) {
  std::vector<std::string> problems;
  auto collect = [&](const std::string& sql, auto&& describe) -> Status {
    Result<SqliteStatement> statement = SqliteStatement::prepare(db, sql);
    if (!statement && statement.error().code() == StatusCode::kCorruption) {
      problems.push_back(statement.error().message());
      return Status::ok();
    }
    if (!statement) return statement.error();
    for (;;) {
      Result<StepResult> stepped = statement->step();
      if (!stepped && stepped.error().code() == StatusCode::kCorruption) {
        problems.push_back(stepped.error().message());
        return Status::ok();
      }
      if (!stepped) return stepped.error();
      if (*stepped == StepResult::kDone) return Status::ok();
      describe(*statement);
    }
  };
  ZHIZAO_RETURN_IF_ERROR_RESULT(
      collect(fmt::format("PRAGMA integrity_check({})", kMaxIntegrityFindings),
              [&](const SqliteStatement& row) {
                std::string line = row.column_text(0);
                if (line != "ok") problems.push_back(line);
              }));
  if (!problems.empty()) return problems;  // foreign keys of a damaged file tell little more
  ZHIZAO_RETURN_IF_ERROR_RESULT(
      collect("PRAGMA foreign_key_check", [&](const SqliteStatement& row) {
        std::string rowid = row.column_is_null(1) ? "" : " row " + row.column_text(1);
        problems.push_back(fmt::format("foreign key: {}{} refers to a missing {}",
                                       row.column_text(0), rowid, row.column_text(2)));
      }));
  return problems;
}

// Removes `path` and the -journal, -wal and -shm files SQLite may have left beside it.
void remove_sqlite_files(const std::string& path) {
  std::error_code ignored;
  for (const char* suffix : {"", "-journal", "-wal", "-shm"}) fs::remove(path + suffix, ignored);
}

// Removes a temporary SQLite file (and its companions) unless released.
class TemporaryFile {
 public:
  explicit TemporaryFile(std::string path) : path_(std::move(path)) { remove_sqlite_files(path_); }
  ~TemporaryFile() {
    if (!released_) remove_sqlite_files(path_);
  }
  TemporaryFile(const TemporaryFile&) = delete;
  TemporaryFile& operator=(const TemporaryFile&) = delete;
  const std::string& path() const { return path_; }
  void release() { released_ = true; }

 private:
  std::string path_;
  bool released_ = false;
};

Status errno_status(const std::string& what) {
  return Status::io_error(fmt::format("{}: {}", what, std::strerror(errno)));
}

// fsync of a file or a directory, so that a rename is durable (rename(2) alone is not).
Status sync_path(const std::string& path, int extra_flags) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | extra_flags);
  if (fd < 0) return errno_status("cannot open " + path + " to sync it");
  int rc = ::fsync(fd);
  Status synced = rc == 0 ? Status::ok() : errno_status("cannot sync " + path);
  ::close(fd);
  return synced;
}

std::string directory_of(const std::string& path) {
  std::string parent = fs::path(path).parent_path().string();
  return parent.empty() ? "." : parent;
}

// Makes `from` appear as `to` in one step (rename(2) is atomic), durably.
Status rename_durably(const std::string& from, const std::string& to) {
  ZHIZAO_RETURN_IF_ERROR(sync_path(from, 0));
  if (std::rename(from.c_str(), to.c_str()) != 0) {
    return errno_status(fmt::format("cannot rename {} to {}", from, to));
  }
  return sync_path(directory_of(to), O_DIRECTORY);
}

bool same_file(const std::string& a, const std::string& b) {
  std::error_code error;
  return fs::exists(a, error) && fs::exists(b, error) && fs::equivalent(a, b, error);
}

// Copies every page of `source` into `dest` with the online backup API, in steps of
// options.pages_per_step (see BackupOptions for restarts and busy retries).
Status copy_pages(sqlite3* source, sqlite3* dest, const BackupOptions& options,
                  BackupSummary* summary) {
  sqlite3_backup* backup = sqlite3_backup_init(dest, "main", source, "main");
  if (backup == nullptr) {
    return detail::sqlite_status(dest, sqlite3_errcode(dest), "cannot start the backup");
  }
  int remaining_before = INT_MAX;
  int busy_in_a_row = 0;
  bool single_step = options.pages_per_step <= 0;
  for (;;) {
    int rc = sqlite3_backup_step(backup, single_step ? -1 : options.pages_per_step);
    if (rc == SQLITE_DONE) break;
    int primary = rc & 0xff;
    if (rc == SQLITE_OK) {
      busy_in_a_row = 0;
      // A restart copies from page 1 again, so what remains does not shrink.
      int remaining = sqlite3_backup_remaining(backup);
      if (remaining >= remaining_before &&
          ++summary->restarts >= options.restarts_before_single_step) {
        single_step = true;
      }
      remaining_before = remaining;
      std::this_thread::sleep_for(options.pause_between_steps);
    } else if ((primary == SQLITE_BUSY || primary == SQLITE_LOCKED) &&
               ++busy_in_a_row <= options.busy_retries) {
      std::this_thread::sleep_for(options.pause_on_busy);
    } else {
      sqlite3_backup_finish(backup);
      return detail::sqlite_status(nullptr, rc, "copying the database");
    }
  }
  summary->pages = sqlite3_backup_pagecount(backup);
  int rc = sqlite3_backup_finish(backup);
  if (rc != SQLITE_OK) return detail::sqlite_status(dest, rc, "finishing the backup");
  return Status::ok();
}

// Refuses a copy that fails the integrity check; returns its schema version.
Result<int> verify_copy(sqlite3* db, const std::string& label) {
  Result<int> version = zhizao_schema_version(db, label);
  if (!version) return fail(version.error());
  Result<std::vector<std::string>> problems = integrity_problems(db);
  if (!problems) return fail(problems.error());
  if (!problems->empty()) {
    return fail(Status::corruption(fmt::format("{} is damaged: {}{}", label, problems->front(),
                                               problems->size() > 1 ? " (and more)" : "")));
  }
  return version;
}

std::string utc_stamp() {
  std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  return fmt::format("{:%Y%m%dT%H%M%SZ}", fmt::gmtime(now));
}

// DB.before-restore-<stamp>, with -2, -3 ... when that name is taken (two restores a second).
std::string kept_name(const std::string& db_path) {
  std::string base = db_path + ".before-restore-" + utc_stamp();
  std::string name = base;
  std::error_code ignored;
  for (int n = 2; fs::exists(name, ignored) || fs::exists(name + "-wal", ignored); ++n) {
    name = base + "-" + std::to_string(n);
  }
  return name;
}

// Moves the database being replaced out of the way of the restored one: checkpoints its WAL
// (when SQLite can still read it), keeps it under `kept` (hard link, so the file is never
// missing from `db_path`) with its leftover -wal, and removes its -wal and -shm, which must not
// be replayed onto the restored file.
Status set_aside_old_database(const std::string& db_path, const std::string& kept) {
  if (Result<SqliteHandle> old = open_file(db_path, SQLITE_OPEN_READWRITE)) {
    // Best effort: a damaged database is exactly what one restores over.
    sqlite3_exec(old->get(), "PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr);
  }
  std::error_code error;
  std::string wal = db_path + "-wal";
  bool has_wal = fs::exists(wal, error) && fs::file_size(wal, error) > 0;
  if (!kept.empty()) {
    if (::link(db_path.c_str(), kept.c_str()) != 0) {
      return errno_status(fmt::format("cannot keep {} as {}", db_path, kept));
    }
    if (has_wal && std::rename(wal.c_str(), (kept + "-wal").c_str()) != 0) {
      return errno_status(fmt::format("cannot keep {} as {}-wal", wal, kept));
    }
  }
  fs::remove(wal, error);
  fs::remove(db_path + "-shm", error);
  return Status::ok();
}

// The names of safety_proof, sorted; empty when the file has no such table (a schema before
// migration 13).
Result<std::vector<std::string>> stored_proof_names(sqlite3* db) {
  Result<int64_t> tables = query_int(
      db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'safety_proof'");
  if (!tables) return fail(tables.error());
  std::vector<std::string> names;
  if (*tables == 0) return names;
  Result<SqliteStatement> statement =
      SqliteStatement::prepare(db, "SELECT name FROM safety_proof ORDER BY name");
  if (!statement) return fail(statement.error());
  for (;;) {
    Result<StepResult> stepped = statement->step();
    if (!stepped) return fail(stepped.error());
    if (*stepped == StepResult::kDone) return names;
    names.push_back(statement->column_text(0));
  }
}

// Runs `hook` on the proof names of the file at `path` (read-only), when there is a hook.
Status run_before_publish(const BeforePublish& hook, const std::string& path) {
  if (!hook) return Status::ok();
  std::vector<std::string> names;
  {
    Result<SqliteHandle> copy = open_file(path, SQLITE_OPEN_READONLY);
    if (!copy) return copy.error();
    Result<std::vector<std::string>> read = stored_proof_names(copy->get());
    if (!read) return read.error();
    names = *std::move(read);
  }
  return hook(names);
}

Status append_restore_audit(const std::string& db_path, const std::string& backup_path,
                            const RestoreSummary& summary) {
  Result<std::unique_ptr<Database>> db = Database::open(db_path, OpenMode::kMustExist);
  if (!db) return db.error();
  nlohmann::json detail = {{"backup", backup_path},
                           {"backup_schema_version", summary.backup_schema_version},
                           {"kept_as", summary.kept_as}};
  AuditEntry entry{0, "", "", "cli", "database.restore", db_path, detail.dump()};
  Result<long> appended = AuditLog(**db).append(entry);
  return appended ? Status::ok() : appended.error();
}

}  // namespace

Result<BackupSummary> backup_database(const std::string& db_path, const std::string& backup_path,
                                      const BackupOptions& options) {
  std::error_code error;
  if (!fs::exists(db_path, error)) return fail(Status::not_found("no database at " + db_path));
  if (same_file(db_path, backup_path)) {
    return fail(Status::usage("the backup file " + backup_path + " is the database itself"));
  }
  if (options.existing == ExistingFile::kRefuse && fs::exists(backup_path, error)) {
    return fail(Status::usage(backup_path + " exists; choose another name or pass --force"));
  }
  BackupSummary summary;
  TemporaryFile temporary(backup_path + ".tmp");
  {
    // Read-write only so that SQLite may use the WAL index; nothing is written to the source.
    Result<SqliteHandle> source = open_file(db_path, SQLITE_OPEN_READWRITE);
    if (!source) return fail(source.error());
    Result<int> source_version = zhizao_schema_version(source->get(), db_path);
    if (!source_version) return fail(source_version.error());
    Result<SqliteHandle> dest =
        open_file(temporary.path(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    if (!dest) return fail(dest.error());
    ZHIZAO_RETURN_IF_ERROR_RESULT(copy_pages(source->get(), dest->get(), options, &summary));
    source->reset();
    // One self-contained file: no -wal beside it to forget when copying the backup elsewhere.
    ZHIZAO_RETURN_IF_ERROR_RESULT(detail::exec_sql(dest->get(), "PRAGMA journal_mode = DELETE"));
    Result<int> version = verify_copy(dest->get(), "the backup copy " + temporary.path());
    if (!version) return fail(version.error());
    summary.schema_version = *version;
  }
  ZHIZAO_RETURN_IF_ERROR_RESULT(run_before_publish(options.before_publish, temporary.path()));
  ZHIZAO_RETURN_IF_ERROR_RESULT(rename_durably(temporary.path(), backup_path));
  temporary.release();
  summary.bytes = static_cast<long long>(fs::file_size(backup_path, error));
  return summary;
}

Result<RestoreSummary> restore_database(const std::string& backup_path, const std::string& db_path,
                                        const RestoreOptions& options) {
  std::error_code error;
  if (!fs::exists(backup_path, error))
    return fail(Status::not_found("no backup at " + backup_path));
  if (same_file(db_path, backup_path)) {
    return fail(Status::usage("the backup " + backup_path + " is the database itself"));
  }
  bool replacing = fs::exists(db_path, error);
  if (replacing && options.existing == ExistingFile::kRefuse) {
    return fail(Status::usage(db_path + " exists; pass --force to replace it (it is kept as " +
                              db_path + ".before-restore-TIMESTAMP)"));
  }
  RestoreSummary summary;
  TemporaryFile temporary(db_path + ".restore-tmp");
  {
    Result<SqliteHandle> source = open_file(backup_path, SQLITE_OPEN_READONLY);
    if (!source) return fail(source.error());
    Result<int> version = verify_copy(source->get(), "the backup " + backup_path);
    if (!version) return fail(version.error());
    summary.backup_schema_version = *version;
    Result<SqliteHandle> dest =
        open_file(temporary.path(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    if (!dest) return fail(dest.error());
    BackupOptions whole;
    whole.pages_per_step = -1;  // nobody writes to a backup file
    BackupSummary copied;
    ZHIZAO_RETURN_IF_ERROR_RESULT(copy_pages(source->get(), dest->get(), whole, &copied));
  }
  {
    // Migrates an older schema; closing the last connection checkpoints and removes the WAL.
    Result<std::unique_ptr<Database>> migrated =
        Database::open(temporary.path(), OpenMode::kMustExist);
    if (!migrated) return fail(migrated.error());
  }
  summary.schema_version = Database::schema_version();
  ZHIZAO_RETURN_IF_ERROR_RESULT(run_before_publish(options.before_publish, temporary.path()));
  if (replacing) {
    if (options.replaced == ReplacedDatabase::kKeep) summary.kept_as = kept_name(db_path);
    ZHIZAO_RETURN_IF_ERROR_RESULT(set_aside_old_database(db_path, summary.kept_as));
  } else {
    remove_sqlite_files(db_path);  // stale -wal/-shm of a deleted database
  }
  ZHIZAO_RETURN_IF_ERROR_RESULT(rename_durably(temporary.path(), db_path));
  temporary.release();
  ZHIZAO_RETURN_IF_ERROR_RESULT(append_restore_audit(db_path, backup_path, summary));
  return summary;
}

Result<IntegrityReport> check_database_file(const std::string& path) {
  std::error_code error;
  if (!fs::exists(path, error)) return fail(Status::not_found("no database at " + path));
  Result<SqliteHandle> db = open_file(path, SQLITE_OPEN_READWRITE);
  if (!db) return fail(db.error());
  IntegrityReport report;
  Result<int> version = zhizao_schema_version(db->get(), path);
  if (!version) return fail(version.error());
  report.schema_version = *version;
  Result<std::vector<std::string>> problems = integrity_problems(db->get());
  if (!problems) return fail(problems.error());
  report.problems = *std::move(problems);
  return report;
}

}  // namespace zhizao
