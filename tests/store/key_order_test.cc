// The storing order of an import batch: key order, stable, whatever the file order.
#include "store/key_order.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <random>
#include <string>
#include <tuple>

namespace zhizao::detail {
namespace {

MonthlyRecord month(std::string uscc, int year, int m) {
  MonthlyRecord row;
  row.uscc = std::move(uscc);
  row.period = {year, m};
  return row;
}

TEST(MonthlyKeyOrder, RunsOfEnterprisesInFileOrderComeOutInKeyOrder) {
  // The shape of a national file: enterprise after enterprise, USCCs unsorted.
  std::vector<MonthlyRecord> rows = {month("B", 2021, 1), month("B", 2021, 2), month("A", 2021, 1),
                                     month("A", 2021, 2), month("C", 2020, 12)};
  EXPECT_EQ(monthly_key_order(rows), (std::vector<uint32_t>{2, 3, 0, 1, 4}));
}

TEST(MonthlyKeyOrder, InterleavedRunsOfOneEnterpriseAreSortedInFull) {
  // A's months split around B's: the runs' first rows alone would put A-2021-03 before A-2021-02.
  std::vector<MonthlyRecord> rows = {month("A", 2021, 1), month("A", 2021, 3), month("B", 2021, 1),
                                     month("A", 2021, 2)};
  EXPECT_EQ(monthly_key_order(rows), (std::vector<uint32_t>{0, 3, 1, 2}));
}

TEST(MonthlyKeyOrder, MonthsOutOfOrderAndEqualKeysKeepFileOrder) {
  std::vector<MonthlyRecord> rows = {month("A", 2021, 2), month("A", 2021, 1), month("A", 2021, 2),
                                     month("A", 2020, 12)};
  EXPECT_EQ(monthly_key_order(rows), (std::vector<uint32_t>{3, 1, 0, 2}));
}

TEST(MonthlyKeyOrder, BytesCompareUnsignedLikeSqliteBinary) {
  // 0xC3 sorts after 'Z' in SQLite's BINARY collation; signed char comparison would invert it.
  std::vector<MonthlyRecord> rows = {month("\xC3\x89", 2021, 1), month("Z", 2021, 1)};
  EXPECT_EQ(monthly_key_order(rows), (std::vector<uint32_t>{1, 0}));
}

TEST(MonthlyKeyOrder, CodesLongerThanTheComparedPrefixOrOfOtherLengths) {
  // Runs are sorted on the codes' first 24 bytes; ties there fall back to the whole code.
  const std::string prefix(24, 'M');
  std::vector<MonthlyRecord> rows = {month(prefix + "B", 2021, 1), month(prefix + "A", 2021, 1),
                                     month(prefix, 2021, 1),       month("MM", 2021, 1),
                                     month("M", 2021, 1),          month(prefix + "A", 2020, 1)};
  EXPECT_EQ(monthly_key_order(rows), (std::vector<uint32_t>{4, 3, 2, 5, 1, 0}));
}

TEST(MonthlyKeyOrder, AgreesWithAStableSortOnRandomFiles) {
  std::mt19937 random(7);
  for (int trial = 0; trial < 200; ++trial) {
    std::vector<MonthlyRecord> rows;
    const int enterprises = 1 + static_cast<int>(random() % 6);
    for (int e = 0; e < enterprises; ++e) {
      const std::string uscc(1 + random() % 3, static_cast<char>('A' + random() % 3));
      int m = 1 + static_cast<int>(random() % 3);
      for (int n = static_cast<int>(random() % 4); n > 0; --n) {
        rows.push_back(month(uscc, 2021, m));
        m += static_cast<int>(random() % 3);  // repeats, gaps and ascents
        if (m > 12) m = 1;
      }
    }
    std::vector<uint32_t> expected(rows.size());
    std::iota(expected.begin(), expected.end(), 0U);
    std::stable_sort(expected.begin(), expected.end(), [&](uint32_t a, uint32_t b) {
      return std::tie(rows[a].uscc, rows[a].period) < std::tie(rows[b].uscc, rows[b].period);
    });
    KeysDistinct distinct = KeysDistinct::kUnknown;
    ASSERT_EQ(monthly_key_order(rows, &distinct), expected) << "trial " << trial;
    bool all_distinct = true;
    for (size_t r = 1; r < expected.size(); ++r) {
      const MonthlyRecord& a = rows[expected[r - 1]];
      const MonthlyRecord& b = rows[expected[r]];
      if (a.uscc == b.uscc && a.period == b.period) all_distinct = false;
    }
    // kYes is a promise; kUnknown may be said of distinct keys too (after a full sort).
    if (distinct == KeysDistinct::kYes) {
      EXPECT_TRUE(all_distinct) << "trial " << trial;
    }
  }
}

TEST(MonthlyKeyOrder, AFileOfMonthAfterMonthIsOrderedAndKnownDistinct) {
  // Every enterprise's January, then every February: runs of one row, ranked not sorted.
  std::vector<MonthlyRecord> rows;
  for (int m = 1; m <= 3; ++m) {
    for (const char* uscc : {"C", "A", "D", "B"}) rows.push_back(month(uscc, 2021, m));
  }
  KeysDistinct distinct = KeysDistinct::kUnknown;
  EXPECT_EQ(monthly_key_order(rows, &distinct),
            (std::vector<uint32_t>{1, 5, 9, 3, 7, 11, 0, 4, 8, 2, 6, 10}));
  EXPECT_EQ(distinct, KeysDistinct::kYes);
  rows.push_back(month("B", 2021, 2));  // a repeated key: still ordered, not distinct
  EXPECT_EQ(monthly_key_order(rows, &distinct),
            (std::vector<uint32_t>{1, 5, 9, 3, 7, 12, 11, 0, 4, 8, 2, 6, 10}));
  EXPECT_EQ(distinct, KeysDistinct::kUnknown);
}

TEST(MonthlyKeyOrder, EmptyAndSingleRow) {
  EXPECT_TRUE(monthly_key_order({}).empty());
  EXPECT_EQ(monthly_key_order({month("A", 2021, 1)}), (std::vector<uint32_t>{0}));
}

TEST(MonthlyKeyOrder, BatchOrderIsUsedWhenItHasOneEntryPerRow) {
  SourcedBatch batch{"m.csv", {}};
  batch.rows.monthly = {month("B", 2021, 1), month("A", 2021, 1)};
  batch.monthly_order = {1, 0};
  std::vector<uint32_t> scratch;
  std::span<const uint32_t> order = monthly_key_order(batch, scratch);
  EXPECT_EQ(order.data(), batch.monthly_order.data());  // the batch's, not a copy
  EXPECT_TRUE(scratch.empty());
}

TEST(MonthlyKeyOrder, BatchWithoutOrderOrWithAStaleOneIsSorted) {
  SourcedBatch batch{"m.csv", {}};
  batch.rows.monthly = {month("B", 2021, 1), month("A", 2021, 1), month("A", 2020, 1)};
  std::vector<uint32_t> scratch;
  std::span<const uint32_t> order = monthly_key_order(batch, scratch);
  EXPECT_EQ(std::vector<uint32_t>(order.begin(), order.end()), (std::vector<uint32_t>{2, 1, 0}));
  batch.monthly_order = {1, 0};  // of fewer rows than the batch holds: not used
  order = monthly_key_order(batch, scratch);
  EXPECT_EQ(std::vector<uint32_t>(order.begin(), order.end()), (std::vector<uint32_t>{2, 1, 0}));
}

TEST(EnterpriseKeyOrder, SortsByUsccStably) {
  std::vector<Enterprise> rows(3);
  rows[0].uscc = "B";
  rows[1].uscc = "A";
  rows[2].uscc = "B";
  EXPECT_EQ(enterprise_key_order(rows), (std::vector<uint32_t>{1, 0, 2}));
}

}  // namespace
}  // namespace zhizao::detail
