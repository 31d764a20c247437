// The columnar snapshot (issue 3): the data of a database as one file beside it
// (DB.zhizao-snapshot), enterprise × month columns memory-mapped read-only, so that a report reads
// only the pages of its months instead of loading every record from SQLite. SQLite stays the
// system of record: the snapshot carries the Database::data_version() it was built from and is
// rebuilt whenever that differs, so a report never reads stale data.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "base/result.h"
#include "columnar/snapshot_file.h"
#include "domain/dataset.h"
#include "engine/engine.h"
#include "store/database.h"

namespace zhizao {

// An open snapshot: the tables decoded into memory, the monthly columns mapped. Immutable and
// thread-safe to read; keeps the mapping alive for as long as it lives.
class ColumnarSnapshot {
 public:
  // Maps the snapshot at `path` and decodes its tables. Errors: kNotFound when there is no file;
  // kCorruption when it is not a whole snapshot of this format; kIoError.
  static Result<std::unique_ptr<ColumnarSnapshot>> open(const std::string& path);

  std::int64_t data_version() const { return header_.data_version; }
  int schema_version() const { return header_.schema_version; }
  // Every table but the monthly rows (empty: they are in columns()).
  const Dataset& tables() const { return tables_; }
  const MonthlyColumns& columns() const { return columns_; }
  // What the engine's compute_report / explain / compute_trend take; valid while this lives.
  ColumnarData data() const { return {tables_, columns_}; }

 private:
  ColumnarSnapshot(detail::FileMapping mapping, const detail::SnapshotHeader& header,
                   Dataset tables);
  detail::FileMapping mapping_;
  detail::SnapshotHeader header_;
  Dataset tables_;
  MonthlyColumns columns_;
};

// The snapshot file of the database at `db_path`: db_path + ".zhizao-snapshot".
std::string snapshot_path_for(const std::string& db_path);

// Writes the snapshot of `db`'s current data to `path`: read in one SQLite read transaction
// (with the data version of that same state), written to a temporary file beside it, synced,
// then renamed over `path`, so a reader sees the old snapshot or the new one, never a part; a
// killed rebuild leaves at most a stray temporary file. Errors: kIoError, kCorruption.
Status rebuild_snapshot(Database& db, const std::string& path);

// How update_snapshot_after_apply brought the snapshot up to date.
enum class SnapshotUpdate {
  kMerged,   // the old snapshot's columns plus the applied rows, without reading the records
  kRebuilt,  // rebuild_snapshot: the old snapshot was missing or stale, or another write followed
};

// Brings the snapshot at `path` to `db`'s data after Database::apply stored `applied` and returned
// `summary`. When the snapshot holds the data of summary.data_version_before and the database is
// still at summary.data_version_after, the new file is the old columns (remapped to the new
// enterprise list) overlaid with the applied monthly rows: an apply only inserts or replaces, so
// that is the stored data, and the monthly table is not read (half a minute at 28 million rows).
// Otherwise it rebuilds. Either way the file is the one rebuild_snapshot would write, byte for
// byte (tested), written as rebuild_snapshot writes it. Errors: as rebuild_snapshot.
Result<SnapshotUpdate> update_snapshot_after_apply(Database& db, const std::string& path,
                                                   const std::vector<SourcedBatch>& applied,
                                                   const ApplySummary& summary);

// Returns the snapshot at `path` if it holds `db`'s current data (same data version and schema
// version), else rebuilds it first. Errors: as rebuild_snapshot and ColumnarSnapshot::open.
Result<std::unique_ptr<ColumnarSnapshot>> open_or_rebuild_snapshot(Database& db,
                                                                   const std::string& path);

}  // namespace zhizao
