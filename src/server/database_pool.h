// DatabasePool: the server's connections to its database, lent one per request. Opening a
// connection parses the whole schema and runs the migration check (store/database.cc,
// configure()); under load that was about a tenth of the server's CPU (perf of the 500,000
// load test, docs/performance.md "The server's connections"). A connection lent again skips it.
//
// SQLite connections are opened single-threaded here (SQLITE_OPEN_NOMUTEX): a lent connection
// is used by one request at a time, and is kept for the next only when it is back in autocommit
// mode (no transaction left open, https://sqlite.org/c3ref/get_autocommit.html) with no statement
// left unfinalized; otherwise it is closed, which rolls a transaction back. Each read still starts
// its own read transaction, so a kept connection sees every commit made before it
// (https://sqlite.org/isolation.html).
//
// The pool's connections checkpoint the write-ahead log only when `checkpoints` says so: the
// server leaves checkpoints to its WalCheckpointer (server/wal_checkpointer.h), so that no
// request waits for one.
#pragma once

#include <atomic>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "base/result.h"
#include "store/database.h"

namespace zhizao::server {

// The busy handler of the pool's connections (https://sqlite.org/c3ref/busy_handler.html): another
// try every millisecond, `kBusyTries` tries in all (about the 10 s of store/database.cc's
// timeout). SQLite's own timeout handler sleeps 1, 2, 5, ... and then 100 ms between tries; a
// write that had lost a few times slept through the short gaps between the grouped writes'
// transactions and waited seconds (docs/performance.md, "Session renewals take turns").
// `retries`, when not null, is a std::atomic<long> counting the waits (DatabasePool::
// busy_retries, for tests).
inline constexpr int kBusyTries = 10'000;
int try_each_millisecond(void* retries, int tries_so_far);

// Whether a pooled connection runs SQLite's automatic checkpoints after its commits
// (https://sqlite.org/c3ref/wal_autocheckpoint.html).
enum class PooledCheckpoints { kAutomatic, kLeftToCheckpointer };

class DatabasePool {
 public:
  // Keeps at most `max_idle` connections between requests (the server's worker count: more are
  // never lent at once). Opens nothing yet.
  DatabasePool(std::string db_path, std::size_t max_idle, PooledCheckpoints checkpoints);
  DatabasePool(const DatabasePool&) = delete;
  DatabasePool& operator=(const DatabasePool&) = delete;

  // A connection lent to one request; given back (or closed) when the lease ends.
  class Lease {
   public:
    Lease(Lease&& other) noexcept = default;
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    Database& operator*() const { return *db_; }
    Database* operator->() const { return db_.get(); }

   private:
    friend class DatabasePool;
    Lease(DatabasePool* pool, std::unique_ptr<Database> db) : pool_(pool), db_(std::move(db)) {}
    DatabasePool* pool_;
    std::unique_ptr<Database> db_;
  };

  // An idle connection, or a new one (Database::open with OpenMode::kMustExist: its errors).
  // Thread-safe.
  Result<Lease> lend();

  // Connections now idle in the pool (for tests).
  std::size_t idle_count() const;
  // How many times the pool's connections have waited a millisecond for a lock (for tests).
  long busy_retries() const { return busy_retries_.load(); }

 private:
  void give_back(std::unique_ptr<Database> db);

  const std::string db_path_;
  const std::size_t max_idle_;
  const PooledCheckpoints checkpoints_;
  mutable std::mutex mutex_;
  std::atomic<long> busy_retries_{0};
  std::vector<std::unique_ptr<Database>> idle_;
};

}  // namespace zhizao::server
