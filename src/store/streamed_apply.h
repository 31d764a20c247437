// StreamedApply: Database::apply in steps, so that the monthly records of a national file can be
// written in parts as they are read back in key order (issue 17: an import in bounded memory)
// instead of all at once. Database::apply is these steps over batches held whole.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "base/result.h"
#include "store/database.h"

namespace zhizao {

// One open apply on a Database: begun (every row of the batches but the monthly records
// written), then any number of parts of monthly records written, then committed. Destroying it
// uncommitted rolls everything back (and tells the observer, abandoned()); a crash or kill at
// any point leaves the database as it was. Same thread rules as the Database, which must outlive
// it; nothing else may write through the Database meanwhile.
class StreamedApply {
 public:
  // Takes the write lock and writes the rows of every kind but the monthly records of `batches`
  // (which the caller keeps alive and unchanged until commit() or destruction: the observer may
  // read them), then tells `observer` (may be null, not owned) tables_written(batches).
  // `monthly_rows` is how many monthly records write_monthly() will be given beyond those of
  // `batches` (for the journal's choice, bulk_journal.h, and the progress total). Errors:
  // kIoError and the others of Database::apply.
  static Result<std::unique_ptr<StreamedApply>> begin(Database& db,
                                                      const std::vector<SourcedBatch>& batches,
                                                      std::size_t monthly_rows,
                                                      const ApplyProgress& progress,
                                                      ApplyObserver* observer);
  ~StreamedApply();
  StreamedApply(const StreamedApply&) = delete;
  StreamedApply& operator=(const StreamedApply&) = delete;

  // Writes `part.rows.monthly` (only those) as Database::apply writes a batch's monthly records,
  // revisions naming part.source. Parts of one file come in key order and no enterprise-year
  // spans two parts, so that each year block is written once (a block that does span two parts
  // is merged, with the same outcome and counts, only written twice). Errors: as Database::apply
  // (the apply must then be abandoned).
  Status write_monthly(const SourcedBatch& part);

  // Lets the observer write (before_commit), records the counts, moves the data version forward
  // and commits. Errors: as Database::apply (nothing is then stored).
  Result<ApplySummary> commit();

 private:
  struct State;
  explicit StreamedApply(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace zhizao
