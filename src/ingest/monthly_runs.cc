#include "ingest/monthly_runs.h"

#include <algorithm>
#include <cstring>
#include <span>
#include <utility>

namespace zhizao::detail {
namespace {

// Months read from a run at a time: 16,384 × 72 bytes, 1.2 MB a run (a national file's 28 runs
// of a million months hold 33 MB of buffers while merged).
constexpr std::size_t kMonthsPerRead = std::size_t{1} << 14;

}  // namespace

SpilledMonth spilled(const MonthlyRecord& record, std::uint32_t rank, long line) {
  SpilledMonth month;
  month.line = line;
  month.rank = rank;
  month.period = record.period.index();
  month.in_scope = record.in_scope ? 1 : 0;
  month.values[0] = record.output;
  const std::optional<double>* optional[5] = {&record.value_added, &record.electricity,
                                              &record.output_prev, &record.value_added_prev,
                                              &record.electricity_prev};
  for (int i = 0; i < 5; ++i) {
    if (!optional[i]->has_value()) continue;
    month.values[i + 1] = **optional[i];
    month.present = static_cast<std::uint8_t>(month.present | (1U << i));
  }
  return month;
}

void fill_record(MonthlyRecord& record, const SpilledMonth& month, const std::string& uscc) {
  std::string code = std::move(record.uscc);
  code.assign(uscc);
  record = MonthlyRecord{};
  record.uscc = std::move(code);
  record.period = YearMonth::from_index(month.period);
  record.in_scope = month.in_scope != 0;
  record.output = month.values[0];
  std::optional<double>* optional[5] = {&record.value_added, &record.electricity,
                                        &record.output_prev, &record.value_added_prev,
                                        &record.electricity_prev};
  for (int i = 0; i < 5; ++i) {
    if ((month.present >> i) & 1U) *optional[i] = month.values[i + 1];
  }
}

Result<MonthlyRuns> MonthlyRuns::create(const std::string& dir) {
  // Written once, read back once: past the page cache (spill_file.h).
  Result<SpillFile> file = SpillFile::create(dir, SpillWrites::kPastPageCache);
  if (!file) return fail(file.error());
  return MonthlyRuns(*std::move(file));
}

KeyOrdering sort_by_key(std::vector<SpilledMonth>& months, std::vector<SpilledMonth>& scratch) {
  if (std::is_sorted(months.begin(), months.end())) return KeyOrdering::kAlreadyInOrder;
  struct Block {
    std::size_t begin = 0;
    std::size_t end = 0;
  };
  // A block ends where the enterprise changes or the order falls: blocks of two enterprises
  // never overlap, whatever their ranks (ascending runs across enterprises would).
  std::vector<Block> blocks;
  std::size_t begin = 0;
  for (std::size_t i = 1; i <= months.size(); ++i) {
    if (i < months.size() && months[i].rank == months[i - 1].rank && !(months[i] < months[i - 1])) {
      continue;
    }
    blocks.push_back({begin, i});
    begin = i;
    if (blocks.size() > months.size() / 4 + 1) {  // short blocks: a plain sort does better
      std::sort(months.begin(), months.end());
      return KeyOrdering::kSortedWhole;
    }
  }
  std::sort(blocks.begin(), blocks.end(),
            [&](const Block& a, const Block& b) { return months[a.begin] < months[b.begin]; });
  for (std::size_t b = 1; b < blocks.size(); ++b) {
    if (months[blocks[b].begin] < months[blocks[b - 1].end - 1]) {
      std::sort(months.begin(), months.end());
      return KeyOrdering::kSortedWhole;
    }
  }
  scratch.clear();
  scratch.reserve(months.size());
  for (const Block& block : blocks) {
    scratch.insert(scratch.end(), months.begin() + static_cast<std::ptrdiff_t>(block.begin),
                   months.begin() + static_cast<std::ptrdiff_t>(block.end));
  }
  months.swap(scratch);
  return KeyOrdering::kBlocksOrdered;
}

Status MonthlyRuns::add(std::vector<SpilledMonth>& months) {
  if (months.empty()) return Status::ok();
  sort_by_key(months, scratch_);
  if (spilled_ == 0) first_period_ = last_period_ = months.front().period;
  for (const SpilledMonth& month : months) {
    first_period_ = std::min(first_period_, month.period);
    last_period_ = std::max(last_period_, month.period);
  }
  const char* bytes = reinterpret_cast<const char*>(months.data());
  ZHIZAO_RETURN_IF_ERROR(file_.append({bytes, months.size() * sizeof(SpilledMonth)}));
  if (!runs_.empty() && last_ < months.front()) {
    runs_.back().size += months.size();
  } else {
    runs_.push_back({spilled_, months.size()});
  }
  spilled_ += months.size();
  if (last_ < months.back() || spilled_ == months.size()) last_ = months.back();
  return Status::ok();
}

Status MonthlyRuns::read(std::uint64_t first, std::vector<SpilledMonth>& buffer,
                         std::uint64_t end) const {
  const std::uint64_t last = std::min(end, spilled_);
  buffer.resize(static_cast<std::size_t>(std::min<std::uint64_t>(kMonthsPerRead, last - first)));
  std::span<char> out(reinterpret_cast<char*>(buffer.data()), buffer.size() * sizeof(SpilledMonth));
  Result<std::size_t> read = file_.read_at(first * sizeof(SpilledMonth), out);
  if (!read) return read.error();
  if (*read != out.size()) return Status::io_error("temporary file: shorter than written");
  // The disk reads the next piece while this one is used.
  const std::uint64_t next = first + buffer.size();
  const std::uint64_t ahead = std::min<std::uint64_t>(kMonthsPerRead, last - next);
  file_.will_read(next * sizeof(SpilledMonth), ahead * sizeof(SpilledMonth));
  return Status::ok();
}

MonthlyRuns::Merge::Merge(const MonthlyRuns& runs) : runs_(&runs) {
  for (const Run& run : runs.runs_) cursors_.push_back({run.first, run.first + run.size, {}, 0});
}

Status MonthlyRuns::Merge::refill(std::size_t c) {
  Cursor& cursor = cursors_[c];
  cursor.at = 0;
  cursor.buffer.clear();
  if (cursor.next >= cursor.end) return Status::ok();
  ZHIZAO_RETURN_IF_ERROR(runs_->read(cursor.next, cursor.buffer, cursor.end));
  cursor.next += cursor.buffer.size();
  return Status::ok();
}

Result<bool> MonthlyRuns::Merge::next(SpilledMonth& month) {
  // A min-heap of cursors by their current month (std::push_heap keeps the greatest first).
  auto after = [this](std::size_t a, std::size_t b) {
    return cursors_[b].head() < cursors_[a].head();
  };
  if (!started_) {
    started_ = true;
    for (std::size_t c = 0; c < cursors_.size(); ++c) {
      if (Status s = refill(c); !s.is_ok()) return fail(s);
      if (!cursors_[c].buffer.empty()) heap_.push_back(c);
    }
    std::make_heap(heap_.begin(), heap_.end(), after);
  }
  if (heap_.empty()) return false;
  std::pop_heap(heap_.begin(), heap_.end(), after);
  const std::size_t c = heap_.back();
  Cursor& cursor = cursors_[c];
  month = cursor.head();
  if (++cursor.at == cursor.buffer.size()) {
    if (Status s = refill(c); !s.is_ok()) return fail(s);
  }
  if (cursor.buffer.empty()) {
    heap_.pop_back();
  } else {
    std::push_heap(heap_.begin(), heap_.end(), after);
  }
  return true;
}

}  // namespace zhizao::detail
