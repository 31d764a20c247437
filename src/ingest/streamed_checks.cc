#include "ingest/streamed_checks.h"

#include <algorithm>

namespace zhizao::detail {

EnterpriseRanks::EnterpriseRanks(const StoredIds& stored, const std::vector<ParsedFile>& files) {
  std::vector<std::string_view> known(stored.enterprises.begin(), stored.enterprises.end());
  for (const ParsedFile& file : files) {
    if (file.kind != FileKind::kEnterprises) continue;
    for (const Enterprise& e : file.rows.enterprises) known.push_back(e.uscc);
  }
  std::sort(known.begin(), known.end());
  known.erase(std::unique(known.begin(), known.end()), known.end());
  ranks_.reserve(known.size());
  for (std::string_view code : known) {
    codes_.emplace_back(code);
    ranks_.emplace(codes_.back(), static_cast<std::uint32_t>(codes_.size() - 1));
  }
  known_ = codes_.size();
}

std::uint32_t EnterpriseRanks::rank_of(std::string_view uscc) {
  auto it = ranks_.find(uscc);
  if (it != ranks_.end()) return it->second;
  codes_.emplace_back(uscc);
  const auto rank = static_cast<std::uint32_t>(codes_.size() - 1);
  ranks_.emplace(codes_.back(), rank);
  return rank;
}

bool MonthsSeen::mark(std::uint32_t rank, YearMonth period) {
  auto year = years_.find(period.year);
  if (year == years_.end()) {
    if (years_.size() >= kMaxBitmapYears) {
      const std::uint64_t key =
          (std::uint64_t{rank} << 32) | static_cast<std::uint32_t>(period.index());
      return !other_years_.insert(key).second;
    }
    year = years_.emplace(period.year, std::vector<std::uint64_t>()).first;
  }
  std::vector<std::uint64_t>& bits = year->second;
  // The parsers keep only rows whose period they read, so the month is 1..12.
  const std::uint64_t bit = std::uint64_t{rank} * 12 + static_cast<std::uint64_t>(period.month - 1);
  const std::size_t word = static_cast<std::size_t>(bit / 64);
  if (word >= bits.size()) bits.resize(std::max(word + 1, bits.size() * 2), 0);
  const std::uint64_t mask = std::uint64_t{1} << (bit % 64);
  const bool seen = (bits[word] & mask) != 0;
  bits[word] |= mask;
  return seen;
}

}  // namespace zhizao::detail
