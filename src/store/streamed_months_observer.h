// StreamedMonthsObserver: told of the monthly records a streamed import writes, part by part in
// key order, inside the import's transaction (issue 17), so that a second thread can write the
// columnar snapshot from them as they pass instead of reading everything back after the commit.
#pragma once

#include <vector>

#include "base/year_month.h"
#include "domain/records.h"
#include "store/database.h"

namespace zhizao {

// The calls come one at a time, each after the one before has returned, in this order: started()
// once, written() for each part, all_written(), then committed() or abandoned() (the latter also
// when the import is refused or fails after started()). written() comes on the thread that writes
// pass two's parts, the others on the importing thread. Only an import whose monthly records are
// all streamed, from one file, calls it.
class StreamedMonthsObserver {
 public:
  virtual ~StreamedMonthsObserver() = default;
  // Every row but the streamed monthly records is written: reads through `db`, on this thread,
  // see the tables as the commit will leave them, and the monthly records stored before the
  // import. The streamed records to come span the months `first` to `last`.
  virtual void started(Database& db, YearMonth first, YearMonth last) = 0;
  // `records` (key order: enterprise code, then period; each after those of earlier parts) were
  // just written; an enterprise's records all come in one part (parts end between enterprises:
  // the snapshot's writer computes their running figures per part). They are not kept after the
  // call.
  virtual void written(const std::vector<MonthlyRecord>& records) = 0;
  // Every streamed record was written (or the writing stopped on a finding); the commit or the
  // rollback follows.
  virtual void all_written() = 0;
  // The import committed; `summary` is what it stored.
  virtual void committed(const ApplySummary& summary) = 0;
  // The import stored nothing (refused, failed, rolled back).
  virtual void abandoned() = 0;
};

}  // namespace zhizao
