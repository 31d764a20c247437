#include "store/group_commit.h"

#include <algorithm>
#include <exception>
#include <string>

#include "store/sqlite_statement.h"

namespace zhizao {

struct GroupCommit::Writer {
  const Write* write = nullptr;
  Status status = Status::ok();
  bool done = false;
  std::condition_variable wake;
};

Status GroupCommit::run(Database& db, const Write& write) {
  Writer self;
  self.write = &write;
  std::unique_lock lock(mutex_);
  queue_.push_back(&self);
  self.wake.wait(lock, [&] { return self.done || queue_.front() == &self; });
  if (self.done) return self.status;
  // The leader: every write queued now (up to kMaxGroup) goes in its transaction; writes that
  // arrive meanwhile queue for the next group.
  std::deque<Writer*> group(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(std::min(
                                                                 queue_.size(), kMaxGroup)));
  lock.unlock();
  commit_group(db, group);
  lock.lock();
  for (Writer* writer : group) {
    queue_.pop_front();
    if (writer != &self) {
      writer->done = true;
      writer->wake.notify_one();
    }
  }
  if (!queue_.empty()) queue_.front()->wake.notify_one();
  return self.status;
}

void GroupCommit::commit_group(Database& db, const std::deque<Writer*>& group) {
  sqlite3* handle = db.native_handle();
  std::lock_guard turn(write_turn_);
  detail::SqliteTransaction transaction(handle);
  Status begun = transaction.begin(detail::TransactionKind::kImmediate);
  if (!begun.is_ok()) {
    for (Writer* writer : group) writer->status = begun;
    return;
  }
  for (Writer* writer : group) {
    // Begun inside the group's transaction: a savepoint, rolled back by its destructor unless
    // the write succeeded and it was released.
    detail::SqliteTransaction own(handle);
    Status status = own.begin(detail::TransactionKind::kImmediate);
    if (status.is_ok()) {
      try {
        status = (*writer->write)(db);
      } catch (const std::exception& e) {
        status = Status::internal(std::string("a grouped write failed: ") + e.what());
      } catch (...) {
        // Anything thrown must still fail this write alone: the group's other writers wait on it.
        status = Status::internal("a grouped write failed: a non-standard exception");
      }
    }
    if (status.is_ok()) status = own.commit();
    writer->status = status;
  }
  Status committed = transaction.commit();
  {
    std::lock_guard lock(mutex_);
    if (committed.is_ok()) ++groups_committed_;
  }
  if (committed.is_ok()) return;
  for (Writer* writer : group) {
    if (writer->status.is_ok()) writer->status = committed;
  }
}

long GroupCommit::groups_committed() const {
  std::lock_guard lock(mutex_);
  return groups_committed_;
}

std::size_t GroupCommit::writes_queued() const {
  std::lock_guard lock(mutex_);
  return queue_.size();
}

}  // namespace zhizao
