#include "server/wal_checkpointer.h"

#include <sqlite3.h>

#include <cstdio>
#include <utility>

namespace zhizao::server {

WalCheckpointer::WalCheckpointer(std::unique_ptr<Database> db, std::chrono::milliseconds interval)
    : db_(std::move(db)), interval_(interval), thread_([this] { run(); }) {}

WalCheckpointer::~WalCheckpointer() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

WalCheckpointer::LogState WalCheckpointer::last_state() const {
  std::lock_guard lock(mutex_);
  return last_state_;
}

void WalCheckpointer::run() {
  std::unique_lock lock(mutex_);
  while (!wake_.wait_for(lock, interval_, [this] { return stopping_; })) {
    lock.unlock();
    int log_frames = 0;
    int copied_frames = 0;
    int rc = sqlite3_wal_checkpoint_v2(db_->native_handle(), nullptr, SQLITE_CHECKPOINT_PASSIVE,
                                       &log_frames, &copied_frames);
    // SQLITE_BUSY: another connection is checkpointing (an import's own); the next turn tries
    // again. Anything else is worth the operator's eye, but not worth stopping the server for:
    // the log then grows until a checkpoint succeeds.
    if (rc != SQLITE_OK && rc != SQLITE_BUSY) {
      std::fprintf(stderr, "zhizao serve: checkpoint of the write-ahead log failed: %s\n",
                   sqlite3_errmsg(db_->native_handle()));
    }
    lock.lock();
    if (rc == SQLITE_OK) last_state_ = LogState{log_frames, copied_frames};
  }
}

}  // namespace zhizao::server
