#include "server/login_rate_limiter.h"

#include <algorithm>
#include <cmath>

namespace zhizao::server {
namespace {

// The tokens `bucket` holds at `now`, refilled since it was last updated and capped at burst.
double tokens_at(double tokens, std::chrono::steady_clock::time_point updated,
                 std::chrono::steady_clock::time_point now, const LoginRateLimit& limit) {
  double elapsed = std::chrono::duration<double>(now - updated).count();
  double per_second = 1.0 / std::chrono::duration<double>(limit.refill).count();
  return std::min(static_cast<double>(limit.burst), tokens + std::max(0.0, elapsed) * per_second);
}

}  // namespace

RateDecision LoginRateLimiter::acquire(std::string_view address, Clock::time_point now) {
  if (limit_.burst <= 0 || limit_.refill.count() <= 0) return RateDecision{};
  std::lock_guard<std::mutex> lock(mutex_);
  auto found = buckets_.find(std::string(address));
  if (found == buckets_.end()) {
    if (buckets_.size() >= limit_.max_addresses) evict(now);
    found = buckets_.emplace(std::string(address), Bucket{static_cast<double>(limit_.burst), now})
                .first;
  }
  Bucket& bucket = found->second;
  bucket.tokens = tokens_at(bucket.tokens, bucket.updated, now, limit_);
  bucket.updated = now;
  if (bucket.tokens >= 1.0) {
    bucket.tokens -= 1.0;
    return RateDecision{};
  }
  double refill_seconds = std::chrono::duration<double>(limit_.refill).count();
  double wait = (1.0 - bucket.tokens) * refill_seconds;
  auto seconds = static_cast<long>(std::ceil(wait));
  return RateDecision{false, std::chrono::seconds(std::max(1L, seconds))};
}

size_t LoginRateLimiter::tracked() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return buckets_.size();
}

void LoginRateLimiter::evict(Clock::time_point now) {
  std::erase_if(buckets_, [&](const auto& entry) {
    const Bucket& bucket = entry.second;
    return tokens_at(bucket.tokens, bucket.updated, now, limit_) >= limit_.burst;
  });
  if (buckets_.size() < limit_.max_addresses) return;
  // Everyone is still throttled (a flood from many addresses): forget the least recent.
  auto oldest = std::min_element(
      buckets_.begin(), buckets_.end(),
      [](const auto& a, const auto& b) { return a.second.updated < b.second.updated; });
  if (oldest != buckets_.end()) buckets_.erase(oldest);
}

}  // namespace zhizao::server
