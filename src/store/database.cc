#include "store/database.h"

#include <fmt/chrono.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include <chrono>
#include <ctime>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <utility>

#include "store/batch_writer.h"
#include "store/bulk_journal.h"
#include "store/migrations.h"
#include "store/monthly_blocks.h"
#include "store/reference_tables.h"
#include "store/sqlite_statement.h"

namespace zhizao {
namespace {

using detail::SqliteStatement;
using detail::SqliteTransaction;
using detail::StatementCache;
using detail::StepResult;
using detail::TransactionKind;

// How long a writer waits for another process's lock before giving up with kIoError.
constexpr int kBusyTimeoutMs = 10'000;

// The page cache of a connection while it applies an import (PRAGMA cache_size, KiB). Heap
// memory: 512 MiB were a quarter of the 2 GB a national import may hold (issue 17); the rows go
// in key order, so the pages a smaller cache spills to the file are seldom needed again.
constexpr int kImportCacheKib = 128 * 1024;

// Returns the current time as ISO 8601 UTC, e.g. "2024-05-31T08:15:00Z".
std::string utc_now() {
  std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", fmt::gmtime(now));
}

// The settings every connection needs; the schema decides nothing here. WAL lets reports read
// while an import writes (https://sqlite.org/wal.html); foreign keys keep child lists (chains,
// group members) attached to their rows.
Status configure(sqlite3* db) {
  sqlite3_extended_result_codes(db, 1);
  int rc = sqlite3_busy_timeout(db, kBusyTimeoutMs);
  if (rc != SQLITE_OK) return detail::sqlite_status(db, rc, "setting the busy timeout");
  ZHIZAO_RETURN_IF_ERROR(detail::check_identity(db));
  // Takes effect only while the file is still empty
  // (https://sqlite.org/pragma.html#pragma_page_size), so before WAL mode writes the header. A year
  // block is 600 bytes: 4 KiB pages hold six and split constantly (SQLite advises WITHOUT ROWID
  // rows below 1/20 of a page); 16 KiB pages made inserting 2.5 million blocks 1.6x as fast in a
  // bare C test (docs/performance.md).
  ZHIZAO_RETURN_IF_ERROR(detail::exec_sql(db, "PRAGMA page_size = 16384"));
  ZHIZAO_RETURN_IF_ERROR(detail::exec_sql(db, "PRAGMA journal_mode = WAL"));
  ZHIZAO_RETURN_IF_ERROR(detail::exec_sql(db, "PRAGMA foreign_keys = ON"));
  return detail::migrate(db);
}

Status insert_import_batch(StatementCache& cache, const std::string& at,
                           const std::vector<SourcedBatch>& batches) {
  nlohmann::json sources = nlohmann::json::array();
  for (const SourcedBatch& batch : batches) sources.push_back(batch.source);
  Result<SqliteStatement*> insert =
      cache.get("INSERT INTO import_batch (at, sources, counts) VALUES (?1, ?2, '{}')");
  if (!insert) return insert.error();
  (*insert)->bind(1, std::string_view(at));
  (*insert)->bind(2, std::string_view(sources.dump()));
  ZHIZAO_RETURN_IF_ERROR((*insert)->run());
  (*insert)->reset();
  return Status::ok();
}

Status record_counts(StatementCache& cache, const ApplySummary& summary) {
  nlohmann::ordered_json counts = {{"inserted", summary.inserted},
                                   {"replaced", summary.replaced},
                                   {"unchanged", summary.unchanged}};
  Result<SqliteStatement*> update = cache.get("UPDATE import_batch SET counts = ?1 WHERE id = ?2");
  if (!update) return update.error();
  (*update)->bind(1, std::string_view(counts.dump()));
  (*update)->bind(2, static_cast<int64_t>(summary.import_id));
  ZHIZAO_RETURN_IF_ERROR((*update)->run());
  (*update)->reset();
  return Status::ok();
}

// Tells an ApplyObserver (may be null) of the apply: tables_written(), then committed(), or
// abandoned() on destruction when the apply ended otherwise after tables_written().
class ObserverScope {
 public:
  explicit ObserverScope(ApplyObserver* observer) : observer_(observer) {}
  ~ObserverScope() {
    if (observer_ != nullptr && told_) observer_->abandoned();
  }
  ObserverScope(const ObserverScope&) = delete;
  ObserverScope& operator=(const ObserverScope&) = delete;
  void tables_written(const std::vector<SourcedBatch>& batches) {
    if (observer_ == nullptr) return;
    observer_->tables_written(batches);
    told_ = true;
  }
  Status before_commit() {
    return observer_ == nullptr ? Status::ok() : observer_->before_commit();
  }
  void committed(const ApplySummary& summary) {
    if (observer_ == nullptr) return;
    told_ = false;
    observer_->committed(summary);
  }

