// Writing a snapshot file safely: through a temporary file beside the target, reserved in full,
// mapped, filled, synced and renamed over the target, so readers see the old file or the new one,
// never a part; a killed writer leaves at most a stray temporary file.
#pragma once

#include <functional>
#include <string>

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

}  // namespace zhizao::detail
