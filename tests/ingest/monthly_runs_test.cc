#include "ingest/monthly_runs.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <vector>

namespace zhizao::detail {
namespace {

// `months` months of enterprise `rank` from period 100 on, their lines from `first_line` on.
std::vector<SpilledMonth> spilled_block(std::uint32_t rank, int months, std::int64_t first_line) {
  std::vector<SpilledMonth> block;
  for (int m = 0; m < months; ++m) {
    SpilledMonth month;
    month.rank = rank;
    month.period = 100 + m;
    month.line = first_line + m;
    month.values[0] = rank * 1000.0 + m;
    block.push_back(month);
  }
  return block;
}

// The lines of `months` in their order: the line tells each month apart.
std::vector<std::int64_t> spilled_lines(const std::vector<SpilledMonth>& months) {
  std::vector<std::int64_t> lines;
  for (const SpilledMonth& m : months) lines.push_back(m.line);
  return lines;
}

// sort_by_key's order must be std::sort's, whatever the layout of the part; `how` is the way it
// is expected to get there.
void expect_sorted_as_std_sort(std::vector<SpilledMonth> months, KeyOrdering how) {
  std::vector<SpilledMonth> expected = months;
  std::sort(expected.begin(), expected.end());
  std::vector<SpilledMonth> scratch;
  EXPECT_EQ(sort_by_key(months, scratch), how);
  EXPECT_EQ(spilled_lines(months), spilled_lines(expected));
  for (std::size_t i = 0; i < months.size(); ++i) {
    EXPECT_EQ(months[i].values[0], expected[i].values[0]) << i;
  }
}

TEST(SortByKeyTest, EnterprisesTogetherInAnyOrderComeOutInKeyOrder) {
  std::vector<std::uint32_t> ranks(200);
  for (std::uint32_t r = 0; r < ranks.size(); ++r) ranks[r] = r;
  std::mt19937 shuffle(17);
  std::shuffle(ranks.begin(), ranks.end(), shuffle);
  std::vector<SpilledMonth> months;
  std::int64_t line = 2;
  for (std::uint32_t rank : ranks) {
    std::vector<SpilledMonth> block = spilled_block(rank, 12, line);
    months.insert(months.end(), block.begin(), block.end());
    line += 12;
  }
  expect_sorted_as_std_sort(months, KeyOrdering::kBlocksOrdered);
}

TEST(SortByKeyTest, InterleavedMonthsOfAnEnterpriseAndShortBlocksAreSortedWhole) {
  // Enterprise 7's months split around enterprise 3's: its later months follow its earlier ones,
  // so the blocks still fall in order.
  std::vector<SpilledMonth> split = spilled_block(7, 6, 2);
  std::vector<SpilledMonth> other = spilled_block(3, 6, 8);
  std::vector<SpilledMonth> rest = spilled_block(7, 6, 14);
  for (SpilledMonth& m : rest) m.period += 6;
  split.insert(split.end(), other.begin(), other.end());
  std::vector<SpilledMonth> interleaved = split;
  split.insert(split.end(), rest.begin(), rest.end());
  expect_sorted_as_std_sort(split, KeyOrdering::kBlocksOrdered);
  // Its later months between its earlier ones: the blocks overlap once in order.
  for (SpilledMonth& m : rest) m.period -= 3;
  interleaved.insert(interleaved.end(), rest.begin(), rest.end());
  expect_sorted_as_std_sort(interleaved, KeyOrdering::kSortedWhole);
  // Month after month: every block one record long.
  std::vector<SpilledMonth> by_month;
  for (int m = 0; m < 12; ++m) {
    for (std::uint32_t rank : {5U, 1U, 9U, 4U}) {
      SpilledMonth month = spilled_block(rank, 1, 2 + m * 4 + static_cast<int>(rank))[0];
      month.period = 100 + m;
      by_month.push_back(month);
    }
  }
  expect_sorted_as_std_sort(by_month, KeyOrdering::kSortedWhole);
}

TEST(SortByKeyTest, SortedEmptyAndSingleParts) {
  expect_sorted_as_std_sort(spilled_block(4, 24, 2), KeyOrdering::kAlreadyInOrder);
  expect_sorted_as_std_sort({}, KeyOrdering::kAlreadyInOrder);
  expect_sorted_as_std_sort(spilled_block(4, 1, 2), KeyOrdering::kAlreadyInOrder);
  // The same key twice (a duplicate row), told apart by its line.
  std::vector<SpilledMonth> twice = spilled_block(4, 1, 9);
  twice.push_back(spilled_block(4, 1, 3)[0]);
  expect_sorted_as_std_sort(twice, KeyOrdering::kSortedWhole);
}

}  // namespace
}  // namespace zhizao::detail
