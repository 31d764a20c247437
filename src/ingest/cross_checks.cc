#include "ingest/cross_checks.h"

#include <fmt/format.h>

#include <algorithm>
#include <compare>
#include <cstdint>
#include <functional>
#include <numeric>
#include <string_view>
#include <thread>
#include <tuple>
#include <type_traits>
#include <unordered_set>

#include "base/text.h"
#include "ingest/daily_electricity_rows.h"
#include "ingest/v2_cross_checks.h"
#include "store/key_order.h"

namespace zhizao::detail {
namespace {

// The key of each kind as a comparable tuple, a hash of it, and text for messages.
auto key_of(const Enterprise& e) { return std::tie(e.uscc); }
auto key_of(const MonthlyRecord& m) { return std::tie(m.uscc, m.period); }
auto key_of(const Deflator& d) { return std::tie(d.division, d.period); }
auto key_of(const ValueAddedRatio& r) { return std::tie(r.division, r.year); }
auto key_of(const Park& p) { return std::tie(p.id); }
auto key_of(const Chain& c) { return std::tie(c.id); }
auto key_of(const Project& p) { return std::tie(p.id); }
auto key_of(const ProjectProgress& p) { return std::tie(p.project_id, p.period); }
auto key_of(const RegionGroup& g) { return std::tie(g.id); }

size_t hash_text(std::string_view text) { return std::hash<std::string_view>{}(text); }
size_t hash_pair(std::string_view text, int number) {
  // boost::hash_combine's mixing step.
  size_t seed = hash_text(text);
  return seed ^ (static_cast<size_t>(number) + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2));
}
size_t key_hash(const Enterprise& e) { return hash_text(e.uscc); }
size_t key_hash(const MonthlyRecord& m) { return hash_pair(m.uscc, m.period.index()); }
size_t key_hash(const Deflator& d) { return hash_pair(d.division, d.period.index()); }
size_t key_hash(const ValueAddedRatio& r) { return hash_pair(r.division, r.year); }
size_t key_hash(const Park& p) { return hash_text(p.id); }
size_t key_hash(const Chain& c) { return hash_text(c.id); }
size_t key_hash(const Project& p) { return hash_text(p.id); }
size_t key_hash(const ProjectProgress& p) { return hash_pair(p.project_id, p.period.index()); }
size_t key_hash(const RegionGroup& g) { return hash_text(g.id); }

std::string key_text(const Enterprise& e) { return e.uscc; }
std::string key_text(const MonthlyRecord& m) { return m.uscc + "|" + m.period.to_string(); }
std::string key_text(const Deflator& d) { return d.division + "|" + d.period.to_string(); }
std::string key_text(const ValueAddedRatio& r) { return fmt::format("{}|{}", r.division, r.year); }
std::string key_text(const Park& p) { return p.id; }
std::string key_text(const Chain& c) { return c.id; }
std::string key_text(const Project& p) { return p.id; }
std::string key_text(const ProjectProgress& p) { return p.project_id + "|" + p.period.to_string(); }
std::string key_text(const RegionGroup& g) { return g.id; }

// A row of one of the files, with the hash of its key.
struct HashedRow {
  size_t hash;
  uint32_t file;
  uint32_t row;
  auto operator<=>(const HashedRow&) const = default;
};

void report_duplicate(std::vector<ParsedFile>& files, FileKind kind, const HashedRow& earlier,
                      const HashedRow& later, const std::string& key) {
  long earlier_line = files[earlier.file].lines[earlier.row];
  std::string where = earlier.file == later.file
                          ? fmt::format("first on line {}", earlier_line)
                          : fmt::format("first in {}:{}", files[earlier.file].name, earlier_line);
  ParsedFile& file = files[later.file];
  file.findings.errors.push_back(
      {file.lines[later.row], std::string(file.header.column_header(kind, 0)),
       fmt::format("duplicate key \"{}\" ({})", shorten_for_message(key), where)});
}

// Records from which strictly_increasing checks the two halves on two threads.
constexpr size_t kParallelCheckFrom = size_t{1} << 20;

// True when the keys of records[begin, end) strictly increase.
template <typename Record>
bool increasing_between(const std::vector<Record>& records, size_t begin, size_t end) {
  for (size_t r = begin + 1; r < end; ++r) {
    if (!(key_of(records[r - 1]) < key_of(records[r]))) return false;
  }
  return true;
}

// True when the keys of `records` strictly increase: then no two are equal. Files written by a
// program (a national export) come sorted, and this check is linear where the hash sort is not.
// A national file's 28 million records are checked in halves on two cores (memory-bound: each
// comparison reads two records and their codes).
template <typename Record>
bool strictly_increasing(const std::vector<Record>& records) {
  if (records.size() < kParallelCheckFrom || std::thread::hardware_concurrency() < 2) {
    return increasing_between(records, 0, records.size());
  }
  const size_t middle = records.size() / 2;
  bool second_half = false;
  {
    std::jthread second(
        [&] { second_half = increasing_between(records, middle - 1, records.size()); });
    if (!increasing_between(records, 0, middle)) return false;
  }
  return second_half;
}

// True when the monthly records of `file`, taken in key order, have strictly increasing keys:
// then no two are equal. The key order of a file made of one run per enterprise (how national
// files come) costs O(n + r log r), where the hash sort below took 7 s at 28 million rows; the
// file keeps it for the writer and the snapshot update when the keys are distinct.
bool distinct_in_key_order(ParsedFile& file) {
  const std::vector<MonthlyRecord>& records = file.rows.monthly;
  KeysDistinct distinct = KeysDistinct::kUnknown;
  std::vector<uint32_t> order = monthly_key_order(records, &distinct);
  if (distinct != KeysDistinct::kYes) {
    for (size_t r = 1; r < order.size(); ++r) {
      if (!(key_of(records[order[r - 1]]) < key_of(records[order[r]]))) return false;
    }
  }
  file.monthly_order = std::move(order);
  return true;
}

// Sorts the rows of every file of `kind` by key hash, then file, then row (30M monthly rows sort
// as integers, not strings), and reports each row whose key an earlier row has.
template <typename Record>
void check_kind(std::vector<ParsedFile>& files, FileKind kind,
                std::vector<Record> Dataset::*member) {
  ParsedFile* only = nullptr;
  size_t of_kind = 0;
  for (ParsedFile& file : files) {
    if (file.kind != kind) continue;
    ++of_kind;
    only = &file;
  }
  if (of_kind == 0) return;
  if (of_kind == 1 && strictly_increasing(only->rows.*member)) {
    if constexpr (std::is_same_v<Record, MonthlyRecord>) {
      // File order is key order: the writer and the snapshot update need not work it out again.
      only->monthly_order.resize(only->rows.monthly.size());
      std::iota(only->monthly_order.begin(), only->monthly_order.end(), 0U);
    }
    return;
  }
  if constexpr (std::is_same_v<Record, MonthlyRecord>) {
    if (of_kind == 1 && distinct_in_key_order(*only)) return;
  }
  std::vector<HashedRow> rows;
  for (size_t f = 0; f < files.size(); ++f) {
    if (files[f].kind != kind) continue;
    const std::vector<Record>& records = files[f].rows.*member;
    for (size_t r = 0; r < records.size(); ++r) {
      rows.push_back({key_hash(records[r]), static_cast<uint32_t>(f), static_cast<uint32_t>(r)});
    }
  }
  std::sort(rows.begin(), rows.end());
  auto record = [&](const HashedRow& row) -> const Record& {
    return (files[row.file].rows.*member)[row.row];
  };
  for (size_t start = 0; start < rows.size();) {
    size_t end = start + 1;
    while (end < rows.size() && rows[end].hash == rows[start].hash) ++end;
    // Equal hashes are rare and their runs short: compare the keys pairwise.
    for (size_t i = start + 1; i < end; ++i) {
      for (size_t j = start; j < i; ++j) {
        if (key_of(record(rows[j])) != key_of(record(rows[i]))) continue;
        report_duplicate(files, kind, rows[j], rows[i], key_text(record(rows[i])));
        break;
      }
    }
    start = end;
  }
}

using IdSet = std::unordered_set<std::string_view>;

// The ids in `stored` and those of `member` in every file of `kind`.
template <typename Record, typename IdOf>
IdSet known_ids(const std::vector<ParsedFile>& files, const std::vector<std::string>& stored,
                FileKind kind, std::vector<Record> Dataset::*member, IdOf id_of) {
  IdSet ids;
  ids.reserve(stored.size());
  for (const std::string& id : stored) ids.insert(id);
  for (const ParsedFile& file : files) {
    if (file.kind != kind) continue;
    for (const Record& r : file.rows.*member) ids.insert(id_of(r));
  }
  return ids;
}

void report_unknown(ParsedFile& file, size_t row, int column, std::string_view what,
                    std::string_view id) {
  file.findings.errors.push_back(
      {file.lines[row], std::string(file.header.column_header(*file.kind, column)),
       fmt::format("unknown {}: \"{}\"", what, shorten_for_message(id))});
}

}  // namespace

