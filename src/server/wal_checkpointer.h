// WalCheckpointer: copies the write-ahead log back into the database file on a thread of its
// own, so that no request waits for it. By default SQLite checkpoints inside the commit that
// takes the log past 1,000 pages (https://sqlite.org/wal.html#automatic_checkpoint): the writing
// request then also copies the pages and syncs the database file, which made the submissions'
// tail under the load test (docs/performance.md "The server's connections"). The server's
// request connections turn that off (server/database_pool.h) and this thread runs a PASSIVE
// checkpoint every `interval` instead: it copies what no reader still needs and never waits for,
// or blocks, a reader or writer (https://sqlite.org/c3ref/wal_checkpoint_v2.html).
//
// Durability is unchanged: every commit still syncs the log (synchronous = FULL, SQLite's
// default), and a log left by a stopped server is checkpointed by the next connection to close.
#pragma once

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

#include "store/database.h"

namespace zhizao::server {

class WalCheckpointer {
 public:
  // Starts the thread; it uses `db` (the caller's connection, given up to it) and nothing else.
  WalCheckpointer(std::unique_ptr<Database> db, std::chrono::milliseconds interval);
  // Stops the thread (at most one checkpoint's time) and closes the connection.
  ~WalCheckpointer();
  WalCheckpointer(const WalCheckpointer&) = delete;
  WalCheckpointer& operator=(const WalCheckpointer&) = delete;

  // What the last checkpoint saw: frames in the log and frames of it now in the database file
  // (both 0 before the first). Thread-safe.
  struct LogState {
    int log_frames = 0;
    int checkpointed_frames = 0;
  };
  LogState last_state() const;

 private:
  void run();

  std::unique_ptr<Database> db_;
  const std::chrono::milliseconds interval_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  LogState last_state_;
  std::thread thread_;  // last: starts after the members above exist
};

}  // namespace zhizao::server
