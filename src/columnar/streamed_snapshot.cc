#include "columnar/streamed_snapshot.h"

#include <sqlite3.h>
#include <sys/mman.h>

#include <algorithm>
#include <limits>
#include <utility>

#include "columnar/snapshot_running.h"
#include "store/reference_tables.h"
#include "store/sqlite_statement.h"

namespace zhizao {
namespace {

// Parts waiting for the writer: the import writes the next part into SQLite meanwhile, and a part
// of a national file (about a million records, 64 bytes each here) costs no more than that.
constexpr std::size_t kPartsWaiting = 1;

// Cells written between two releases of the columns' pages (MADV_DONTNEED; the pages stay in the
// page cache): about 17,000 enterprises of 60 months, 50 MB of the mapping resident at most.
constexpr std::size_t kCellsPerRelease = std::size_t{1} << 20;

// Whether the database holds any monthly record (through the import's own connection).
Result<bool> holds_months(Database& db) {
  Result<detail::SqliteStatement> any = detail::SqliteStatement::prepare(
      db.native_handle(), "SELECT EXISTS (SELECT 1 FROM monthly_year)");
  if (!any) return fail(any.error());
  Result<detail::StepResult> stepped = any->step();
  if (!stepped) return fail(stepped.error());
  return *stepped == detail::StepResult::kRow && any->column_int(0) != 0;
}

}  // namespace

SnapshotOfStreamedMonths::SnapshotOfStreamedMonths(std::string path) : path_(std::move(path)) {}

SnapshotOfStreamedMonths::~SnapshotOfStreamedMonths() {
  close_queue(true);
  join();
}

void SnapshotOfStreamedMonths::started(Database& db, YearMonth first, YearMonth last) {
  Result<bool> months = holds_months(db);
  if (!months || *months) return;  // the caller rebuilds after the commit
  if (!detail::load_all_but_monthly(db.native_handle(), tables_).is_ok()) return;
  first_month_ = first.index();
  detail::SnapshotHeader header;
  header.schema_version = Database::schema_version();
  header.enterprises = tables_.enterprises.size();
  header.first_month = first_month_;
  header.months = last.index() - first_month_ + 1;
  writer_ = std::jthread([this, header] {
    Result<std::unique_ptr<detail::UnstampedSnapshot>> written = detail::write_unstamped_snapshot(
        path_, header, tables_,
        [this](const detail::SnapshotHeader& laid_out, unsigned char* base) {
          return write_columns(laid_out, base);
        },
        // The import's main thread (merge, audit, SQLite) sets the pace, not this writer: a
        // prefault on both cores took CPU from it (docs/performance.md, fourth session).
        detail::NewPages::kFaultedWhenWritten, detail::RunningCells::kByColumnsWriter);
    std::lock_guard lock(mutex_);
    if (written) {
      written_ = std::move(*written);
    } else {
      write_status_ = written.error();
    }
    writer_done_ = true;
    changed_.notify_all();
  });
}

void SnapshotOfStreamedMonths::written(const std::vector<MonthlyRecord>& records) {
  if (!writer_.joinable()) return;
  const std::size_t count = tables_.enterprises.size();
  std::vector<Cell> cells;
  {
    std::lock_guard lock(mutex_);
    if (!spare_.empty()) {
      cells = std::move(spare_.back());
      spare_.pop_back();
    }
  }
  cells.clear();
  cells.reserve(records.size());
  for (const MonthlyRecord& record : records) {
    // Key order: the enterprises of the tables are in code order too.
    while (next_enterprise_ < count && tables_.enterprises[next_enterprise_].uscc < record.uscc) {
      ++next_enterprise_;
    }
    // A record of no enterprise refuses the import; a rebuild would skip it all the same.
    if (next_enterprise_ == count || tables_.enterprises[next_enterprise_].uscc != record.uscc) {
      continue;
    }
    Cell cell;
    cell.cell =
        static_cast<std::uint64_t>(record.period.index() - first_month_) * count + next_enterprise_;
    cell.presence = record.in_scope ? RecordPresence::kInScope : RecordPresence::kOutOfScope;
    // As rebuild_snapshot writes them: NaN for a missing optional value.
    const double missing = std::numeric_limits<double>::quiet_NaN();
    const std::optional<double> columns[] = {record.output,           record.value_added,
                                             record.electricity,      record.output_prev,
                                             record.value_added_prev, record.electricity_prev};
    static_assert(std::size(columns) == kMonthlyColumnCount);
    for (std::size_t c = 0; c < kMonthlyColumnCount; ++c) {
      cell.values[c] = columns[c].value_or(missing);
    }
    cells.push_back(cell);
  }
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return parts_.size() < kPartsWaiting || writer_done_; });
  if (writer_done_) return;  // it failed; committed() says why
  parts_.push_back(std::move(cells));
  changed_.notify_all();
}

