#include "server/served_input.h"

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

std::optional<ReportInput> served_input(ApiCall& call, const std::string& db_path) {
  Result<ReportInput> input = snapshot_cache(db_path).current(call.db, SnapshotUse::kAuto);
  if (!input) {
    send_status(call.res, input.error());
    return std::nullopt;
  }
  return *std::move(input);
}

}  // namespace zhizao::server
