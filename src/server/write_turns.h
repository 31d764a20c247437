// Writes of the served database from this process take turns on one mutex per database path.
// SQLite lets one writer in at a time and makes the others wait in its busy handler, which sleeps
// in growing steps of up to 100 ms (sqliteDefaultBusyCallback): under a steady stream of
// submissions a writer that lost a few times wakes long after the lock was free, and some wait
// seconds (docs/performance.md, "Kept answers gzipped, writers taking turns"). Waiting on a mutex
// instead, a writer starts as soon as the one before it ends. Other processes (the CLI) and other
// writes still meet the busy handler, as before.
#pragma once

#include <mutex>
#include <string>

#include "store/group_commit.h"

namespace zhizao::server {

// The mutex the writes of the database at `db_path` take turns on (one per path for the life of
// the process; thread-safe). Hold it around a write's transaction only, never around a snapshot
// update.
std::mutex& write_turns(const std::string& db_path);

// The writes of the database at `db_path` that requests make all the time, committed in groups
// (store/group_commit.h) under write_turns(db_path): submissions and session renewals (a
// renewal made on its own met the groups in SQLite's busy handler, docs/performance.md "Session
// renewals take turns"). One per path for the life of the process; thread-safe.
GroupCommit& grouped_writes(const std::string& db_path);

}  // namespace zhizao::server
