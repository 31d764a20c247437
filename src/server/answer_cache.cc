#include "server/answer_cache.h"

#include <exception>
#include <utility>

#include "http/content_coding.h"

namespace zhizao::server {

const std::string* KeptAnswer::gzipped() const {
  std::call_once(gzip_once_, [this] {
    // The transport's level for answers it compresses itself (http/exchange.cc).
    gzipped_ = http::encode(text_, http::ContentCoding::kGzip, http::kAnswerGzipLevel);
  });
  return gzipped_ ? &*gzipped_ : nullptr;
}

namespace {

// The outcome of a computation as given to its callers.
Result<GivenAnswer> given(Result<ComputedAnswer> computed) {
  if (!computed) return fail(computed.error());
  if (computed->use == AnswerUse::kComputeAgain) {
    return GivenAnswer{AnswerOutcome::kInputBehind, nullptr};
  }
  return GivenAnswer{AnswerOutcome::kAnswered,
                     std::make_shared<const KeptAnswer>(std::move(computed->text))};
}

}  // namespace

Result<GivenAnswer> AnswerCache::answer(std::int64_t version, const std::string& key,
                                        const std::function<Result<ComputedAnswer>()>& compute) {
  std::promise<Result<GivenAnswer>> promise;
  std::uint64_t ticket = 0;
  {
    std::unique_lock lock(mutex_);
    auto found = entries_.find(key);
    if (found != entries_.end() && found->second.version == version) {
      Shared kept = found->second.answer;
      lock.unlock();
      return kept.get();
    }
    if (found != entries_.end() && found->second.version > version) {
      // A request still served the previous snapshot (a newer one was being prepared): computed
      // for it alone, so that the newer answers stay.
      lock.unlock();
      return given(compute());
    }
    // Answers of older versions can never be given again once a newer one is asked for.
    for (auto entry = entries_.begin(); entry != entries_.end();) {
      auto next = std::next(entry);
      if (entry->second.version < version) erase_locked(entry);
      entry = next;
    }
    ticket = ++next_ticket_;
    oldest_first_.push_back(key);
    entries_[key] =
        Entry{version, ticket, promise.get_future().share(), 0, std::prev(oldest_first_.end())};
  }
  Result<ComputedAnswer> computed = fail(Status::internal("not computed"));
  try {
    computed = compute();
  } catch (...) {
    // Waiters get the exception too (the promise is set with it); the key is computed afresh next.
    promise.set_exception(std::current_exception());
    forget(key, ticket);
    throw;
  }
  const bool keep = computed && computed->use == AnswerUse::kKeep;
  Result<GivenAnswer> out = given(std::move(computed));
  promise.set_value(out);
  if (keep) {
    stored(key, ticket, out->answer->text().size());
  } else {
    forget(key, ticket);
  }
  return out;
}

std::size_t AnswerCache::size() const {
  std::lock_guard lock(mutex_);
  return entries_.size();
}

void AnswerCache::stored(const std::string& key, std::uint64_t ticket, std::size_t bytes) {
  std::lock_guard lock(mutex_);
  auto found = entries_.find(key);
  if (found == entries_.end() || found->second.ticket != ticket) return;
  found->second.bytes = bytes;
  bytes_ += bytes;
  evict_locked();
}

void AnswerCache::forget(const std::string& key, std::uint64_t ticket) {
  std::lock_guard lock(mutex_);
  auto found = entries_.find(key);
  if (found != entries_.end() && found->second.ticket == ticket) erase_locked(found);
}

void AnswerCache::erase_locked(std::map<std::string, Entry>::iterator entry) {
  bytes_ -= entry->second.bytes;
  oldest_first_.erase(entry->second.age);
  entries_.erase(entry);
}

void AnswerCache::evict_locked() {
  // Waiting callers hold their own copy of a computation's future, so erasing it is safe.
  while (!oldest_first_.empty() && (entries_.size() > max_entries_ || bytes_ > max_bytes_)) {
    erase_locked(entries_.find(oldest_first_.front()));
  }
}

AnswerCache& answer_cache(const std::string& db_path, AnswerShelf shelf) {
  // Figures: 256 answers, 256 MB (a national report's JSON is 8.5 MB, a drill-down less).
  // Enterprises' months: 4,096 answers of about 15 KB, 64 MB.
  const bool figures = shelf == AnswerShelf::kFigures;
  const std::size_t max_entries = figures ? 256 : 4096;
  const std::size_t max_bytes = std::size_t{figures ? 256u : 64u} << 20;
  static std::mutex mutex;
  static std::map<std::pair<std::string, AnswerShelf>, std::unique_ptr<AnswerCache>> caches;
  std::lock_guard lock(mutex);
  std::unique_ptr<AnswerCache>& cache = caches[{db_path, shelf}];
  if (cache == nullptr) cache = std::make_unique<AnswerCache>(max_entries, max_bytes);
  return *cache;
}

}  // namespace zhizao::server
