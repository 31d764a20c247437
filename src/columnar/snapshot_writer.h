// Writing a snapshot file safely: through a temporary file beside the target, reserved in full,
// mapped, filled, synced and renamed over the target, so readers see the old file or the new one,
// never a part; a killed writer leaves at most a stray temporary file.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "base/result.h"
#include "base/status.h"
#include "columnar/snapshot_file.h"
#include "domain/dataset.h"

namespace zhizao::detail {

// Fills the monthly columns of the mapped file at `base` (zero-filled: cells without a record
// stay zero) as laid out in the header.
using MonthlyColumnsWriter =
    std::function<Status(const SnapshotHeader& header, unsigned char* base)>;

// Writes the snapshot of `tables` (every table but the monthly rows) and the columns that
// `write_monthly` fills to `path`. `header` carries data_version, schema_version, enterprises,
// first_month and months; the offsets are laid out here. Errors: kIoError (also a full disk,
// found when the space is reserved), or whatever `write_monthly` returns; the target is then
// untouched. Not thread-safe for the same `path`.
Status write_snapshot_file(const std::string& path, SnapshotHeader header, const Dataset& tables,
                           const MonthlyColumnsWriter& write_monthly);

class TemporaryFile;

// How the pages of a new snapshot file come into memory. The kernel zeroes each on its first touch
// and maps it with a fault; kPrefaulted does both for the whole file on every core first (a
// rebuild's single writing thread then only writes), kFaultedWhenWritten leaves them to the
// writing: the same zeroing, one fault a page instead of two (the prefault's, and the writer's
// after the slice was released again).
enum class NewPages { kPrefaulted, kFaultedWhenWritten };

// Who writes the running figures (snapshot_running.h): write_running_figures after the monthly
// columns, or the MonthlyColumnsWriter itself (with a RunningFiguresWriter, as it goes).
enum class RunningCells { kAfterColumns, kByColumnsWriter };

// A snapshot written and synced in full under a temporary name but for the data version in its
// header, which is known only once the apply it follows has committed. Destroying it unstamped
// removes the temporary file. Not thread-safe; may be handed from the thread that wrote it to
// another.
class UnstampedSnapshot {
 public:
  ~UnstampedSnapshot();
  UnstampedSnapshot(const UnstampedSnapshot&) = delete;
  UnstampedSnapshot& operator=(const UnstampedSnapshot&) = delete;

  // Writes `data_version` into the header, syncs it, and renames the file over `path` (then
  // syncs the directory). Errors: kIoError; the target is then untouched. Call once.
  Status stamp_and_commit(std::int64_t data_version, const std::string& path);

 private:
  friend Result<std::unique_ptr<UnstampedSnapshot>> write_unstamped_snapshot(
      const std::string&, SnapshotHeader, const Dataset&, const MonthlyColumnsWriter&, NewPages,
      RunningCells);
  UnstampedSnapshot(std::unique_ptr<TemporaryFile> file, SnapshotHeader header);

  std::unique_ptr<TemporaryFile> file_;
  SnapshotHeader header_;
};

// As write_snapshot_file up to the rename, with `header.data_version` left for
// UnstampedSnapshot::stamp_and_commit: the file is complete and synced, under a temporary name
// beside `path`. `pages`: kPrefaulted as write_snapshot_file; kFaultedWhenWritten for a writer
// that is not what the caller waits for (the import's, which SQLite's writes outlast). Errors: as
// write_snapshot_file. `running`: kByColumnsWriter when `write_monthly` fills every enterprise's
// running figures itself.
Result<std::unique_ptr<UnstampedSnapshot>> write_unstamped_snapshot(
    const std::string& path, SnapshotHeader header, const Dataset& tables,
    const MonthlyColumnsWriter& write_monthly, NewPages pages = NewPages::kPrefaulted,
    RunningCells running = RunningCells::kAfterColumns);

}  // namespace zhizao::detail
