// Fuzz target: the decoder of stored year blocks (store/month_block.h), the bytes a damaged or
// foreign database file hands it. Input: two bytes of the `present` mask (big-endian), one year
// byte, then the blob. Invariants: a refused block is kCorruption with a message naming the key;
// an accepted one holds exactly the months of the mask, and putting its months into a new block
// gives back the same mask and the same bytes (the format has one encoding per content).
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "fuzz_support.h"
#include "store/month_block.h"

namespace {

using zhizao::detail::YearBlock;
using zhizao::fuzz::check;

constexpr const char* kUscc = "91410300MA44A0001A";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  zhizao::fuzz::FuzzInput input(data, size);
  const int64_t present = (int64_t{input.byte()} << 8) | input.byte();
  const int year = 2000 + input.byte();
  std::string_view rest = input.rest();
  std::span<const unsigned char> blob(reinterpret_cast<const unsigned char*>(rest.data()),
                                      rest.size());
  zhizao::Result<YearBlock> block = YearBlock::decode(kUscc, year, present, blob);
  if (!block) {
    check(block.error().code() == zhizao::StatusCode::kCorruption, "damage is kCorruption");
    check(block.error().message().find(kUscc) != std::string::npos, "the message names the key");
    return 0;
  }
  check(block->present() == present, "the mask is kept");
  std::vector<zhizao::MonthlyRecord> records;
  block->append_records(kUscc, year, records);
  YearBlock again;
  for (const zhizao::MonthlyRecord& record : records) {
    check(record.period.year == year && block->has(record.period.month), "months of the mask");
    again.put(record);
  }
  check(again.present() == block->present(), "re-encoding keeps the mask");
  check(std::equal(again.bytes().begin(), again.bytes().end(), blob.begin(), blob.end()),
        "re-encoding gives the same bytes");
  return 0;
}
