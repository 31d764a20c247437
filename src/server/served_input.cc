#include "server/served_input.h"

#include <cstdio>
#include <map>
#include <memory>
#include <mutex>

namespace zhizao::server {
namespace {

SnapshotCache& snapshot_cache(const std::string& db_path) {
  static std::mutex mutex;
  static std::map<std::string, std::unique_ptr<SnapshotCache>> caches;
  std::lock_guard lock(mutex);
  std::unique_ptr<SnapshotCache>& cache = caches[db_path];
  if (cache == nullptr) cache = std::make_unique<SnapshotCache>(db_path);
  return *cache;
}

}  // namespace

std::optional<ReportInput> served_input(ApiCall& call, const std::string& db_path,
                                        SnapshotWait wait) {
  Result<ReportInput> input = snapshot_cache(db_path).current(call.db, SnapshotUse::kAuto, wait);
  if (!input) {
    send_status(call.res, input.error());
    return std::nullopt;
  }
  return *std::move(input);
}

void write_then_update_served(ApiCall& call, const std::string& db_path,
                              const std::function<std::optional<AppliedChange>()>& write) {
  Status updated = snapshot_cache(db_path).write_then_update(call.db, write);
  if (!updated.is_ok()) {
    std::fprintf(stderr,
                 "zhizao serve: the snapshot was not updated after a write (%s); the next "
                 "reader rebuilds it\n",
                 updated.message().c_str());
  }
}

}  // namespace zhizao::server
