#include "store/key_order.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <numeric>
#include <string_view>
#include <unordered_map>

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

// The first 24 bytes of a code as three big-endian words (zero-padded), its length and the
// position of its record: comparing these compares the codes bytewise (as BINARY) whenever the
// words differ, without following each record's heap-allocated text. Sorting 500,000 runs by
// their first rows' codes in place jumped through 4 GB of records and texts (1.5 s).
struct RunKey {
  std::array<uint64_t, 3> words{};
  int period = 0;
  uint32_t run = 0;
};

RunKey run_key(const MonthlyRecord& first, uint32_t run) {
  RunKey key;
  std::array<unsigned char, 24> bytes{};
  std::memcpy(bytes.data(), first.uscc.data(), std::min(first.uscc.size(), bytes.size()));
  for (size_t w = 0; w < key.words.size(); ++w) {
    uint64_t word = 0;
    for (size_t b = 0; b < 8; ++b) word = (word << 8) | bytes[w * 8 + b];
    key.words[w] = word;
  }
  key.period = first.period.index();
  key.run = run;
  return key;
}

// Sorts `runs` by the key of their first rows, equal keys in file order.
void sort_runs(const std::vector<MonthlyRecord>& rows, std::vector<MonthRun>& runs) {
  std::vector<RunKey> keys;
  keys.reserve(runs.size());
  for (uint32_t r = 0; r < runs.size(); ++r) keys.push_back(run_key(rows[runs[r].begin], r));
  std::stable_sort(keys.begin(), keys.end(), [&](const RunKey& a, const RunKey& b) {
    if (a.words != b.words) return a.words < b.words;
    const MonthlyRecord& first_a = rows[runs[a.run].begin];
    const MonthlyRecord& first_b = rows[runs[b.run].begin];
    if (first_a.uscc.size() > 24 || first_b.uscc.size() > 24 ||
        first_a.uscc.size() != first_b.uscc.size()) {
      return key_less(first_a, first_b);  // the words tie: the rest or the length decides
    }
    return a.period < b.period;
  });
  std::vector<MonthRun> sorted;
  sorted.reserve(runs.size());
  for (const RunKey& key : keys) sorted.push_back(runs[key.run]);
  runs = std::move(sorted);
}

// Below this mean length of a run the runs are not worth sorting (monthly_key_order).
constexpr size_t kMinMeanRunLength = 4;

// The key order of any file, in linear time: each distinct code gets a dense id (a run of one
// code is looked up once), the ids are ranked by code, the rows are placed by rank with a stable
// counting sort, and each enterprise's rows are then sorted by period (stable; they are few, and
// usually in order already). A file that lists month after month (every enterprise's January,
// then every February: what concatenated monthly files look like) took 16 s at 28 million rows
// as one comparison sort of the positions. Sets `distinct` to kYes when no two keys are equal.
std::vector<uint32_t> ranked_positions(const std::vector<MonthlyRecord>& rows,
                                       KeysDistinct* distinct) {
  std::unordered_map<std::string_view, uint32_t> ids;
  std::vector<std::string_view> codes;
  std::vector<uint32_t> id_of(rows.size());
  std::vector<YearMonth> period_of(rows.size());
  for (size_t r = 0; r < rows.size(); ++r) {
    period_of[r] = rows[r].period;
    if (r > 0 && rows[r].uscc == rows[r - 1].uscc) {
      id_of[r] = id_of[r - 1];
      continue;
    }
    auto [found, added] = ids.try_emplace(rows[r].uscc, static_cast<uint32_t>(codes.size()));
    if (added) codes.emplace_back(rows[r].uscc);
    id_of[r] = found->second;
  }
  std::vector<uint32_t> by_code(codes.size());
  std::iota(by_code.begin(), by_code.end(), 0U);
  // std::string_view compares as memcmp: unsigned bytes, like BINARY. The codes are distinct.
  std::sort(by_code.begin(), by_code.end(),
            [&](uint32_t a, uint32_t b) { return codes[a] < codes[b]; });
  std::vector<uint32_t> rank(codes.size());
  for (uint32_t k = 0; k < by_code.size(); ++k) rank[by_code[k]] = k;
  std::vector<uint32_t> start(codes.size() + 1, 0);
  for (size_t r = 0; r < rows.size(); ++r) ++start[rank[id_of[r]] + 1];
  for (size_t k = 1; k < start.size(); ++k) start[k] += start[k - 1];
  std::vector<uint32_t> order(rows.size());
  std::vector<uint32_t> next(start.begin(), start.end() - 1);
  for (size_t r = 0; r < rows.size(); ++r) order[next[rank[id_of[r]]]++] = static_cast<uint32_t>(r);
  bool all_distinct = true;
  auto by_period = [&](uint32_t a, uint32_t b) { return period_of[a] < period_of[b]; };
  for (size_t k = 0; k + 1 < start.size(); ++k) {
    auto first = order.begin() + start[k];
    auto last = order.begin() + start[k + 1];
    if (!std::is_sorted(first, last, by_period)) std::stable_sort(first, last, by_period);
    for (auto at = first; all_distinct && at + 1 < last; ++at) {
      if (period_of[*at] == period_of[*(at + 1)]) all_distinct = false;
    }
  }
  if (distinct != nullptr && all_distinct) *distinct = KeysDistinct::kYes;
  return order;
}

}  // namespace

std::vector<uint32_t> monthly_key_order(const std::vector<MonthlyRecord>& rows,
                                        KeysDistinct* distinct) {
  if (distinct != nullptr) *distinct = KeysDistinct::kUnknown;
  if (rows.empty()) return {};
  std::vector<MonthRun> runs = ascending_runs(rows);
  // Runs of a month or two (a file listing month after month): sorting them costs more than
  // ranking the enterprises, and their ends would overlap anyway.
  if (runs.size() > rows.size() / kMinMeanRunLength) return ranked_positions(rows, distinct);
  sort_runs(rows, runs);
  // Runs in key order of their first rows give the key order only if no run reaches past the
  // start of the next one (the same enterprise split into interleaved runs); else sort it all.
  for (size_t r = 1; r < runs.size(); ++r) {
    if (!key_less(rows[runs[r - 1].end - 1], rows[runs[r].begin])) {
      return ranked_positions(rows, distinct);
    }
  }
  // Each run ascends strictly and ends below the next one's start: every key is distinct.
  if (distinct != nullptr) *distinct = KeysDistinct::kYes;
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
