// LoginRateLimiter: a token bucket per client address for POST /api/login, in addition to the
// per-account lockout (accounts/accounts.h). The lockout stops guessing one user's password; the
// bucket stops one address from trying many users, and from making the server compute Argon2id
// (64 MiB, tens of milliseconds each) as fast as it can send requests.
#pragma once

#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace zhizao::server {

struct LoginRateLimit {
  // The bucket holds `burst` attempts and gains one every `refill`; burst 0 turns limiting off.
  int burst = 10;
  std::chrono::milliseconds refill = std::chrono::seconds(6);  // 10 a minute
  // At most this many addresses are tracked; when full, buckets that have refilled completely
  // are forgotten first (they carry no state), then the oldest, so memory stays bounded.
  size_t max_addresses = 10000;
};

// Whether an attempt may go ahead and, if not, when the next one could.
struct RateDecision {
  bool allowed = true;
  std::chrono::seconds retry_after{0};  // ≥ 1 when refused (the Retry-After header)
};

// Thread-safe (one mutex; the critical section is a map lookup and some arithmetic).
class LoginRateLimiter {
 public:
  using Clock = std::chrono::steady_clock;

  explicit LoginRateLimiter(LoginRateLimit limit) : limit_(limit) {}

  // Takes one attempt from `address`'s bucket at `now`. Returns allowed, or refused with the
  // seconds until the bucket holds an attempt again (rounded up). `now` must not go backwards.
  RateDecision acquire(std::string_view address, Clock::time_point now);

  // The number of addresses currently tracked (for tests).
  size_t tracked() const;

 private:
  struct Bucket {
    double tokens = 0;
    Clock::time_point updated;
  };
  void evict(Clock::time_point now);

  LoginRateLimit limit_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace zhizao::server
