#include "store/database.h"

#include <fmt/format.h>
#include <sqlite3.h>

#include <filesystem>
#include <utility>

#include "store/batch_writer.h"
#include "store/bulk_journal.h"
#include "store/migrations.h"
#include "store/monthly_blocks.h"
#include "store/reference_tables.h"
#include "store/sqlite_statement.h"
#include "store/streamed_apply.h"

namespace zhizao {
namespace {

using detail::SqliteStatement;
using detail::SqliteTransaction;
using detail::StatementCache;
using detail::StepResult;
using detail::TransactionKind;

// How long a writer waits for another process's lock before giving up with kIoError.
constexpr int kBusyTimeoutMs = 10'000;

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
  Result<std::unique_ptr<StreamedApply>> apply =
      StreamedApply::begin(*this, batches, 0, progress, observer);
  if (!apply) return fail(apply.error());
  for (const SourcedBatch& batch : batches) {
    ZHIZAO_RETURN_IF_ERROR_RESULT((*apply)->write_monthly(batch));
  }
  return (*apply)->commit();
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
