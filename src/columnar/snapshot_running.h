// The running figures of a snapshot file (engine/running_figures.h, format 4): computed from the
// file's own columns and tables once they are written, by every writer alike (rebuild, merge after
// an apply, the snapshot written alongside an import), so a merged file and a rebuilt one stay the
// same bytes.
#pragma once

#include <cstddef>

#include "base/status.h"
#include "columnar/snapshot_file.h"
#include "domain/dataset.h"
#include "engine/indexed_dataset.h"
#include "engine/monthly_columns.h"

namespace zhizao::detail {

// The running figures of the mapped file at `base` laid out by `header` (tables `tables`), written
// for a range of enterprises at a time: for a writer that fills them part by part while the
// columns it has just written are still in memory (streamed_snapshot.h), the same cells as
// write_running_figures. `tables` and the mapping must outlive it. write() of disjoint ranges may
// run on several threads.
class RunningFiguresWriter {
 public:
  RunningFiguresWriter(const SnapshotHeader& header, const Dataset& tables, unsigned char* base);
  // Fills the cells of enterprises [from, to), whose monthly columns must be written.
  void write(std::size_t from, std::size_t to) const;

 private:
  MonthlyColumns columns_;
  IndexedDataset data_;
  RunningFigures* cells_;
};

// Fills the running figures of the mapped file at `base` laid out by `header`, whose monthly
// columns are written and whose tables are `tables`. Gives the written pages back as it goes
// (MADV_DONTNEED on the shared mapping, as WritableColumns::release_written) so that a national
// snapshot does not stay in the writer's resident set. Uses the second core from 20,000
// enterprises. Errors: none so far (a Status for the writer's callback chain).
Status write_running_figures(const SnapshotHeader& header, const Dataset& tables,
                             unsigned char* base);

}  // namespace zhizao::detail
