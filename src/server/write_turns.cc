#include "server/write_turns.h"

#include <map>
#include <memory>

namespace zhizao::server {

std::mutex& write_turns(const std::string& db_path) {
  static std::mutex mutex;
  static std::map<std::string, std::unique_ptr<std::mutex>> turns;
  std::lock_guard lock(mutex);
  std::unique_ptr<std::mutex>& turn = turns[db_path];
  if (turn == nullptr) turn = std::make_unique<std::mutex>();
  return *turn;
}

GroupCommit& grouped_writes(const std::string& db_path) {
  static std::mutex mutex;
  static std::map<std::string, std::unique_ptr<GroupCommit>> commits;
  std::mutex& turn = write_turns(db_path);
  std::lock_guard lock(mutex);
  std::unique_ptr<GroupCommit>& commit = commits[db_path];
  if (commit == nullptr) commit = std::make_unique<GroupCommit>(turn);
  return *commit;
}

}  // namespace zhizao::server
