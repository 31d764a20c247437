// The year block: how the monthly records of one enterprise and one year are stored, as one row
// of table monthly_year (uscc, year, present, months). One row per enterprise-year instead of one
// per month makes a national import (30 million monthly records) insert 2.5 million rows: SQLite
// spends about 0.8 µs on each row it inserts whatever its size (docs/performance.md).
//
// Layout of `months` (docs/formats.md, "Storage"): month m (1..12) occupies bytes
// [(m - 1) * kMonthSlotBytes, m * kMonthSlotBytes); the blob ends after the last stored month, and
// a month not stored inside it is all zero bytes. A slot is one flag byte and six IEEE 754 binary64
// values, big-endian: output, value_added, electricity, output_prev, value_added_prev,
// electricity_prev (a missing optional value is stored as zero bytes and flagged absent). Flags:
// bit 0 the month is stored, bit 1 in scope (规上), bits 2..6 value_added .. electricity_prev
// present. `present` has bit m - 1 set for each stored month. Big-endian so that the view
// `monthly` (monthly_view_sql) can decode the values in plain SQL, hex digit by hex digit, for
// any SQLite client built with the math functions (power(); SQLite's default build since 3.35,
// and Debian's).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "domain/records.h"

namespace zhizao::detail {

inline constexpr std::size_t kMonthSlotBytes = 49;  // 1 flag byte + 6 × 8 value bytes
inline constexpr std::size_t kYearBlockMaxBytes = 12 * kMonthSlotBytes;

// The encoded months of one year of one enterprise. Value type; not thread-safe.
class YearBlock {
 public:
  YearBlock() = default;

  // Stores `record` at its month, replacing what the month held. The caller keeps uscc and year.
  void put(const MonthlyRecord& record);
  // Whether month m (1..12) is stored.
  bool has(int month) const { return (present_ >> (month - 1)) & 1U; }
  // The record of a stored month, with `uscc` and `year` as given. Precondition: has(month).
  MonthlyRecord month(std::string_view uscc, int year, int month) const;
  // Appends the stored months, in month order, to `records`.
  void append_records(std::string_view uscc, int year, std::vector<MonthlyRecord>& records) const;

  // The stored months as a mask (bit m - 1 for month m) and the encoded blob.
  uint16_t present() const { return present_; }
  std::span<const unsigned char> bytes() const { return {bytes_, size_}; }
  bool empty() const { return present_ == 0; }

  // Reads a stored block. Errors: kCorruption when the blob's length, flags or mask disagree
  // (a damaged or foreign file); the message names the key.
  static Result<YearBlock> decode(std::string_view uscc, int year, int64_t present,
                                  std::span<const unsigned char> blob);

 private:
  uint16_t present_ = 0;
  std::size_t size_ = 0;
  unsigned char bytes_[kYearBlockMaxBytes] = {};
};

// The SQL that creates the view `monthly` (uscc, year, month, output, value_added, electricity,
// output_prev, value_added_prev, electricity_prev, in_scope) over monthly_year, decoding the
// blocks with core SQL functions and power() only (SQLITE_ENABLE_MATH_FUNCTIONS, on in SQLite's
// default build and Debian's), so that the sqlite3 shell or Python reads the monthly records as
// the table they were before migration 5.
std::string monthly_view_sql();

}  // namespace zhizao::detail
