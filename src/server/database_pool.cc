#include "server/database_pool.h"

#include <sqlite3.h>

#include <utility>

namespace zhizao::server {

int try_each_millisecond(void* retries, int tries_so_far) {
  if (tries_so_far >= kBusyTries) return 0;
  if (retries != nullptr) ++*static_cast<std::atomic<long>*>(retries);
  sqlite3_sleep(1);
  return 1;
}

DatabasePool::DatabasePool(std::string db_path, std::size_t max_idle, PooledCheckpoints checkpoints)
    : db_path_(std::move(db_path)), max_idle_(max_idle), checkpoints_(checkpoints) {}

DatabasePool::Lease::~Lease() {
  if (pool_ != nullptr && db_ != nullptr) pool_->give_back(std::move(db_));
}

Result<DatabasePool::Lease> DatabasePool::lend() {
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      std::unique_ptr<Database> db = std::move(idle_.back());
      idle_.pop_back();
      return Lease(this, std::move(db));
    }
  }
  Result<std::unique_ptr<Database>> db = Database::open(db_path_, OpenMode::kMustExist);
  if (!db) return fail(db.error());
  // It replaces the timeout handler that Database::open set; it cannot fail on an open connection.
  sqlite3_busy_handler((*db)->native_handle(), try_each_millisecond, &busy_retries_);
  if (checkpoints_ == PooledCheckpoints::kLeftToCheckpointer) {
    // 0 turns the automatic checkpoint off for this connection only; it cannot fail on an open
    // connection.
    sqlite3_wal_autocheckpoint((*db)->native_handle(), 0);
  }
  return Lease(this, *std::move(db));
}

std::size_t DatabasePool::idle_count() const {
  std::lock_guard lock(mutex_);
  return idle_.size();
}

void DatabasePool::give_back(std::unique_ptr<Database> db) {
  // A transaction left open (a request that failed between BEGIN and COMMIT without its guard),
  // or a statement not finalized (it may hold a read transaction, which would pin an old state
  // and the log): closing the connection ends both, and the next request gets a clean one.
  sqlite3* handle = db->native_handle();
  if (sqlite3_get_autocommit(handle) == 0 || sqlite3_next_stmt(handle, nullptr) != nullptr) return;
  std::lock_guard lock(mutex_);
  if (idle_.size() < max_idle_) idle_.push_back(std::move(db));
}

}  // namespace zhizao::server
