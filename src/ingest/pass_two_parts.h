// Pass two of a streamed import (ingest/streamed_import.h): its parts, the records of a few whole
// enterprises merged in key order, and the thread that writes one part while the importing thread
// merges and audits the next (issue 17: pass two ran on one core while pass one used both;
// docs/performance.md, sixth session, has the times).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "base/status.h"
#include "domain/records.h"
#include "ingest/monthly_runs.h"
#include "store/streamed_apply.h"
#include "store/streamed_months_observer.h"

namespace zhizao::detail {

// A part of pass two. Its records stay between parts (only `used` is reset), so that their codes'
// room serves the next part (fill_record).
struct MergedPart {
  std::vector<MonthlyRecord> records;
  std::vector<long> lines;
  std::vector<std::uint32_t> order;  // 0..n−1 once closed: the records are in key order already
  std::size_t used = 0;              // records[0, used) are this part's

  // Appends the record of `month` of the enterprise `uscc`.
  void add(const SpilledMonth& month, const std::string& uscc) {
    if (used == records.size()) records.emplace_back();
    fill_record(records[used++], month, uscc);
    lines.push_back(static_cast<long>(month.line));
  }
  // Ends the part: drops the records past `used` and numbers the rest in `order`.
  void close();
  // Starts the next part in this one's room.
  void reopen() {
    used = 0;
    lines.clear();
  }
};

// Writes pass two's parts on a thread of its own, one at a time and in order: each part through
// `apply`, then (when it was written) to `observer` (may be null). Not thread-safe: one importing
// thread calls it.
class PartWriter {
 public:
  PartWriter(const std::string& file_name, std::unique_ptr<StreamedApply>& apply,
             StreamedMonthsObserver* observer)
      : file_name_(file_name), apply_(apply), observer_(observer) {}
  PartWriter(const PartWriter&) = delete;
  PartWriter& operator=(const PartWriter&) = delete;
  ~PartWriter() { finished(); }

  // Starts writing the closed `part`, which the caller leaves untouched until finished() returns,
  // once the part before is written. Errors: the part before's (then `part` is not started).
  Status start(MergedPart& part);
  // Waits for the part being written; returns how its writing (or an earlier one's) ended.
  Status finished();

 private:
  const std::string& file_name_;
  std::unique_ptr<StreamedApply>& apply_;
  StreamedMonthsObserver* observer_;
  Status status_ = Status::ok();
  std::jthread thread_;  // last: joined before the members it uses go
};

}  // namespace zhizao::detail