Status SnapshotOfStreamedMonths::write_columns(const detail::SnapshotHeader& header,
                                               unsigned char* base) {
  auto* presence = reinterpret_cast<RecordPresence*>(base + header.presence_offset);
  double* values[kMonthlyColumnCount];
  for (std::size_t c = 0; c < kMonthlyColumnCount; ++c) {
    values[c] = reinterpret_cast<double*>(base + header.value_offsets[c]);
  }
  // Each part's running figures right after its columns, while their pages are in memory: at
  // 2,000,000 enterprises a pass after the last part read the columns back from the disk page by
  // page (113 of 300 s, docs/performance.md, fourth session). Parts end between enterprises (the
  // import's second pass), so an enterprise's months are all written when its part is.
  const detail::RunningFiguresWriter running(header, tables_, base);
  std::size_t running_done = 0;  // enterprises before it have their running figures
  std::size_t since_release = 0;
  for (;;) {
    std::vector<Cell> part;
    {
      std::unique_lock lock(mutex_);
      changed_.wait(lock, [&] { return !parts_.empty() || closed_; });
      if (stopped_) return Status::io_error("the import stored nothing");
      if (parts_.empty()) break;
      part = std::move(parts_.front());
      parts_.pop_front();
      changed_.notify_all();
    }
    for (const Cell& cell : part) {
      presence[cell.cell] = cell.presence;
      for (std::size_t c = 0; c < kMonthlyColumnCount; ++c) values[c][cell.cell] = cell.values[c];
    }
    if (!part.empty()) {
      // Key order: the last cell's enterprise is the part's greatest.
      const std::size_t through = part.back().cell % header.enterprises + 1;
      running.write(running_done, through);
      running_done = std::max(running_done, through);
    }
    // The written pages leave the resident set (the import holds at most 2 GB, issue 17).
    since_release += part.size();
    if (since_release >= kCellsPerRelease) {
      ::madvise(base + header.presence_offset, header.file_size - header.presence_offset,
                MADV_DONTNEED);
      since_release = 0;
    }
    std::lock_guard lock(mutex_);
    spare_.push_back(std::move(part));
  }
  {
    // No more parts: their room goes back.
    std::lock_guard lock(mutex_);
    spare_.clear();
    spare_.shrink_to_fit();
  }
  running.write(running_done, header.enterprises);  // those after the last record's
  return Status::ok();
}

void SnapshotOfStreamedMonths::all_written() { close_queue(false); }

void SnapshotOfStreamedMonths::committed(const ApplySummary& summary) {
  if (!writer_.joinable()) return;  // not attempted
  close_queue(false);
  join();
  if (!write_status_.is_ok()) {
    failure_ = write_status_;
    return;
  }
  Status placed = written_->stamp_and_commit(summary.data_version_after, path_);
  written_.reset();
  if (!placed.is_ok()) {
    failure_ = std::move(placed);
    return;
  }
  placed_ = true;
}

void SnapshotOfStreamedMonths::abandoned() {
  close_queue(true);
  join();
  written_.reset();  // removes the temporary file
}

void SnapshotOfStreamedMonths::close_queue(bool stop) {
  std::lock_guard lock(mutex_);
  closed_ = true;
  if (stop) {
    stopped_ = true;
    parts_.clear();
  }
  changed_.notify_all();
}

void SnapshotOfStreamedMonths::join() {
  if (writer_.joinable()) writer_.join();
}

}  // namespace zhizao
