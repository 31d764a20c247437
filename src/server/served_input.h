// The data every reading endpoint computes from: the served database's ReportInput (its
// columnar snapshot, kept open between requests and checked against the data version on every
// one). One place, so that no endpoint loads the 30 million SQLite records of a national database
// per request.
//
// What a reader sees (docs/operations.md, "What a reader sees"): always one whole snapshot of one
// committed data version, never a mix of two. With SnapshotWait::kForCurrent it is the version
// current when the request began; with kOrPrevious, while a write is being brought into a newer
// snapshot (a published submission: a merge of what changed), the version just before that
// write, so that readers do not wait for the update.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "columnar/report_input.h"
#include "server/api_context.h"

namespace zhizao::server {

// Returns the input of the database at `db_path` (`call.db` is a connection to it), or answers
// the error (500 for an unreadable snapshot or database) and returns nullopt.
// Thread-safe: one snapshot cache per database path, a rebuild done once while others wait
// (kForCurrent) or read the previous snapshot (kOrPrevious).
std::optional<ReportInput> served_input(ApiCall& call, const std::string& db_path,
                                        SnapshotWait wait = SnapshotWait::kForCurrent);

// Runs `write` through `call.db` and brings the served snapshot up to date by what it applied
// (SnapshotCache::write_then_update): meanwhile kOrPrevious readers read the snapshot before.
// A failed update is logged to stderr (the next reader rebuilds); `write` answers the request.
void write_then_update_served(ApiCall& call, const std::string& db_path,
                              const std::function<std::optional<AppliedChange>()>& write);

}  // namespace zhizao::server
