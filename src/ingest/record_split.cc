#include "ingest/record_split.h"

#include <algorithm>
#include <iterator>
#include <thread>
#include <utility>

#include "base/prefault.h"
#include "base/text.h"
#include "ingest/released_pages.h"

namespace zhizao::detail {
namespace {

// How many line feeds after the middle are tried before giving up on a split.
constexpr int kSplitCandidates = 1000;

// Vectors from which the room the appended rows go to is prefaulted on both cores first
// (base/prefault.h): a national file's second half of records is 1.9 GB.
constexpr std::size_t kPrefaultFromBytes = std::size_t{64} << 20;

template <typename Record>
void append_vector(std::vector<Record>& to, std::vector<Record>&& from) {
  if (from.empty()) return;
  if (to.empty()) {
    to = std::move(from);
    return;
  }
  const std::size_t incoming = from.size() * sizeof(Record);
  if (to.capacity() - to.size() >= from.size() && incoming >= kPrefaultFromBytes) {
    prefault_for_writing_in_parallel(to.data() + to.size(), incoming,
                                     std::max(1U, std::thread::hardware_concurrency()));
  }
  to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

}  // namespace

std::optional<size_t> find_split_point(std::string_view text, size_t body) {
  if (body >= text.size() || text.size() - body < kParallelParseMinBytes) return std::nullopt;
  size_t middle = body + (text.size() - body) / 2;
  size_t quotes = count_byte(text.substr(body, middle - body), '"');
  size_t from = middle;
  for (int tried = 0; tried < kSplitCandidates; ++tried) {
    size_t feed = text.find('\n', from);
    if (feed == std::string_view::npos || feed + 1 >= text.size()) return std::nullopt;
    quotes += count_byte(text.substr(from, feed - from), '"');
    if (quotes % 2 == 0) return feed + 1;
    from = feed + 1;
  }
  return std::nullopt;
}

long line_at(std::string_view text, size_t offset) {
  return 1 + static_cast<long>(count_byte(text.substr(0, offset), '\n'));
}

void append_monthly_part(ParsedFile& file, std::vector<MonthlyRecord>&& rows,
                         std::vector<long>&& lines) {
  std::vector<MonthlyRecord>& to = file.rows.monthly;
  // The parts are small, but together they are the later half (see kPrefaultFromBytes).
  if (!to.empty() && to.capacity() - to.size() >= rows.size()) {
    prefault_for_writing_in_parallel(to.data() + to.size(), rows.size() * sizeof(MonthlyRecord),
                                     std::max(1U, std::thread::hardware_concurrency()));
  }
  append_vector(to, std::move(rows));
  append_vector(file.lines, std::move(lines));
  // Freed parts this small stay in malloc's arena (glibc returns blocks under its mmap threshold,
  // at most 32 MB, to the system only from the top of a heap): their pages are given back first,
  // else the later half's 1.9 GB stayed resident after the join.
  rows.clear();
  lines.clear();
  release_unused_capacity(rows);
  release_unused_capacity(lines);
  std::vector<MonthlyRecord>().swap(rows);
  std::vector<long>().swap(lines);
}

void append_parsed(ParsedFile& file, ParsedFile&& later) {
  Dataset& to = file.rows;
  Dataset& from = later.rows;
  append_vector(to.enterprises, std::move(from.enterprises));
  append_vector(to.monthly, std::move(from.monthly));
  append_vector(to.deflators, std::move(from.deflators));
  append_vector(to.va_ratios, std::move(from.va_ratios));
  append_vector(to.parks, std::move(from.parks));
  append_vector(to.chains, std::move(from.chains));
  append_vector(to.projects, std::move(from.projects));
  append_vector(to.project_progress, std::move(from.project_progress));
  append_vector(to.region_groups, std::move(from.region_groups));
  append_vector(to.electricity_daily, std::move(from.electricity_daily));
  append_vector(to.products, std::move(from.products));
  append_vector(to.product_output, std::move(from.product_output));
  append_vector(to.targets, std::move(from.targets));
  append_vector(to.campaigns, std::move(from.campaigns));
  append_vector(to.assignments, std::move(from.assignments));
  append_vector(to.visits, std::move(from.visits));
  append_vector(to.cases, std::move(from.cases));
  append_vector(file.stated_units, std::move(later.stated_units));
  append_vector(file.lines, std::move(later.lines));
  file.records += later.records;
  file.findings.errors.append(std::move(later.findings.errors));
  file.findings.warnings.append(std::move(later.findings.warnings));
}

}  // namespace zhizao::detail
