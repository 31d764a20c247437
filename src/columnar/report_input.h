// ReportInput: what the report commands and the server's reading endpoints compute from — the
// columnar snapshot (the normal path), or every record loaded from SQLite (the old path, kept to
// compare: ZHIZAO_NO_SNAPSHOT=1 or `--no-snapshot`). Both give the same figures.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "columnar/snapshot.h"
#include "engine/engine.h"
#include "engine/indexed_dataset.h"
#include "engine/previous_year.h"
#include "engine/reporting_coverage.h"
#include "engine/trend.h"
#include "products/product_figures.h"
#include "store/database.h"

namespace zhizao {

// Whether to read the snapshot; kAuto reads it unless ZHIZAO_NO_SNAPSHOT is set to a non-empty
// value other than "0".
enum class SnapshotUse { kAuto, kOff };

// Immutable; thread-safe to read. Cheap to copy (the snapshot is shared).
class ReportInput {
 public:
  static ReportInput of_snapshot(std::shared_ptr<const ColumnarSnapshot> snapshot);
  static ReportInput of_dataset(Dataset dataset);

  bool uses_snapshot() const { return snapshot_ != nullptr; }
  // The data version of the snapshot read (Database::data_version() of the state it holds);
  // nullopt for the loaded records, which carry none.
  std::optional<std::int64_t> data_version() const;
  // Every table but the monthly rows (those are empty when the snapshot is used).
  const Dataset& tables() const;

  // The engine's compute_report, explain and compute_trend over this input.
  Result<ReportData> report(const ReportRequest& request) const;
  Result<Explanation> explain(const ReportRequest& request, const ExplainTarget& target) const;
  Result<std::vector<TrendPoint>> trend(const ReportRequest& request, int months) const;

  // Product `code`'s figures traced to its enterprises (products/product_figures.h
  // explain_product). Errors: as explain_product.
  Result<ProductExplanation> explain_product(const ReportRequest& request,
                                             std::string_view code) const;

  // The months in which at least one enterprise of tables() has a record, oldest first: the
  // periods a report can be asked for. Reads one byte per enterprise and month from the snapshot
  // (about 30 MB at 500,000 enterprises × 60 months), never the SQLite records.
  std::vector<YearMonth> periods() const;

  // The row of tables().enterprises with `uscc`, or null. A binary search, as the rows are in
  // uscc order, one per code, when they come from a database (Database::load's order, which the
  // snapshot keeps); rows out of that order are searched row by row when it misses (of two rows
  // of one code out of order, either may be found).
  const Enterprise* find_enterprise(std::string_view uscc) const;

  // The monthly records of the enterprise `uscc` (of its row find_enterprise finds: the first
  // one, as the engine, when the rows are in code order), oldest first; empty when it has none or
  // is not registered.
  std::vector<MonthlyRecord> records_of(std::string_view uscc) const;

  // The engine's reporting_coverage over every month with records (engine/reporting_coverage.h),
  // `threshold` in percent. Reads the presence bytes only, as periods().
  std::vector<MonthCoverage> coverage(double threshold) const;

  // Whether some enterprise has a record of `month`: a report of that period has data of its
  // own month (reads one byte per enterprise of that month).
  bool has_records(YearMonth month) const;

  // The engine's previous_year_values for `records` (engine/previous_year.h).
  std::vector<PreviousYearValues> previous_year_of(std::span<const MonthlyRecord> records) const;

  // Calls `visit` with every table and the monthly records as columns, indexed once (the same
  // records as report()), for the modules that read whole histories (src/quality).
  void visit_records(const std::function<void(const detail::IndexedDataset&)>& visit) const;

