// AnswerCache: an answer is computed once per key and data version, given again only for that
// version, never kept when it failed or was not of the snapshot's version, and the cache stays
// within its bounds.
#include "server/answer_cache.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <thread>
#include <vector>

namespace zhizao::server {
namespace {

using namespace std::chrono_literals;

// A computation that counts its runs and answers `text`.
std::function<Result<ComputedAnswer>()> counted(std::atomic<int>& runs, std::string text,
                                                bool keep = true) {
  return [&runs, text, keep]() -> Result<ComputedAnswer> {
    ++runs;
    return ComputedAnswer{text, keep};
  };
}

TEST(AnswerCacheTest, AnAnswerIsComputedOncePerVersion) {
  AnswerCache cache(8, 1 << 20);
  std::atomic<int> runs = 0;
  auto first = cache.answer(1, "report", counted(runs, "v1"));
  auto again = cache.answer(1, "report", counted(runs, "other"));
  ASSERT_TRUE(first.has_value());
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(**first, "v1");
  EXPECT_EQ(**again, "v1");
  EXPECT_EQ(runs, 1);
  // A newer version computes again, and the answers of the older one go.
  auto newer = cache.answer(2, "report", counted(runs, "v2"));
  ASSERT_TRUE(newer.has_value());
  EXPECT_EQ(**newer, "v2");
  EXPECT_EQ(runs, 2);
  ASSERT_TRUE(cache.answer(2, "industry", counted(runs, "i2")).has_value());
  EXPECT_EQ(cache.size(), 2u);
}

TEST(AnswerCacheTest, AReaderOfAnOlderVersionGetsItsOwnAnswerAndTheNewerStays) {
  AnswerCache cache(8, 1 << 20);
  std::atomic<int> runs = 0;
  ASSERT_TRUE(cache.answer(5, "report", counted(runs, "v5")).has_value());
  auto older = cache.answer(4, "report", counted(runs, "v4"));
  ASSERT_TRUE(older.has_value());
  EXPECT_EQ(**older, "v4");
  auto newer = cache.answer(5, "report", counted(runs, "not run"));
  ASSERT_TRUE(newer.has_value());
  EXPECT_EQ(**newer, "v5");
  EXPECT_EQ(runs, 2);
}

TEST(AnswerCacheTest, FailuresAndAnswersNotToKeepAreComputedAgain) {
  AnswerCache cache(8, 1 << 20);
  std::atomic<int> runs = 0;
  auto failed = cache.answer(1, "report", [&]() -> Result<ComputedAnswer> {
    ++runs;
    return fail(Status::io_error("disk"));
  });
  ASSERT_FALSE(failed.has_value());
  EXPECT_EQ(failed.error().code(), StatusCode::kIoError);
  auto unkept = cache.answer(1, "report", counted(runs, "mixed", /*keep=*/false));
  ASSERT_TRUE(unkept.has_value());
  EXPECT_EQ(**unkept, "mixed");
  auto kept = cache.answer(1, "report", counted(runs, "whole"));
  ASSERT_TRUE(kept.has_value());
  EXPECT_EQ(**kept, "whole");
  EXPECT_EQ(runs, 3);
  EXPECT_EQ(cache.size(), 1u);
}

TEST(AnswerCacheTest, ConcurrentAsksOfOneAnswerWaitForOneComputation) {
  AnswerCache cache(8, 1 << 20);
  std::atomic<int> runs = 0;
  std::promise<void> go;
  std::shared_future<void> started = go.get_future().share();
  auto slow = [&]() -> Result<ComputedAnswer> {
    ++runs;
    std::this_thread::sleep_for(100ms);
    return ComputedAnswer{"slow", true};
  };
  std::vector<std::future<std::string>> askers;
  for (int i = 0; i < 8; ++i) {
    askers.push_back(std::async(std::launch::async, [&] {
      started.wait();
      auto text = cache.answer(7, "report", slow);
      return text ? **text : std::string("error");
    }));
  }
  go.set_value();
  for (auto& asker : askers) EXPECT_EQ(asker.get(), "slow");
  EXPECT_EQ(runs, 1);
}

TEST(AnswerCacheTest, TheOldestAnswersGoBeyondTheBounds) {
  AnswerCache by_count(2, 1 << 20);
  std::atomic<int> runs = 0;
  for (const char* key : {"a", "b", "c"}) {
    ASSERT_TRUE(by_count.answer(1, key, counted(runs, key)).has_value());
  }
  EXPECT_EQ(by_count.size(), 2u);
  ASSERT_TRUE(by_count.answer(1, "a", counted(runs, "a")).has_value());
  EXPECT_EQ(runs, 4);  // "a" went first

  AnswerCache by_bytes(100, 10);
  ASSERT_TRUE(by_bytes.answer(1, "x", counted(runs, "123456")).has_value());
  ASSERT_TRUE(by_bytes.answer(1, "y", counted(runs, "123456")).has_value());
  EXPECT_EQ(by_bytes.size(), 1u);
}

}  // namespace
}  // namespace zhizao::server
