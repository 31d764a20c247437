#include "store/month_block.h"

#include <gtest/gtest.h>

#include <cstring>
#include <limits>
#include <vector>

namespace zhizao::detail {
namespace {

constexpr const char* kUscc = "91410300MA44A0001A";

MonthlyRecord month_of(int month, double output) {
  MonthlyRecord row;
  row.uscc = kUscc;
  row.period = {2021, month};
  row.output = output;
  return row;
}

TEST(YearBlock, RoundTripsEveryValueAndMissingOnes) {
  MonthlyRecord full = month_of(3, 1234.5);
  full.value_added = -0.1;
  full.electricity = std::numeric_limits<double>::denorm_min();
  full.output_prev = std::numeric_limits<double>::max();
  full.value_added_prev = 1.0 / 3.0;
  full.electricity_prev = 0.0;
  full.in_scope = false;
  MonthlyRecord sparse = month_of(11, 7.25);
  YearBlock block;
  block.put(full);
  block.put(sparse);
  EXPECT_TRUE(block.has(3));
  EXPECT_TRUE(block.has(11));
  EXPECT_FALSE(block.has(4));
  EXPECT_EQ(block.present(), (1u << 2) | (1u << 10));
  EXPECT_EQ(block.bytes().size(), 11 * kMonthSlotBytes);  // ends after the last stored month
  EXPECT_EQ(block.month(kUscc, 2021, 3), full);
  EXPECT_EQ(block.month(kUscc, 2021, 11), sparse);
  std::vector<MonthlyRecord> records;
  block.append_records(kUscc, 2021, records);
  EXPECT_EQ(records, (std::vector<MonthlyRecord>{full, sparse}));
}

TEST(YearBlock, PutReplacesTheMonth) {
  YearBlock block;
  MonthlyRecord first = month_of(1, 10);
  first.value_added = 2;
  block.put(first);
  MonthlyRecord second = month_of(1, 20);  // value_added now missing
  block.put(second);
  EXPECT_EQ(block.month(kUscc, 2021, 1), second);
  EXPECT_EQ(block.bytes().size(), kMonthSlotBytes);
}

TEST(YearBlock, ValuesAreBigEndianIeee754) {
  YearBlock block;
  block.put(month_of(1, 1.0));  // 0x3FF0000000000000
  std::span<const unsigned char> bytes = block.bytes();
  EXPECT_EQ(bytes[0], 0x03);  // stored, in scope, no optional value
  EXPECT_EQ(bytes[1], 0x3F);
  EXPECT_EQ(bytes[2], 0xF0);
  for (int i = 3; i <= 8; ++i) EXPECT_EQ(bytes[static_cast<size_t>(i)], 0) << i;
}

TEST(YearBlock, DecodeReadsWhatWasWritten) {
  YearBlock block;
  block.put(month_of(2, 5));
  block.put(month_of(7, 6));
  Result<YearBlock> decoded = YearBlock::decode(kUscc, 2021, block.present(), block.bytes());
  ASSERT_TRUE(decoded.has_value()) << decoded.error().to_string();
  EXPECT_EQ(decoded->month(kUscc, 2021, 7), month_of(7, 6));
  EXPECT_FALSE(decoded->has(1));
}

TEST(YearBlock, DecodeRefusesDamagedBlocks) {
  YearBlock block;
  block.put(month_of(2, 5));
  std::vector<unsigned char> bytes(block.bytes().begin(), block.bytes().end());
  auto refused = [&](int64_t present, std::span<const unsigned char> blob) {
    Result<YearBlock> decoded = YearBlock::decode(kUscc, 2021, present, blob);
    if (decoded.has_value()) return false;
    EXPECT_EQ(decoded.error().code(), StatusCode::kCorruption);
    EXPECT_NE(decoded.error().message().find(kUscc), std::string::npos);
    return true;
  };
  EXPECT_TRUE(refused(0, bytes));                                          // no month
  EXPECT_TRUE(refused(1 << 12, bytes));                                    // a 13th month
  EXPECT_TRUE(refused(1 << 0, bytes));                                     // mask says January
  EXPECT_TRUE(refused(1 << 1, std::span(bytes).first(bytes.size() - 1)));  // cut short
  std::vector<unsigned char> unflagged = bytes;
  unflagged[kMonthSlotBytes] = 0;  // February's slot not marked stored
  EXPECT_TRUE(refused(1 << 1, unflagged));
  std::vector<unsigned char> unknown_flag = bytes;
  unknown_flag[kMonthSlotBytes] |= 0x80;
  EXPECT_TRUE(refused(1 << 1, unknown_flag));
  EXPECT_FALSE(refused(1 << 1, bytes));
}

}  // namespace
}  // namespace zhizao::detail
