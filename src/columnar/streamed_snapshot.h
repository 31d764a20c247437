// SnapshotOfStreamedMonths: the columnar snapshot of an import whose monthly records are
// streamed, written on a second thread from the parts as the import writes them in key order
// (issue 17), instead of rebuilt from the database after the commit (which read the 2.5 M year
// blocks of a national file back and wrote the file a second time). The file is the one
// rebuild_snapshot writes for the committed data, byte for byte; it is written under a temporary
// name and renamed into place only once the import has committed (snapshot_writer.h).
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "base/status.h"
#include "columnar/snapshot_writer.h"
#include "domain/dataset.h"
#include "engine/monthly_columns.h"
#include "store/streamed_months_observer.h"

namespace zhizao {

// Follows one streamed import. It writes only when the database held no monthly record before
// the import (a new database, as a national load): then the snapshot holds exactly the streamed
// records and the tables. Otherwise, or when writing fails, it leaves the snapshot to the caller
// (placed() false). The StreamedMonthsObserver calls come one at a time
// (streamed_months_observer.h); the writing thread is joined before committed() or abandoned()
// returns, and by the destructor.
class SnapshotOfStreamedMonths final : public StreamedMonthsObserver {
 public:
  // `path`: the snapshot file (snapshot_path_for).
  explicit SnapshotOfStreamedMonths(std::string path);
  ~SnapshotOfStreamedMonths() override;
  SnapshotOfStreamedMonths(const SnapshotOfStreamedMonths&) = delete;
  SnapshotOfStreamedMonths& operator=(const SnapshotOfStreamedMonths&) = delete;

  void started(Database& db, YearMonth first, YearMonth last) override;
  void written(const std::vector<MonthlyRecord>& records) override;
  void all_written() override;
  void committed(const ApplySummary& summary) override;
  void abandoned() override;

  // Whether the snapshot of the committed import is in place at the path.
  bool placed() const { return placed_; }
  // Why writing it failed (ok when it was placed or not attempted).
  const Status& failure() const { return failure_; }

 private:
  // One monthly record as the columns hold it: its cell (month × enterprises + enterprise).
  struct Cell {
    std::uint64_t cell = 0;
    double values[kMonthlyColumnCount] = {};
    RecordPresence presence = RecordPresence::kNone;
  };
  // The writing thread's part of write_unstamped_snapshot: the cells of each part, as they come.
  Status write_columns(const detail::SnapshotHeader& header, unsigned char* base);
  // Ends the queue (no more parts); `stop`: the writer returns at once, writing nothing more.
  void close_queue(bool stop);
  void join();

  std::string path_;
  Dataset tables_;  // every table but the monthly records, as the commit leaves them
  int first_month_ = 0;
  std::size_t next_enterprise_ = 0;  // the first of tables_.enterprises a later record may name

  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::vector<Cell>> parts_;  // written by the import, not yet into the columns
  // Parts' vectors written into the columns, their room kept for the next parts: a national
  // file's parts of a million cells were otherwise mapped and faulted in afresh each time (1.8 GB
  // of fresh pages at 500,000 enterprises, perf).
  std::vector<std::vector<Cell>> spare_;
  bool closed_ = false;
  bool stopped_ = false;
  bool writer_done_ = false;

  std::unique_ptr<detail::UnstampedSnapshot> written_;  // the writer's, read after join()
  Status write_status_;
  std::jthread writer_;
  bool placed_ = false;
  Status failure_;
};

}  // namespace zhizao
