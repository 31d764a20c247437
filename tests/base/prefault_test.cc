// prefault_for_writing is a hint: whatever the kernel does, the memory keeps its contents.
#include "base/prefault.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

namespace zhizao {
namespace {

TEST(Prefault, ContentsAreUnchangedWhetherOrNotTheKernelPopulates) {
  // 8 MiB plus a bit, not page-aligned at either end, half written before the call.
  std::vector<std::uint32_t> values((std::size_t{8} << 20) / sizeof(std::uint32_t) + 123);
  for (std::size_t i = 0; i < values.size() / 2; ++i) values[i] = static_cast<std::uint32_t>(i);
  prefault_for_writing(values.data() + 1, (values.size() - 2) * sizeof(std::uint32_t));
  prefault_for_writing_in_parallel(values.data() + 3, (values.size() - 5) * sizeof(std::uint32_t),
                                   3);
  for (std::size_t i = 0; i < values.size(); ++i) {
    ASSERT_EQ(values[i], i < values.size() / 2 ? static_cast<std::uint32_t>(i) : 0U) << i;
  }
}

TEST(Prefault, EmptyAndNullRangesAreIgnored) {
  prefault_for_writing(nullptr, 0);
  prefault_for_writing(nullptr, 4096);
  prefault_for_writing_in_parallel(nullptr, 0, 2);
  std::vector<char> one(1, 'x');
  prefault_for_writing_in_parallel(one.data(), 1, 4);
  EXPECT_EQ(one[0], 'x');
}

}  // namespace
}  // namespace zhizao
