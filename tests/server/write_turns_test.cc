// write_turns: one mutex per database path, the same for every caller of that path.
#include "server/write_turns.h"

#include <gtest/gtest.h>

#include <future>
#include <vector>

namespace zhizao::server {
namespace {

TEST(WriteTurnsTest, OneMutexPerDatabasePath) {
  std::mutex& first = write_turns("/no/such/turns-a.db");
  EXPECT_EQ(&write_turns("/no/such/turns-a.db"), &first);
  EXPECT_NE(&write_turns("/no/such/turns-b.db"), &first);
  // Asked from many threads at once: still one.
  std::vector<std::future<std::mutex*>> askers;
  for (int i = 0; i < 8; ++i) {
    askers.push_back(
        std::async(std::launch::async, [] { return &write_turns("/no/such/turns-c.db"); }));
  }
  std::mutex* shared = askers.front().get();
  for (std::size_t i = 1; i < askers.size(); ++i) EXPECT_EQ(askers[i].get(), shared);
}

}  // namespace
}  // namespace zhizao::server