void check_duplicate_keys(std::vector<ParsedFile>& files) {
  check_kind(files, FileKind::kEnterprises, &Dataset::enterprises);
  check_kind(files, FileKind::kMonthly, &Dataset::monthly);
  check_kind(files, FileKind::kDeflators, &Dataset::deflators);
  check_kind(files, FileKind::kValueAddedRatios, &Dataset::va_ratios);
  check_kind(files, FileKind::kParks, &Dataset::parks);
  check_kind(files, FileKind::kChains, &Dataset::chains);
  check_kind(files, FileKind::kProjects, &Dataset::projects);
  check_kind(files, FileKind::kProjectProgress, &Dataset::project_progress);
  check_kind(files, FileKind::kRegionGroups, &Dataset::region_groups);
  check_daily_electricity_keys(files);
  check_v2_duplicate_keys(files);
}

void check_references(std::vector<ParsedFile>& files, const StoredIds& stored) {
  IdSet enterprises =
      known_ids(files, stored.enterprises, FileKind::kEnterprises, &Dataset::enterprises,
                [](const Enterprise& e) -> std::string_view { return e.uscc; });
  check_daily_electricity_references(files, enterprises);
  IdSet projects = known_ids(files, stored.projects, FileKind::kProjects, &Dataset::projects,
                             [](const Project& p) -> std::string_view { return p.id; });
  IdSet parks = known_ids(files, stored.parks, FileKind::kParks, &Dataset::parks,
                          [](const Park& p) -> std::string_view { return p.id; });
  IdSet chains = known_ids(files, stored.chains, FileKind::kChains, &Dataset::chains,
                           [](const Chain& c) -> std::string_view { return c.id; });
  for (ParsedFile& file : files) {
    const Dataset& rows = file.rows;
    for (size_t i = 0; i < rows.enterprises.size(); ++i) {
      const Enterprise& e = rows.enterprises[i];
      if (!e.park.empty() && !parks.contains(e.park)) {
        report_unknown(file, i, enterprise_col::kPark, "park", e.park);
      }
      for (const std::string& chain : e.chains) {
        if (!chains.contains(chain))
          report_unknown(file, i, enterprise_col::kChains, "chain", chain);
      }
    }
    // A monthly file holds an enterprise's months together: look each code up once per run.
    const std::string* known = nullptr;
    for (size_t i = 0; i < rows.monthly.size(); ++i) {
      const std::string& uscc = rows.monthly[i].uscc;
      if (known != nullptr && *known == uscc) continue;
      if (!enterprises.contains(uscc)) {
        report_unknown(file, i, monthly_col::kUscc, "enterprise", uscc);
        continue;
      }
      known = &uscc;
    }
    for (size_t i = 0; i < rows.projects.size(); ++i) {
      const Project& p = rows.projects[i];
      if (!p.park.empty() && !parks.contains(p.park)) {
        report_unknown(file, i, project_col::kPark, "park", p.park);
      }
      if (!p.chain.empty() && !chains.contains(p.chain)) {
        report_unknown(file, i, project_col::kChain, "chain", p.chain);
      }
    }
    for (size_t i = 0; i < rows.project_progress.size(); ++i) {
      const std::string& id = rows.project_progress[i].project_id;
      if (!projects.contains(id)) report_unknown(file, i, progress_col::kId, "project", id);
    }
  }
  check_v2_references(files, stored, KnownIds{enterprises, parks, chains});
}

}  // namespace zhizao::detail
