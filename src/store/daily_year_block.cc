#include "store/daily_year_block.h"

#include <fmt/format.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>

namespace zhizao::detail {
namespace {

// Days before each month in a leap year.
constexpr std::array<int, 12> kLeapDaysBefore = {0,   31,  60,  91,  121, 152,
                                                 182, 213, 244, 274, 305, 335};

constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();

}  // namespace

int day_slot(int month, int day) {
  return kLeapDaysBefore[static_cast<size_t>(month - 1)] + day - 1;
}

DailyYearBlock::DailyYearBlock() { kwh_.fill(kMissing); }

std::optional<double> DailyYearBlock::at(int slot) const {
  double value = kwh_[static_cast<size_t>(slot)];
  if (std::isnan(value)) return std::nullopt;
  return value;
}

void DailyYearBlock::set(int slot, std::optional<double> kwh) {
  kwh_[static_cast<size_t>(slot)] = kwh.value_or(kMissing);
}

int DailyYearBlock::days() const {
  int count = 0;
  for (double value : kwh_) count += std::isnan(value) ? 0 : 1;
  return count;
}

std::vector<unsigned char> DailyYearBlock::encode() const {
  size_t used = kwh_.size();
  while (used > 0 && std::isnan(kwh_[used - 1])) --used;
  std::vector<unsigned char> bytes(used * 8);
  for (size_t s = 0; s < used; ++s) {
    double value = std::isnan(kwh_[s]) ? kMissing : kwh_[s];
    auto bits = std::bit_cast<uint64_t>(value);
    for (size_t b = 0; b < 8; ++b) bytes[s * 8 + b] = static_cast<unsigned char>(bits >> (8 * b));
  }
  return bytes;
}

Result<DailyYearBlock> DailyYearBlock::decode(std::string_view uscc, int year, long days,
                                              std::span<const unsigned char> blob) {
  auto corrupt = [&](std::string_view why) {
    return fail(
        Status::corruption(fmt::format("daily electricity block {}|{}: {}", uscc, year, why)));
  };
  if (blob.size() % 8 != 0 || blob.size() > kDailyBlockMaxBytes) {
    return corrupt(fmt::format("{} bytes", blob.size()));
  }
  DailyYearBlock block;
  for (size_t s = 0; s < blob.size() / 8; ++s) {
    uint64_t bits = 0;
    for (size_t b = 0; b < 8; ++b) bits |= static_cast<uint64_t>(blob[s * 8 + b]) << (8 * b);
    auto value = std::bit_cast<double>(bits);
    if (std::isnan(value)) continue;
    if (std::isinf(value) || value < 0) return corrupt("a reading is negative or infinite");
    block.kwh_[s] = value;
  }
  if (block.days() != days) return corrupt("the count of days disagrees with the readings");
  return block;
}

}  // namespace zhizao::detail