 private:
  ApplyObserver* observer_;
  bool told_ = false;
};

// The revision queries, one per filter shape, so each can use its index.
const char* revisions_sql(const RevisionFilter& filter) {
  if (filter.uscc && filter.kind) {
    return "SELECT id, import_id, kind, key, uscc, old_value, new_value, changed_at, source "
           "FROM revision WHERE uscc = ?1 AND kind = ?2 ORDER BY id";
  }
  if (filter.uscc) {
    return "SELECT id, import_id, kind, key, uscc, old_value, new_value, changed_at, source "
           "FROM revision WHERE uscc = ?1 ORDER BY id";
  }
  if (filter.kind) {
    return "SELECT id, import_id, kind, key, uscc, old_value, new_value, changed_at, source "
           "FROM revision WHERE kind = ?2 ORDER BY id";
  }
  return "SELECT id, import_id, kind, key, uscc, old_value, new_value, changed_at, source "
         "FROM revision ORDER BY id";
}

}  // namespace

Result<std::unique_ptr<Database>> Database::open(const std::string& path, OpenMode mode) {
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
  if (mode == OpenMode::kCreateIfMissing) {
    flags |= SQLITE_OPEN_CREATE;
  } else {
    std::error_code error;
    if (!std::filesystem::exists(path, error)) {
      return fail(Status::not_found("no database at " + path));
    }
  }
  sqlite3* handle = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &handle, flags, nullptr);
  // Owns the handle from here on, also when opening failed (SQLite allocates one anyway).
  std::unique_ptr<Database> database(new Database(handle));
  if (rc != SQLITE_OK) {
    return fail(Status::io_error("cannot open " + path + ": " + sqlite3_errstr(rc)));
  }
  Status configured = configure(handle);
  if (!configured.is_ok()) {
    return fail(Status(configured.code(), path + ": " + configured.message()));
  }
  return database;
}

Database::Database(sqlite3* handle) : handle_(handle) {}

Database::~Database() { sqlite3_close_v2(handle_); }

int Database::schema_version() { return static_cast<int>(detail::migrations().size()); }

Result<Dataset> Database::load() const {
  using namespace detail;
  // One read transaction: every table from the same snapshot, even while another process writes.
  SqliteTransaction transaction(handle_);
  ZHIZAO_RETURN_IF_ERROR_RESULT(transaction.begin(TransactionKind::kDeferred));
  Dataset dataset;
  ZHIZAO_RETURN_IF_ERROR_RESULT(load_all_but_monthly(handle_, dataset));
  ZHIZAO_RETURN_IF_ERROR_RESULT(load_monthly_records(handle_, dataset.monthly));
  ZHIZAO_RETURN_IF_ERROR_RESULT(transaction.commit());
  return dataset;
}

Result<ApplySummary> Database::apply(const std::vector<SourcedBatch>& batches) {
  return apply(batches, ApplyProgress());
}

Result<ApplySummary> Database::apply(const std::vector<SourcedBatch>& batches,
                                     const ApplyProgress& progress) {
  return apply(batches, progress, nullptr);
}

