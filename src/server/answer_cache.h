// The answers of the reading endpoints that compute over the whole data (the report and the
// drill-downs), kept per data version: at 500,000 enterprises a report costs a good part of a
// second of CPU, and a dashboard asks the same few questions again and again. An answer is kept
// under the data version of the snapshot it was computed from and given only to a request served
// that same snapshot, so it is exactly what computing it again would give (never stale, never a
// mix of two versions: docs/operations.md, "What a reader sees").
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <future>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "base/result.h"

namespace zhizao::server {

// A computed answer: its text, and whether it may be kept (false when the computation read
// something that was not at the snapshot's data version, e.g. a table that changed meanwhile).
struct ComputedAnswer {
  std::string text;
  bool keep = true;
};

// Thread-safe. Bounded: at most `max_entries` answers and about `max_bytes` of text; the oldest
// go first, and every answer of an older data version goes when a newer one is stored.
class AnswerCache {
 public:
  AnswerCache(std::size_t max_entries, std::size_t max_bytes)
      : max_entries_(max_entries), max_bytes_(max_bytes) {}

  // Returns the answer of `key` at data version `version`: the kept one, or `compute`'s. Callers
  // asking the same key and version while it is computed wait for that one computation instead of
  // repeating it. Errors: `compute`'s (never kept).
  Result<std::shared_ptr<const std::string>> answer(
      std::int64_t version, const std::string& key,
      const std::function<Result<ComputedAnswer>()>& compute);

  // The number of answers kept (for tests).
  std::size_t size() const;

 private:
  using Shared = std::shared_future<Result<std::shared_ptr<const std::string>>>;
  struct Entry {
    std::int64_t version = 0;
    std::uint64_t ticket = 0;  // tells this computation from a later one of the same key
    Shared answer;
    std::size_t bytes = 0;  // 0 while computing
    std::list<std::string>::iterator age;
  };

  void stored(const std::string& key, std::uint64_t ticket, std::size_t bytes);
  void forget(const std::string& key, std::uint64_t ticket);
  void erase_locked(std::map<std::string, Entry>::iterator entry);
  void evict_locked();

  const std::size_t max_entries_;
  const std::size_t max_bytes_;
  mutable std::mutex mutex_;
  std::map<std::string, Entry> entries_;  // guarded by mutex_
  std::list<std::string> oldest_first_;   // guarded by mutex_
  std::size_t bytes_ = 0;                 // guarded by mutex_
  std::uint64_t next_ticket_ = 0;         // guarded by mutex_
};

// The cache of the database at `db_path` (one per path for the life of the process).
AnswerCache& answer_cache(const std::string& db_path);

}  // namespace zhizao::server
