// MonthlyRuns: the monthly records of one streamed file spilled to a SpillFile in sorted runs
// and read back merged in key order (issue 17): a file whose enterprises' months are scattered
// (month after month, or shuffled) is checked by the audit and written as year blocks one
// enterprise at a time without holding its records. A run that continues the previous one in key
// order is appended to it, so a file in key order is one run, read back front to back.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "base/result.h"
#include "domain/records.h"
#include "ingest/spill_file.h"

namespace zhizao::detail {

// One monthly record as spilled: its enterprise's rank (the key order of the codes), its period,
// its line in the file and its values (MonthlyRecord's, the optional ones flagged in `present`).
struct SpilledMonth {
  std::int64_t line = 0;
  double values[6] = {};  // output, value_added, electricity, and the three _prev
  std::uint32_t rank = 0;
  std::int32_t period = 0;    // YearMonth::index()
  std::uint8_t present = 0;   // bit i: values[i + 1] is present
  std::uint8_t in_scope = 0;  // 1: 规上 in this month

  // The key order of the import: enterprise, period, then file order.
  bool operator<(const SpilledMonth& other) const {
    if (rank != other.rank) return rank < other.rank;
    if (period != other.period) return period < other.period;
    return line < other.line;
  }
};

// `record` as spilled, with `rank` and `line`.
SpilledMonth spilled(const MonthlyRecord& record, std::uint32_t rank, long line);
// Makes `record` the record of `month`, with `uscc`. The record's code keeps its room: a part's
// records filled again for the next part allocate nothing (a code of 18 bytes is past the short
// string's, so a fresh record cost an allocation and a free, 28 M of each at 500,000).
void fill_record(MonthlyRecord& record, const SpilledMonth& month, const std::string& uscc);

// How sort_by_key put a part in order.
enum class KeyOrdering { kAlreadyInOrder, kBlocksOrdered, kSortedWhole };

// Puts `months` in key order (SpilledMonth::operator<, a total order: no two share a line). A
// part of a file that holds each enterprise's months together and in order, the usual layout, is
// a string of sorted blocks, one per enterprise: those are put in order by their first month and
// copied through `scratch` (a part of 1.2 M records of 72 bytes at 500,000 enterprises holds about
// 20,000 enterprises). Blocks that overlap once in order (an enterprise's months in two places,
// interleaved), or blocks of fewer than four months on average, are sorted whole.
KeyOrdering sort_by_key(std::vector<SpilledMonth>& months, std::vector<SpilledMonth>& scratch);

// Move-only; not thread-safe.
class MonthlyRuns {
 public:
  // Errors: SpillFile::create's.
  static Result<MonthlyRuns> create(const std::string& dir);

  // Sorts `months` and appends them as a run (or to the last run, when they all come after it).
  // Errors: kIoError.
  Status add(std::vector<SpilledMonth>& months);

  // The months spilled, and the runs they form.
  std::uint64_t size() const { return spilled_; }
  std::size_t runs() const { return runs_.size(); }
  // The earliest and the latest period spilled (YearMonth::index()); only when size() > 0.
  std::int32_t first_period() const { return first_period_; }
  std::int32_t last_period() const { return last_period_; }

  // Reads the months back in key order (the runs merged). Not thread-safe; the runs must
  // outlive it and take no more months meanwhile.
  class Merge {
   public:
    // The next month; false at the end. Errors: kIoError.
    Result<bool> next(SpilledMonth& month);

   private:
    friend class MonthlyRuns;
    struct Cursor {
      std::uint64_t next = 0;  // index in the file of the month after those buffered
      std::uint64_t end = 0;
      std::vector<SpilledMonth> buffer;
      std::size_t at = 0;  // the current month in buffer
      const SpilledMonth& head() const { return buffer[at]; }
    };
    explicit Merge(const MonthlyRuns& runs);
    Status refill(std::size_t cursor);
    const MonthlyRuns* runs_;
    std::vector<Cursor> cursors_;
    std::vector<std::size_t> heap_;  // cursors with months left, the least first
    bool started_ = false;
  };
  Merge merge() const { return Merge(*this); }

  // Calls `visit` with every month in the order spilled (sorted within runs), for a pass that
  // needs no order. Errors: kIoError; `visit`'s.
  template <typename Visit>
  Status for_each(Visit visit) const {
    std::vector<SpilledMonth> buffer;
    for (std::uint64_t done = 0; done < spilled_;) {
      ZHIZAO_RETURN_IF_ERROR(read(done, buffer));
      for (const SpilledMonth& month : buffer) ZHIZAO_RETURN_IF_ERROR(visit(month));
      done += buffer.size();
    }
    return Status::ok();
  }

 private:
  struct Run {
    std::uint64_t first = 0;  // index of its first month in the file
    std::uint64_t size = 0;
  };
  explicit MonthlyRuns(SpillFile file) : file_(std::move(file)) {}
  // Reads up to a buffer's worth of months from index `first` into `buffer`. Errors: kIoError.
  Status read(std::uint64_t first, std::vector<SpilledMonth>& buffer,
              std::uint64_t end = UINT64_MAX) const;

  SpillFile file_;
  std::vector<SpilledMonth> scratch_;  // sort_by_key's, kept across parts
  std::vector<Run> runs_;
  std::uint64_t spilled_ = 0;
  SpilledMonth last_{};  // the greatest month spilled
  std::int32_t first_period_ = 0;
  std::int32_t last_period_ = 0;
};

}  // namespace zhizao::detail
