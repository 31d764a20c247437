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
#include <optional>
#include <string>
#include <utility>

#include "base/result.h"

namespace zhizao::server {

// What a computation says of its answer.
enum class AnswerUse {
  kKeep,          // of the snapshot's data version: kept and given again for that version
  kGiveOnce,      // given to this caller (and those waiting for it) but not kept, e.g. it read a
                  // table that was at another version meanwhile
  kComputeAgain,  // not given: the input was behind the database (a newer snapshot is being
                  // prepared); the caller asks again with the current one
};

// A computed answer: its text (empty for kComputeAgain) and what may be done with it.
struct ComputedAnswer {
  std::string text;
  AnswerUse use = AnswerUse::kKeep;
};

// An answer as kept: its text and, made on the first request that accepts it and kept beside
// the text, its gzip encoding (RFC 1952), so that a large answer is compressed once per data
// version instead of once per request. Thread-safe.
class KeptAnswer {
 public:
  explicit KeptAnswer(std::string text) : text_(std::move(text)) {}
  const std::string& text() const { return text_; }
  // The gzip encoding of text(), made once (callers meanwhile wait for it); null when zlib
  // failed (then send text()).
  const std::string* gzipped() const;

 private:
  std::string text_;
  mutable std::once_flag gzip_once_;
  mutable std::optional<std::string> gzipped_;  // set once under gzip_once_
};

// What AnswerCache::answer gives: an answer, or (kInputBehind, `answer` null) none because the
// computation found its input behind the database (AnswerUse::kComputeAgain).
enum class AnswerOutcome { kAnswered, kInputBehind };
struct GivenAnswer {
  AnswerOutcome outcome = AnswerOutcome::kAnswered;
  std::shared_ptr<const KeptAnswer> answer;
};

// Thread-safe. Bounded: at most `max_entries` answers and about `max_bytes` of text; the oldest
// go first, and every answer of an older data version goes when a newer one is stored.
class AnswerCache {
 public:
  AnswerCache(std::size_t max_entries, std::size_t max_bytes)
      : max_entries_(max_entries), max_bytes_(max_bytes) {}

  // Returns the answer of `key` at data version `version`: the kept one, or `compute`'s. Callers
  // asking the same key and version while it is computed wait for that one computation instead of
  // repeating it (and get its outcome). Errors: `compute`'s (never kept).
  Result<GivenAnswer> answer(std::int64_t version, const std::string& key,
                             const std::function<Result<ComputedAnswer>()>& compute);

  // The number of answers kept (for tests).
  std::size_t size() const;

 private:
  using Shared = std::shared_future<Result<GivenAnswer>>;
  struct Entry {
    std::int64_t version = 0;
    std::uint64_t ticket = 0;  // tells this computation from a later one of the same key
    Shared answer;
    std::size_t bytes = 0;  // 0 while computing (the text's; a gzip encoding adds about a tenth)
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

// Which cache of a database an answer goes to: the figures (the report, trend and drill-downs:
// few, large, costly) apart from the enterprises' months (many, small), so that a dashboard
// opening many enterprises never pushes the figures out.
enum class AnswerShelf { kFigures, kEnterpriseMonths };

// The cache of the database at `db_path` for `shelf` (one each for the life of the process).
AnswerCache& answer_cache(const std::string& db_path, AnswerShelf shelf = AnswerShelf::kFigures);

}  // namespace zhizao::server