 private:
  std::shared_ptr<const ColumnarSnapshot> snapshot_;
  std::shared_ptr<const Dataset> dataset_;
};

// What a write applied with Database::apply: its batches and summary (for
// refresh_snapshot_after_apply).
struct AppliedChange {
  std::vector<SourcedBatch> applied;
  ApplySummary summary;
};

// Whether `use` (and the environment) asks for the snapshot.
bool snapshot_wanted(SnapshotUse use);

// Returns the input for the database `db` opened from `db_path`: its snapshot, rebuilt first when
// stale, or the loaded records when the snapshot is not wanted. When the snapshot cannot be
// written (kIoError, e.g. a read-only directory) it notes so on stderr and loads the records.
// Errors: as Database::load and open_or_rebuild_snapshot (kCorruption).
Result<ReportInput> open_report_input(Database& db, const std::string& db_path, SnapshotUse use);

// Rebuilds the snapshot of the database `db` opened from `db_path` after a change, unless the
// snapshot is not wanted (ZHIZAO_NO_SNAPSHOT). Errors: as rebuild_snapshot.
Status refresh_snapshot(Database& db, const std::string& db_path);

// Makes the snapshot current before an apply (nothing when it is; a rebuild when it is stale or
// missing, immediate for a new database), so that refresh_snapshot_after_apply can merge instead
// of reading every record back. Does nothing when the snapshot is not wanted. Errors: as
// open_or_rebuild_snapshot.
Status prepare_snapshot_for_apply(Database& db, const std::string& db_path);

// The same after Database::apply stored `applied` with `summary`: update_snapshot_after_apply,
// unless the snapshot is not wanted. Errors: as update_snapshot_after_apply.
Status refresh_snapshot_after_apply(Database& db, const std::string& db_path,
                                    const std::vector<SourcedBatch>& applied,
                                    const ApplySummary& summary);

// Whether a reader of SnapshotCache may be answered from the snapshot before the newest.
enum class SnapshotWait {
  // Always the snapshot of the database's data version when the call began (or a newer one);
  // waits while it is prepared.
  kForCurrent,
  // The same, except while another caller is preparing a newer snapshot (after a write): then
  // the last one prepared, the complete data of the committed version before, without waiting.
  kOrPrevious,
};

// The snapshot of one database for a long-running process (the server): each call compares the
// data version (one small SQLite read) and reuses the open mapping while it is current, else
// opens or rebuilds it. Thread-safe: one caller prepares a newer snapshot at a time, while the
// others wait for it or (kOrPrevious) go on reading the previous one. A reader is never given a
// mix: every ReportInput holds one snapshot, of one committed data version, for as long as it
// lives (the mapping of a replaced file stays valid until its last reader drops it).
class SnapshotCache {
 public:
  explicit SnapshotCache(std::string db_path) : db_path_(std::move(db_path)) {}

  // Returns the input for `db` (a connection to this cache's database), as open_report_input.
  Result<ReportInput> current(Database& db, SnapshotUse use,
                              SnapshotWait wait = SnapshotWait::kForCurrent);

  // Runs `write` (a change of the database through `db`) as the one preparer of a newer
  // snapshot, so that kOrPrevious readers are answered from the snapshot before it meanwhile
  // instead of starting a rebuild; then brings the snapshot up to date: by
  // refresh_snapshot_after_apply (a merge of what changed) when `write` returns what it applied,
  // else by open_or_rebuild_snapshot when the data version moved. `write`'s own errors are its
  // business (it answers them); a failed snapshot update is left for the next reader to rebuild.
  // Returns the update's status.
  Status write_then_update(Database& db,
                           const std::function<std::optional<AppliedChange>()>& write);

 private:
  // Installs `snapshot` unless the one held is as new; wakes the waiters. Needs mutex_ held.
  void install_locked(std::shared_ptr<const ColumnarSnapshot> snapshot);

  std::mutex mutex_;
  std::condition_variable prepared_;
  std::string db_path_;
  std::shared_ptr<const ColumnarSnapshot> snapshot_;  // guarded by mutex_
  bool preparing_ = false;                            // guarded by mutex_
};

}  // namespace zhizao
