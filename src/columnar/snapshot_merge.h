// Merging an applied batch into the snapshot's columns: the parts of update_snapshot_after_apply
// (snapshot_update.cc).
#pragma once

#include <array>
#include <cstddef>
#include <vector>

#include "columnar/snapshot_file.h"
#include "domain/dataset.h"
#include "engine/monthly_columns.h"
#include "store/database.h"

namespace zhizao::detail {

// The writable columns of a mapped snapshot file laid out by `header`. Views the mapping.
struct WritableColumns {
  RecordPresence* presence = nullptr;
  std::array<double*, kMonthlyColumnCount> values{};
  std::size_t enterprises = 0;
  int first_month = 0;
  // The whole mapping, for release_written().
  unsigned char* mapping = nullptr;
  std::size_t mapping_bytes = 0;

  WritableColumns(const SnapshotHeader& header, unsigned char* base);
  // Unmaps the pages written so far from the process (Linux MADV_DONTNEED on the shared file
  // mapping): they stay in the page cache, dirty, and reach the file with the writer's msync; a
  // later write maps the page again. Keeps a national snapshot (1.5 GB) out of the import's
  // resident set (issue 17). A hint: errors are ignored.
  void release_written() const;
  double* column(MonthlyColumn which) const { return values[static_cast<std::size_t>(which)]; }
  std::size_t cell(int month, std::size_t enterprise) const {
    return static_cast<std::size_t>(month - first_month) * enterprises + enterprise;
  }
};

// Sets first_month and months of `header` to the span of the old columns and the applied rows:
// the span of every stored month, as rebuild_snapshot reads it from the stored blocks.
void set_month_span(const MonthlyColumns& old, const std::vector<SourcedBatch>& applied,
                    SnapshotHeader& header);

// Copies every cell of the old columns to the new enterprise positions (both lists are in uscc
// order, and an apply removes no enterprise; one that is gone is skipped).
void copy_old_columns(const MonthlyColumns& old, const std::vector<Enterprise>& old_enterprises,
                      const std::vector<Enterprise>& enterprises, WritableColumns& target);

// Writes the applied monthly rows over the copied cells, as the rebuild writes stored rows, in
// key order batch by batch (a later batch wins, as in the apply).
void overlay_applied(const std::vector<SourcedBatch>& applied,
                     const std::vector<Enterprise>& enterprises, WritableColumns& target);

}  // namespace zhizao::detail
