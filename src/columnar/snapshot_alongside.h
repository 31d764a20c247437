// SnapshotAlongsideApply: writes the new columnar snapshot on a second thread while
// Database::apply writes the monthly records on the first, instead of after the commit. At
// national scale the two are the longest parts of an import after parsing (about 7 s of SQLite
// and 4 s of snapshot at 28 million records), and the second core is otherwise idle meanwhile.
// The file is the one update_snapshot_after_apply writes (the same merge, snapshot_merge.h), but
// for the data version, which the commit fixes: it is stamped into the header, synced and renamed
// into place in committed(); abandoned() removes it.
#pragma once

#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "base/result.h"
#include "columnar/snapshot.h"
#include "columnar/snapshot_writer.h"
#include "store/database.h"

namespace zhizao {

// The observer of one apply on `db` (which must outlive it). Its methods run on the applying
// thread, as ApplyObserver says; the writing thread is joined before committed() or abandoned()
// returns, and by the destructor.
class SnapshotAlongsideApply final : public ApplyObserver {
 public:
  enum class Outcome {
    kNotAttempted,  // no current snapshot to merge into (or the apply never reached the tables)
    kInPlace,       // the new snapshot is at the path, of the committed data version
    kFailed,        // writing it failed (failure() says why); the old file is left, now stale
  };

  // `path`: the snapshot file (snapshot_path_for).
  SnapshotAlongsideApply(Database& db, std::string path);
  ~SnapshotAlongsideApply() override;
  SnapshotAlongsideApply(const SnapshotAlongsideApply&) = delete;
  SnapshotAlongsideApply& operator=(const SnapshotAlongsideApply&) = delete;

  void tables_written(const std::vector<SourcedBatch>& batches) override;
  void committed(const ApplySummary& summary) override;
  void abandoned() override;

  Outcome outcome() const { return outcome_; }
  // Why writing failed (ok unless outcome() is kFailed).
  const Status& failure() const { return failure_; }

 private:
  void fail_with(Status status);

  Database& db_;
  std::string path_;
  std::unique_ptr<ColumnarSnapshot> old_;
  Dataset tables_;
  std::unique_ptr<detail::UnstampedSnapshot> written_;
  Status write_status_;
  std::jthread writer_;
  Outcome outcome_ = Outcome::kNotAttempted;
  Status failure_;
};

}  // namespace zhizao