Result<ApplySummary> Database::apply(const std::vector<SourcedBatch>& batches,
                                     const ApplyProgress& progress, ApplyObserver* observer) {
  const size_t rows = detail::count_rows(batches);
  // Declared before the transaction, so that it switches back to WAL after the rollback or commit.
  detail::RollbackJournalScope journal(handle_, rows);
  StatementCache cache(handle_);
  // Declared before the transaction too: an observer that was told of the tables hears of the
  // rollback after it happened.
  ObserverScope observed(observer);
  // IMMEDIATE takes the write lock up front, so a concurrent import waits (busy timeout) instead
  // of failing halfway. Nothing is committed before the end: a crash leaves the old state.
  SqliteTransaction transaction(handle_);
  // A large page cache while writing: a national import (30M rows) dirties far more than the
  // default 2 MB, and each spill writes pages to the WAL that later rows dirty again.
  detail::CacheSizeScope cache_size(handle_, kImportCacheKib);
  ZHIZAO_RETURN_IF_ERROR_RESULT(transaction.begin(TransactionKind::kImmediate));
  Result<std::int64_t> version_before = data_version();
  if (!version_before) return fail(version_before.error());
  std::string now = utc_now();
  ZHIZAO_RETURN_IF_ERROR_RESULT(insert_import_batch(cache, now, batches));
  detail::BatchWriter writer(handle_, sqlite3_last_insert_rowid(handle_), now);
  writer.set_progress(progress, rows);
  auto in_batch = [](const SourcedBatch& batch, const Status& status) {
    return Status(status.code(), batch.source + ": " + status.message());
  };
  for (const SourcedBatch& batch : batches) {
    Status applied = writer.apply_all_but_monthly(batch);
    if (!applied.is_ok()) return fail(in_batch(batch, applied));
  }
  observed.tables_written(batches);
  // The observer reads through this connection; should a read have failed so that SQLite
  // rolled the transaction back (an I/O error, out of memory), the rest must not autocommit.
  if (sqlite3_get_autocommit(handle_) != 0) {
    return fail(Status::io_error("the import's transaction ended while its tables were read"));
  }
  for (const SourcedBatch& batch : batches) {
    Status applied = writer.apply_monthly(batch);
    if (!applied.is_ok()) return fail(in_batch(batch, applied));
  }
  ZHIZAO_RETURN_IF_ERROR_RESULT(observed.before_commit());
  if (sqlite3_get_autocommit(handle_) != 0) {
    return fail(Status::io_error("the import's transaction ended while its observer wrote"));
  }
  ZHIZAO_RETURN_IF_ERROR_RESULT(record_counts(cache, writer.summary()));
  ZHIZAO_RETURN_IF_ERROR_RESULT(detail::exec_sql(handle_, detail::kAdvanceDataVersionSql));
  Result<std::int64_t> version_after = data_version();
  if (!version_after) return fail(version_after.error());
  ZHIZAO_RETURN_IF_ERROR_RESULT(transaction.commit());
  ApplySummary summary = writer.summary();
  summary.data_version_before = *version_before;
  summary.data_version_after = *version_after;
  summary.journal = journal.journal();
  observed.committed(summary);
  return summary;
}

Result<std::int64_t> Database::data_version() const {
  Result<SqliteStatement> query =
      SqliteStatement::prepare(handle_, "SELECT version FROM data_version WHERE id = 1");
  if (!query) return fail(query.error());
  Result<StepResult> stepped = query->step();
  if (!stepped) return fail(stepped.error());
  if (*stepped != StepResult::kRow) return fail(Status::corruption("the data version is missing"));
  return query->column_int64(0);
}

Result<std::vector<Revision>> Database::revisions(const RevisionFilter& filter) const {
  Result<SqliteStatement> query = SqliteStatement::prepare(handle_, revisions_sql(filter));
  if (!query) return fail(query.error());
  if (filter.uscc) query->bind(1, std::string_view(*filter.uscc));
  if (filter.kind) query->bind(2, std::string_view(*filter.kind));
  std::vector<Revision> found;
  for (;;) {
    Result<StepResult> stepped = query->step();
    if (!stepped) return fail(stepped.error());
    if (*stepped == StepResult::kDone) break;
    found.push_back(Revision{query->column_int64(0), query->column_int64(1), query->column_text(2),
                             query->column_text(3), query->column_text(4), query->column_text(5),
                             query->column_text(6), query->column_text(7), query->column_text(8)});
  }
  return found;
}

}  // namespace zhizao
