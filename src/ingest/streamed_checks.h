// What the pass over streamed monthly files keeps across parts instead of their rows (issue 17):
// the rank of each enterprise code and a bit per enterprise and month already seen.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "base/year_month.h"
#include "ingest/parsed_file.h"
#include "store/stored_ids.h"

namespace zhizao::detail {

// The codes the monthly rows may name (stored, or in an enterprises file of the import), ranked
// in key order (bytewise, as the monthly key order and SQLite compare), and the unknown codes met,
// ranked after them in the order met. Not thread-safe.
class EnterpriseRanks {
 public:
  EnterpriseRanks(const StoredIds& stored, const std::vector<ParsedFile>& files);

  // The rank of `uscc`, adding it (as unknown) when new.
  std::uint32_t rank_of(std::string_view uscc);
  bool known(std::uint32_t rank) const { return rank < known_; }
  const std::string& uscc(std::uint32_t rank) const { return codes_[rank]; }
  std::size_t size() const { return codes_.size(); }

 private:
  std::deque<std::string> codes_;  // by rank; a deque, so that the map's views stay valid
  std::unordered_map<std::string_view, std::uint32_t> ranks_;
  std::size_t known_ = 0;
};

// The (enterprise rank, month) keys seen, a bit each in one bitmap per year (3.75 MB for 500,000
// enterprises × 60 months); the years after the first kMaxBitmapYears met (a file of scattered
// years) in a set of keys instead, so that a bitmap is never made per stray year. Not thread-safe.
class MonthsSeen {
 public:
  // Marks the key; true when it was marked already (a duplicate).
  bool mark(std::uint32_t rank, YearMonth period);

 private:
  static constexpr std::size_t kMaxBitmapYears = 64;
  std::unordered_map<int, std::vector<std::uint64_t>> years_;
  std::unordered_set<std::uint64_t> other_years_;
};

}  // namespace zhizao::detail
