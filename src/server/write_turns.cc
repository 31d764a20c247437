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

}  // namespace zhizao::server
