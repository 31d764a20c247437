#include "store/month_block.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <optional>

#include <fmt/format.h>

namespace zhizao::detail {
namespace {

constexpr unsigned kStored = 1U << 0;
constexpr unsigned kInScope = 1U << 1;
constexpr unsigned kFirstOptionalBit = 2;
constexpr int kValuesPerMonth = 6;  // output and the five optional values
constexpr unsigned kKnownFlags = (1U << (kFirstOptionalBit + kValuesPerMonth - 1)) - 1;

// The optional values of a record in slot order (after output).
std::array<const std::optional<double>*, kValuesPerMonth - 1> optionals(const MonthlyRecord& r) {
  return {&r.value_added, &r.electricity, &r.output_prev, &r.value_added_prev, &r.electricity_prev};
}
std::array<std::optional<double>*, kValuesPerMonth - 1> optionals(MonthlyRecord& r) {
  return {&r.value_added, &r.electricity, &r.output_prev, &r.value_added_prev, &r.electricity_prev};
}

void store_value(unsigned char* at, double value) {
  uint64_t bits = std::bit_cast<uint64_t>(value);
  if constexpr (std::endian::native == std::endian::little) bits = __builtin_bswap64(bits);
  std::memcpy(at, &bits, sizeof bits);
}

double load_value(const unsigned char* at) {
  uint64_t bits = 0;
  std::memcpy(&bits, at, sizeof bits);
  if constexpr (std::endian::native == std::endian::little) bits = __builtin_bswap64(bits);
  return std::bit_cast<double>(bits);
}

}  // namespace

void YearBlock::put(const MonthlyRecord& record) {
  const std::size_t slot = static_cast<std::size_t>(record.period.month - 1) * kMonthSlotBytes;
  unsigned char* at = bytes_ + slot;
  unsigned flags = kStored | (record.in_scope ? kInScope : 0U);
  store_value(at + 1, record.output);
  auto values = optionals(record);
  for (std::size_t v = 0; v < values.size(); ++v) {
    const std::optional<double>& value = *values[v];
    store_value(at + 9 + 8 * v, value ? *value : 0.0);
    if (value) flags |= 1U << (kFirstOptionalBit + v);
  }
  at[0] = static_cast<unsigned char>(flags);
  present_ = static_cast<uint16_t>(present_ | (1U << (record.period.month - 1)));
  size_ = std::max(size_, slot + kMonthSlotBytes);
}

MonthlyRecord YearBlock::month(std::string_view uscc, int year, int month) const {
  const unsigned char* at = bytes_ + static_cast<std::size_t>(month - 1) * kMonthSlotBytes;
  MonthlyRecord record;
  record.uscc = std::string(uscc);
  record.period = {year, month};
  record.in_scope = (at[0] & kInScope) != 0;
  record.output = load_value(at + 1);
  auto values = optionals(record);
  for (std::size_t v = 0; v < values.size(); ++v) {
    if (at[0] & (1U << (kFirstOptionalBit + v))) *values[v] = load_value(at + 9 + 8 * v);
  }
  return record;
}

void YearBlock::append_records(std::string_view uscc, int year,
                               std::vector<MonthlyRecord>& records) const {
  for (int m = 1; m <= 12; ++m) {
    if (has(m)) records.push_back(month(uscc, year, m));
  }
}

Result<YearBlock> YearBlock::decode(std::string_view uscc, int year, int64_t present,
                                    std::span<const unsigned char> blob) {
  auto damaged = [&](std::string_view why) {
    return fail(Status::corruption(
        fmt::format("stored months of {} in {} are damaged: {}", uscc, year, why)));
  };
  if (present <= 0 || present >= (1 << 12)) return damaged("no months or a month past 12");
  if (blob.size() % kMonthSlotBytes != 0 || blob.size() > kYearBlockMaxBytes) {
    return damaged(fmt::format("{} bytes", blob.size()));
  }
  const auto mask = static_cast<uint16_t>(present);
  if (blob.size() != static_cast<std::size_t>(std::bit_width(mask)) * kMonthSlotBytes) {
    return damaged("length and months disagree");
  }
  YearBlock block;
  block.present_ = mask;
  block.size_ = blob.size();
  if (!blob.empty()) std::memcpy(block.bytes_, blob.data(), blob.size());
  // Strict: zero bytes wherever nothing is stored, so that a block re-encodes to its own bytes
  // and any other byte is damage, not data.
  for (int m = 1; m <= 12; ++m) {
    const std::size_t slot = static_cast<std::size_t>(m - 1) * kMonthSlotBytes;
    if (slot >= blob.size()) break;
    const unsigned char* at = block.bytes_ + slot;
    const unsigned flags = at[0];
    if ((flags & ~kKnownFlags) != 0 || ((flags & kStored) != 0) != block.has(m)) {
      return damaged(fmt::format("flags of month {}", m));
    }
    for (int v = 0; v < kValuesPerMonth; ++v) {
      const bool held = (flags & kStored) != 0 && (v == 0 || (flags & (1U << (1 + v))) != 0);
      if (held) continue;
      const unsigned char* value = at + 1 + 8 * v;
      if (std::any_of(value, value + 8, [](unsigned char b) { return b != 0; })) {
        return damaged(fmt::format("bytes of an empty value in month {}", m));
      }
    }
    if ((flags & kStored) == 0 && flags != 0) return damaged(fmt::format("flags of month {}", m));
  }
  return block;
}

}  // namespace zhizao::detail
