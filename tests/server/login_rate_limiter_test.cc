// The per-address token bucket of POST /api/login (server/login_rate_limiter.h), on a clock the
// test moves by hand.
#include "server/login_rate_limiter.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

namespace zhizao::server {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

LoginRateLimit limit(int burst, milliseconds refill) {
  LoginRateLimit out;
  out.burst = burst;
  out.refill = refill;
  return out;
}

TEST(LoginRateLimiterTest, BurstThenOneAttemptPerRefill) {
  LoginRateLimiter limiter(limit(3, seconds(6)));
  auto t0 = LoginRateLimiter::Clock::time_point{} + seconds(1000);
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(limiter.acquire("10.0.0.1", t0).allowed) << i;
  RateDecision refused = limiter.acquire("10.0.0.1", t0);
  EXPECT_FALSE(refused.allowed);
  EXPECT_EQ(refused.retry_after, seconds(6));  // an empty bucket gains one in 6 s
  // 4 s later: two thirds of an attempt, still refused, 2 s to wait (rounded up).
  RateDecision later = limiter.acquire("10.0.0.1", t0 + seconds(4));
  EXPECT_FALSE(later.allowed);
  EXPECT_EQ(later.retry_after, seconds(2));
  EXPECT_TRUE(limiter.acquire("10.0.0.1", t0 + seconds(6)).allowed);
  EXPECT_FALSE(limiter.acquire("10.0.0.1", t0 + seconds(6)).allowed);
  // Long quiet: back to the full burst, not more.
  auto t1 = t0 + seconds(3600);
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(limiter.acquire("10.0.0.1", t1).allowed) << i;
  EXPECT_FALSE(limiter.acquire("10.0.0.1", t1).allowed);
}

TEST(LoginRateLimiterTest, AddressesHaveTheirOwnBuckets) {
  LoginRateLimiter limiter(limit(1, seconds(60)));
  auto t0 = LoginRateLimiter::Clock::time_point{} + seconds(5);
  EXPECT_TRUE(limiter.acquire("10.0.0.1", t0).allowed);
  EXPECT_FALSE(limiter.acquire("10.0.0.1", t0).allowed);
  EXPECT_TRUE(limiter.acquire("10.0.0.2", t0).allowed);
  EXPECT_TRUE(limiter.acquire("::1", t0).allowed);
  EXPECT_EQ(limiter.tracked(), 3u);
}

TEST(LoginRateLimiterTest, BurstZeroIsNoLimit) {
  LoginRateLimiter limiter(limit(0, seconds(6)));
  auto t0 = LoginRateLimiter::Clock::time_point{};
  for (int i = 0; i < 1000; ++i) ASSERT_TRUE(limiter.acquire("10.0.0.1", t0).allowed);
  EXPECT_EQ(limiter.tracked(), 0u);
}

TEST(LoginRateLimiterTest, MemoryStaysBoundedUnderAFloodOfAddresses) {
  LoginRateLimit bounded = limit(2, seconds(10));
  bounded.max_addresses = 100;
  LoginRateLimiter limiter(bounded);
  auto t0 = LoginRateLimiter::Clock::time_point{} + seconds(1);
  for (int i = 0; i < 1000; ++i) {
    limiter.acquire("10.1." + std::to_string(i / 256) + "." + std::to_string(i % 256), t0);
  }
  EXPECT_LE(limiter.tracked(), 100u);
  // Refilled buckets are forgotten first: after a quiet minute a new address still gets in, and
  // the table shrinks to what is still throttled.
  EXPECT_TRUE(limiter.acquire("192.168.0.1", t0 + seconds(60)).allowed);
  EXPECT_EQ(limiter.tracked(), 1u);
}

TEST(LoginRateLimiterTest, ConcurrentCallersShareOneBucket) {
  LoginRateLimiter limiter(limit(50, seconds(3600)));
  auto t0 = LoginRateLimiter::Clock::time_point{} + seconds(1);
  std::atomic<int> allowed{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 100; ++i) {
        if (limiter.acquire("10.0.0.1", t0).allowed) ++allowed;
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(allowed.load(), 50);
}

}  // namespace
}  // namespace zhizao::server
