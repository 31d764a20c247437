#include "engine/reporting_coverage.h"

#include <cstddef>
#include <span>

namespace zhizao {
namespace {

std::span<const RecordPresence> block_of(const MonthlyColumns& columns, int block) {
  return {columns.presence + static_cast<std::size_t>(block) * columns.enterprises,
          columns.enterprises};
}

bool reported(RecordPresence presence) { return presence != RecordPresence::kNone; }

long count_reported(std::span<const RecordPresence> month) {
  long count = 0;
  for (RecordPresence presence : month) count += reported(presence) ? 1 : 0;
  return count;
}

// The enterprises with a record in any month of `year` that the columns hold.
std::vector<bool> reporters_of_year(const MonthlyColumns& columns, int year) {
  std::vector<bool> out(columns.enterprises, false);
  for (int month = 1; month <= 12; ++month) {
    const int block = YearMonth{year, month}.index() - columns.first_month;
    if (block < 0 || block >= columns.months) continue;
    std::span<const RecordPresence> presence = block_of(columns, block);
    for (std::size_t e = 0; e < presence.size(); ++e) {
      if (reported(presence[e])) out[e] = true;
    }
  }
  return out;
}

}  // namespace

std::vector<MonthCoverage> reporting_coverage(const MonthlyColumns& columns, double threshold) {
  std::vector<MonthCoverage> out;
  int base_block = -1;  // the latest publishable block so far
  int fallback_year = 0;
  std::vector<bool> year_reporters;
  for (int block = 0; block < columns.months; ++block) {
    std::span<const RecordPresence> month = block_of(columns, block);
    const long reported_count = count_reported(month);
    if (reported_count == 0) continue;
    MonthCoverage entry;
    entry.period = YearMonth::from_index(columns.first_month + block);
    entry.reported = reported_count;
    // expected = |B ∪ R(m)| = |R(m)| + |B \ R(m)|.
    long missing = 0;
    if (base_block >= 0) {
      entry.base = YearMonth::from_index(columns.first_month + base_block);
      std::span<const RecordPresence> base = block_of(columns, base_block);
      for (std::size_t e = 0; e < month.size(); ++e) {
        missing += reported(base[e]) && !reported(month[e]) ? 1 : 0;
      }
    } else {
      if (year_reporters.empty() || fallback_year != entry.period.year) {
        fallback_year = entry.period.year;
        year_reporters = reporters_of_year(columns, fallback_year);
      }
      for (std::size_t e = 0; e < month.size(); ++e) {
        missing += year_reporters[e] && !reported(month[e]) ? 1 : 0;
      }
    }
    entry.expected = reported_count + missing;
    entry.coverage =
        100.0 * static_cast<double>(reported_count) / static_cast<double>(entry.expected);
    // Compared as integers scaled, not through the rounded quotient: 9 of 10 is 90% exactly.
    entry.publishable = 100.0 * static_cast<double>(reported_count) >=
                        threshold * static_cast<double>(entry.expected);
    // A January is no base: enterprises that report it with February have no January row, so
    // February would not expect them.
    if (entry.publishable && entry.period.month != 1) base_block = block;
    out.push_back(entry);
  }
  return out;
}

std::optional<YearMonth> latest_publishable(const std::vector<MonthCoverage>& months) {
  for (auto it = months.rbegin(); it != months.rend(); ++it) {
    if (it->publishable && it->period.month != 1) return it->period;
  }
  return std::nullopt;
}

bool has_records(const MonthlyColumns& columns, YearMonth month) {
  const int block = month.index() - columns.first_month;
  if (block < 0 || block >= columns.months) return false;
  for (RecordPresence presence : block_of(columns, block)) {
    if (reported(presence)) return true;
  }
  return false;
}

}  // namespace zhizao
