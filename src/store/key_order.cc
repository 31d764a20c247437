#include "store/key_order.h"

#include <algorithm>
#include <numeric>
#include <string_view>

namespace zhizao::detail {
namespace {

// A stretch [begin, end) of one enterprise's rows with strictly ascending periods.
struct MonthRun {
  uint32_t begin = 0;
  uint32_t end = 0;
};

bool key_less(const MonthlyRecord& a, const MonthlyRecord& b) {
  // std::string_view compares with char_traits<char>, i.e. memcmp: unsigned bytes, like BINARY.
  int by_uscc = std::string_view(a.uscc).compare(b.uscc);
  if (by_uscc != 0) return by_uscc < 0;
  return a.period < b.period;
}

std::vector<MonthRun> ascending_runs(const std::vector<MonthlyRecord>& rows) {
  std::vector<MonthRun> runs;
  uint32_t begin = 0;
  for (uint32_t at = 1; at <= rows.size(); ++at) {
    if (at < rows.size() && rows[at].uscc == rows[at - 1].uscc &&
        rows[at - 1].period < rows[at].period) {
      continue;
    }
    runs.push_back({begin, at});
    begin = at;
  }
  return runs;
}

std::vector<uint32_t> sorted_positions(const std::vector<MonthlyRecord>& rows) {
  std::vector<uint32_t> order(rows.size());
  std::iota(order.begin(), order.end(), 0U);
  std::stable_sort(order.begin(), order.end(),
                   [&](uint32_t a, uint32_t b) { return key_less(rows[a], rows[b]); });
  return order;
}

}  // namespace

std::vector<uint32_t> monthly_key_order(const std::vector<MonthlyRecord>& rows) {
  if (rows.empty()) return {};
  std::vector<MonthRun> runs = ascending_runs(rows);
  std::stable_sort(runs.begin(), runs.end(), [&](const MonthRun& a, const MonthRun& b) {
    return key_less(rows[a.begin], rows[b.begin]);
  });
  // Runs in key order of their first rows give the key order only if no run reaches past the
  // start of the next one (the same enterprise split into interleaved runs); else sort it all.
  for (size_t r = 1; r < runs.size(); ++r) {
    if (!key_less(rows[runs[r - 1].end - 1], rows[runs[r].begin])) return sorted_positions(rows);
  }
  std::vector<uint32_t> order;
  order.reserve(rows.size());
  for (const MonthRun& run : runs) {
    for (uint32_t at = run.begin; at < run.end; ++at) order.push_back(at);
  }
  return order;
}

std::vector<uint32_t> enterprise_key_order(const std::vector<Enterprise>& rows) {
  std::vector<uint32_t> order(rows.size());
  std::iota(order.begin(), order.end(), 0U);
  std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    return std::string_view(rows[a].uscc) < std::string_view(rows[b].uscc);
  });
  return order;
}

std::span<const uint32_t> monthly_key_order(const SourcedBatch& batch,
                                            std::vector<uint32_t>& scratch) {
  if (batch.monthly_order.size() == batch.rows.monthly.size()) return batch.monthly_order;
  scratch = monthly_key_order(batch.rows.monthly);
  return scratch;
}

}  // namespace zhizao::detail
