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

#include <zlib.h>

namespace zhizao::server {
namespace {

using namespace std::chrono_literals;

// A computation that counts its runs and answers `text`.
std::function<Result<ComputedAnswer>()> counted(std::atomic<int>& runs, std::string text,
                                                AnswerUse use = AnswerUse::kKeep) {
  return [&runs, text, use]() -> Result<ComputedAnswer> {
    ++runs;
    return ComputedAnswer{text, use};
  };
}

// The text of an answer given, "" when none.
std::string text_of(const Result<GivenAnswer>& given) {
  return given && given->answer ? given->answer->text() : std::string();
}

TEST(AnswerCacheTest, AnAnswerIsComputedOncePerVersion) {
  AnswerCache cache(8, 1 << 20);
  std::atomic<int> runs = 0;
  auto first = cache.answer(1, "report", counted(runs, "v1"));
  auto again = cache.answer(1, "report", counted(runs, "other"));
  ASSERT_TRUE(first.has_value());
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(text_of(first), "v1");
  EXPECT_EQ(text_of(again), "v1");
  EXPECT_EQ(runs, 1);
  // A newer version computes again, and the answers of the older one go.
  auto newer = cache.answer(2, "report", counted(runs, "v2"));
  ASSERT_TRUE(newer.has_value());
  EXPECT_EQ(text_of(newer), "v2");
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
  EXPECT_EQ(text_of(older), "v4");
  auto newer = cache.answer(5, "report", counted(runs, "not run"));
  ASSERT_TRUE(newer.has_value());
  EXPECT_EQ(text_of(newer), "v5");
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
  auto unkept = cache.answer(1, "report", counted(runs, "mixed", AnswerUse::kGiveOnce));
  ASSERT_TRUE(unkept.has_value());
  EXPECT_EQ(text_of(unkept), "mixed");
  auto kept = cache.answer(1, "report", counted(runs, "whole"));
  ASSERT_TRUE(kept.has_value());
  EXPECT_EQ(text_of(kept), "whole");
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
    return ComputedAnswer{"slow", AnswerUse::kKeep};
  };
  std::vector<std::future<std::string>> askers;
  for (int i = 0; i < 8; ++i) {
    askers.push_back(std::async(std::launch::async, [&] {
      started.wait();
      auto text = cache.answer(7, "report", slow);
      return text ? text_of(text) : std::string("error");
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

TEST(AnswerCacheTest, AComputationThatFindsItsInputBehindIsGivenAsSuchToItsWaiters) {
  AnswerCache cache(8, 1 << 20);
  std::atomic<int> runs = 0;
  std::promise<void> entered;
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  auto behind = [&]() -> Result<ComputedAnswer> {
    ++runs;
    entered.set_value();
    released.wait();
    return ComputedAnswer{"", AnswerUse::kComputeAgain};
  };
  auto first = std::async(std::launch::async, [&] { return cache.answer(3, "report", behind); });
  entered.get_future().wait();
  // Asks the same key and version while `behind` runs: waits for it, gets its outcome.
  auto waiter = std::async(std::launch::async,
                           [&] { return cache.answer(3, "report", counted(runs, "not run")); });
  std::this_thread::sleep_for(50ms);
  release.set_value();
  for (Result<GivenAnswer> given : {first.get(), waiter.get()}) {
    ASSERT_TRUE(given.has_value());
    EXPECT_EQ(given->outcome, AnswerOutcome::kInputBehind);
    EXPECT_EQ(given->answer, nullptr);
  }
  EXPECT_EQ(cache.size(), 0u);
  // Not kept: the next ask computes.
  auto again = cache.answer(3, "report", counted(runs, "current"));
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->outcome, AnswerOutcome::kAnswered);
  EXPECT_EQ(text_of(again), "current");
  // A reader of an older version whose own computation finds its input behind: the same outcome.
  auto older = cache.answer(2, "report", [&]() -> Result<ComputedAnswer> {
    return ComputedAnswer{"", AnswerUse::kComputeAgain};
  });
  ASSERT_TRUE(older.has_value());
  EXPECT_EQ(older->outcome, AnswerOutcome::kInputBehind);
  EXPECT_EQ(runs, 2);
}

TEST(AnswerCacheTest, AKeptAnswerIsGzippedOnceAndInflatesToItsText) {
  std::string text;
  for (int i = 0; i < 2000; ++i)
    text += "{\"period\": \"2021-04\", \"value\": " + std::to_string(i) + "},\n";
  KeptAnswer answer(text);
  const std::string* gzipped = answer.gzipped();
  ASSERT_NE(gzipped, nullptr);
  EXPECT_EQ(answer.gzipped(), gzipped);  // made once, the same bytes again
  ASSERT_GE(gzipped->size(), 18u);
  // RFC 1952: magic 1f 8b, method 8 (deflate).
  EXPECT_EQ(static_cast<unsigned char>((*gzipped)[0]), 0x1f);
  EXPECT_EQ(static_cast<unsigned char>((*gzipped)[1]), 0x8b);
  EXPECT_EQ((*gzipped)[2], 8);
  EXPECT_LT(gzipped->size(), text.size() / 4);
  z_stream stream{};
  ASSERT_EQ(inflateInit2(&stream, 16 + 15), Z_OK);
  std::string inflated(text.size() + 16, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(gzipped->data()));
  stream.avail_in = static_cast<uInt>(gzipped->size());
  stream.next_out = reinterpret_cast<Bytef*>(inflated.data());
  stream.avail_out = static_cast<uInt>(inflated.size());
  EXPECT_EQ(inflate(&stream, Z_FINISH), Z_STREAM_END);
  inflated.resize(stream.total_out);
  inflateEnd(&stream);
  EXPECT_EQ(inflated, text);
}

TEST(AnswerCacheTest, EachShelfOfADatabaseIsACacheOfItsOwn) {
  const std::string path = "/no/such/answer-cache-shelves.db";
  AnswerCache& figures = answer_cache(path);
  AnswerCache& months = answer_cache(path, AnswerShelf::kEnterpriseMonths);
  EXPECT_NE(&figures, &months);
  EXPECT_EQ(&figures, &answer_cache(path, AnswerShelf::kFigures));
  EXPECT_EQ(&months, &answer_cache(path, AnswerShelf::kEnterpriseMonths));
  std::atomic<int> runs = 0;
  ASSERT_TRUE(months.answer(1, "months\nX", counted(runs, "m")).has_value());
  EXPECT_EQ(months.size(), 1u);
  EXPECT_EQ(figures.size(), 0u);
}

}  // namespace
}  // namespace zhizao::server
