// GroupCommit: writes of one database that arrive while another write is committing are made
// together, in one transaction with one sync of the log, the group commit of database logs
// (LevelDB's DBImpl::Write: writers queue, the first takes the queue's writes as one batch and
// wakes the others with their outcome).
//
// Why: under the load test's stream of submissions (one request in eight) each submission was
// its own transaction, and each commit syncs the write-ahead log (synchronous = FULL, a few ms on
// this disk); the submissions queued behind each other's syncs (p50 45-95 ms, docs/performance.md
// "Submissions committed in groups"). Durability is unchanged: a write is reported done only
// after the commit holding it has synced.
//
// Each write runs in a savepoint of the group's transaction
// (https://sqlite.org/lang_savepoint.html) on the connection of the group's first writer: a write
// that fails is rolled back alone, and the others commit. The transaction is taken under
// `write_turn` (the process's turns on the database's writes, server/write_turns.h), so other
// writers of the process wait on the mutex, not in SQLite's busy handler.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>

#include "base/status.h"
#include "store/database.h"

namespace zhizao {

class GroupCommit {
 public:
  // A write of one request. It must make every change through the Database it is given (the
  // group's connection, perhaps not the caller's), and keep what it learns (an id) until run()
  // returns OK: a failed commit undoes it.
  using Write = std::function<Status(Database&)>;

  explicit GroupCommit(std::mutex& write_turn) : write_turn_(write_turn) {}
  GroupCommit(const GroupCommit&) = delete;
  GroupCommit& operator=(const GroupCommit&) = delete;

  // Runs `write` in a group's transaction and returns once that transaction ended: `write`'s own
  // error (its changes rolled back, the group's others kept), else the commit's status. `db` is
  // the caller's connection, used when the caller leads a group. Thread-safe. A write that throws
  // is a bug; it fails with kInternal, and the group goes on.
  Status run(Database& db, const Write& write);

  // Transactions committed so far, each holding one or more writes (for tests). Thread-safe.
  long groups_committed() const;
  // Writes waiting for or in a group now (for tests). Thread-safe.
  std::size_t writes_queued() const;

 private:
  struct Writer;
  void commit_group(Database& db, const std::deque<Writer*>& group);

  // At most this many writes in one transaction, so that a group's commit stays short.
  static constexpr std::size_t kMaxGroup = 64;

  std::mutex& write_turn_;
  mutable std::mutex mutex_;
  std::deque<Writer*> queue_;  // the front writer leads the next group
  long groups_committed_ = 0;
};

}  // namespace zhizao
