// MonthlyColumns: the monthly records of a dataset as columns, enterprise × month, the layout the
// engine reads (issue 3). Month-major: every column holds `months` blocks of `enterprises` values,
// block s for the month first_month + s, so a report touches only the blocks of its window's
// months and of the years before. The engine builds one from a Dataset; the columnar snapshot
// (src/columnar) maps one from a file.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

namespace zhizao {

// Whether an enterprise has a record of a month, and whether it was in scope (规上) then.
enum class RecordPresence : std::uint8_t { kNone = 0, kOutOfScope = 1, kInScope = 2 };

// The measures of a MonthlyRecord, one column each; a missing optional value is NaN (a stored
// value is always finite: SQLite stores no NaN and the importer refuses non-numbers).
enum class MonthlyColumn {
  kOutput = 0,
  kValueAdded,
  kElectricity,
  kOutputPrev,
  kValueAddedPrev,
  kElectricityPrev
};
inline constexpr std::size_t kMonthlyColumnCount = 6;

// An enterprise's figures of the cumulative window from January to one month, stored per (month,
// enterprise) beside the columns (engine/running_figures.h says what they are and how they keep
// the bits). 56 bytes with no implicit padding, so a written cell is the same bytes whoever
// writes it.
struct RunningFigures {
  // Σ current and Σ previous of value added (comparable prices), output and electricity.
  std::array<double, 6> sums{};
  std::array<std::uint8_t, 3> pairs{};  // comparable pairs per measure (at most 12 a year)
  std::uint8_t months_in_scope = 0;     // months from January with an in-scope record
  std::uint8_t flags = 0;               // kAtCurrentPrices | kLacksValueAdded
  std::array<std::uint8_t, 3> unused{};

  static constexpr std::uint8_t kAtCurrentPrices = 1;
  static constexpr std::uint8_t kLacksValueAdded = 2;
};
static_assert(sizeof(RunningFigures) == 56);

// A read-only view; whoever made it owns the memory and keeps it alive while the view is used.
// Enterprise e is enterprise number e of the Dataset the columns go with.
struct MonthlyColumns {
  int first_month = 0;  // YearMonth::index() of block 0
  int months = 0;
  std::size_t enterprises = 0;
  const RecordPresence* presence = nullptr;                 // months × enterprises
  std::array<const double*, kMonthlyColumnCount> values{};  // each months × enterprises
  // months × enterprises running figures, or null when the columns carry none (built from a
  // Dataset, not a snapshot): the engine then sums the units.
  const RunningFigures* running = nullptr;

  // The offset of (month index, enterprise) in every column, or -1 when the month is outside.
  std::ptrdiff_t offset(int month_index, std::size_t enterprise) const {
    int block = month_index - first_month;
    if (block < 0 || block >= months) return -1;
    return static_cast<std::ptrdiff_t>(static_cast<std::size_t>(block) * enterprises + enterprise);
  }
  const double* column(MonthlyColumn which) const {
    return values[static_cast<std::size_t>(which)];
  }
};

}  // namespace zhizao
