#include "store/streamed_apply.h"

#include <fmt/chrono.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include <chrono>
#include <ctime>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>

#include "store/batch_writer.h"
#include "store/bulk_journal.h"
#include "store/sqlite_statement.h"

namespace zhizao {
namespace {

using detail::SqliteStatement;
using detail::SqliteTransaction;
using detail::StatementCache;
using detail::TransactionKind;

// The page cache of a connection while it applies an import (PRAGMA cache_size, KiB). Heap
// memory: 512 MiB were a quarter of the 2 GB a national import may hold (issue 17); the rows go
// in key order, so the pages a smaller cache spills to the file are seldom needed again.
constexpr int kImportCacheKib = 128 * 1024;

// Returns the current time as ISO 8601 UTC, e.g. "2024-05-31T08:15:00Z".
std::string utc_now() {
  std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", fmt::gmtime(now));
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

Status in_batch(const SourcedBatch& batch, const Status& status) {
  return Status(status.code(), batch.source + ": " + status.message());
}

}  // namespace

// The members in the order Database::apply declared them as locals, so that they end in the
// reverse order: the writer's statements, the cache size, the transaction (rolled back unless
// committed), the observer (told of the rollback after it happened), the journal mode.
struct StreamedApply::State {
  State(sqlite3* connection, std::size_t rows, ApplyObserver* observer)
      : journal(connection, rows),
        cache(connection),
        observed(observer),
        transaction(connection),
        handle(connection) {}
  detail::RollbackJournalScope journal;
  StatementCache cache;
  ObserverScope observed;
  SqliteTransaction transaction;
  std::optional<detail::CacheSizeScope> cache_size;
  std::optional<detail::BatchWriter> writer;
  sqlite3* handle;
  std::int64_t version_before = 0;
  Database* db = nullptr;
};

StreamedApply::StreamedApply(std::unique_ptr<State> state) : state_(std::move(state)) {}
StreamedApply::~StreamedApply() = default;

Result<std::unique_ptr<StreamedApply>> StreamedApply::begin(
    Database& db, const std::vector<SourcedBatch>& batches, std::size_t monthly_rows,
    const ApplyProgress& progress, ApplyObserver* observer) {
  sqlite3* handle = db.native_handle();
  const size_t rows = detail::count_rows(batches) + monthly_rows;
  auto state = std::make_unique<State>(handle, rows, observer);
  state->db = &db;
  // A large page cache while writing: a national import (30M rows) dirties far more than the
  // default 2 MB, and each spill writes pages to the WAL that later rows dirty again.
  state->cache_size.emplace(handle, kImportCacheKib);
  // IMMEDIATE takes the write lock up front, so a concurrent import waits (busy timeout) instead
  // of failing halfway. Nothing is committed before the end: a crash leaves the old state.
  ZHIZAO_RETURN_IF_ERROR_RESULT(state->transaction.begin(TransactionKind::kImmediate));
  Result<std::int64_t> version_before = db.data_version();
  if (!version_before) return fail(version_before.error());
  state->version_before = *version_before;
  std::string now = utc_now();
  ZHIZAO_RETURN_IF_ERROR_RESULT(insert_import_batch(state->cache, now, batches));
  state->writer.emplace(handle, sqlite3_last_insert_rowid(handle), now);
  state->writer->set_progress(progress, rows);
  for (const SourcedBatch& batch : batches) {
    Status applied = state->writer->apply_all_but_monthly(batch);
    if (!applied.is_ok()) return fail(in_batch(batch, applied));
  }
  state->observed.tables_written(batches);
  // The observer reads through this connection; should a read have failed so that SQLite
  // rolled the transaction back (an I/O error, out of memory), the rest must not autocommit.
  if (sqlite3_get_autocommit(handle) != 0) {
    return fail(Status::io_error("the import's transaction ended while its tables were read"));
  }
  return std::unique_ptr<StreamedApply>(new StreamedApply(std::move(state)));
}

Status StreamedApply::write_monthly(const SourcedBatch& part) {
  Status applied = state_->writer->apply_monthly(part);
  return applied.is_ok() ? applied : in_batch(part, applied);
}

Result<ApplySummary> StreamedApply::commit() {
  State& s = *state_;
  ZHIZAO_RETURN_IF_ERROR_RESULT(s.observed.before_commit());
  if (sqlite3_get_autocommit(s.handle) != 0) {
    return fail(Status::io_error("the import's transaction ended while its observer wrote"));
  }
  ZHIZAO_RETURN_IF_ERROR_RESULT(record_counts(s.cache, s.writer->summary()));
  ZHIZAO_RETURN_IF_ERROR_RESULT(detail::exec_sql(s.handle, detail::kAdvanceDataVersionSql));
  Result<std::int64_t> version_after = s.db->data_version();
  if (!version_after) return fail(version_after.error());
  ZHIZAO_RETURN_IF_ERROR_RESULT(s.transaction.commit());
  ApplySummary summary = s.writer->summary();
  summary.data_version_before = s.version_before;
  summary.data_version_after = *version_after;
  summary.journal = s.journal.journal();
  s.observed.committed(summary);
  return summary;
}

}  // namespace zhizao
