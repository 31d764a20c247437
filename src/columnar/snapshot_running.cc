#include "columnar/snapshot_running.h"

#include <sys/mman.h>

#include <algorithm>
#include <thread>

#include "engine/indexed_dataset.h"
#include "engine/running_figures.h"

namespace zhizao::detail {
namespace {

// Enterprises filled between two releases of the mapping: about 100 MB of columns read and 110
// MB of cells written at 60 months.
constexpr std::size_t kEnterprisesPerRelease = 32'768;

// Below this many enterprises a second thread costs more than it saves (as in the engine).
constexpr std::size_t kParallelFrom = 20'000;

// The snapshot's columns without its running figures: the writer computes those from the
// columns, and must not read the cells it is filling (has_running_cell).
MonthlyColumns columns_to_fill_from(const SnapshotHeader& header, const unsigned char* base) {
  MonthlyColumns columns = columns_at(header, base);
  columns.running = nullptr;
  return columns;
}

}  // namespace

RunningFiguresWriter::RunningFiguresWriter(const SnapshotHeader& header, const Dataset& tables,
                                           unsigned char* base)
    : columns_(columns_to_fill_from(header, base)),
      data_(tables, columns_),
      cells_(reinterpret_cast<RunningFigures*>(base + header.running_offset)) {}

void RunningFiguresWriter::write(std::size_t from, std::size_t to) const {
  if (from < to) fill_running_figures(data_, from, to, cells_);
}

Status write_running_figures(const SnapshotHeader& header, const Dataset& tables,
                             unsigned char* base) {
  const RunningFiguresWriter writer(header, tables, base);
  const std::size_t count = header.enterprises;
  const bool parallel = count >= kParallelFrom && std::thread::hardware_concurrency() > 1;
  for (std::size_t from = 0; from < count; from += kEnterprisesPerRelease) {
    const std::size_t to = std::min(count, from + kEnterprisesPerRelease);
    if (parallel) {
      const std::size_t middle = from + (to - from) / 2;
      std::jthread second([&] { writer.write(middle, to); });
      writer.write(from, middle);
    } else {
      writer.write(from, to);
    }
#if defined(MADV_DONTNEED)
    if (count > kEnterprisesPerRelease) ::madvise(base, header.file_size, MADV_DONTNEED);
#endif
  }
  return Status::ok();
}

}  // namespace zhizao::detail
