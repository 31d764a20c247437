#include "engine/indexed_dataset.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string_view>
#include <unordered_map>

namespace zhizao::detail {
namespace {

constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();

double or_missing(const std::optional<double>& value) { return value ? *value : kMissing; }

std::optional<double> present(double value) {
  if (std::isnan(value)) return std::nullopt;
  return value;
}

// Sets `field` (empty) to `value` unless it is NaN. Writes the value and the flag in place: an
// optional built as a temporary and copied in was stored as 8 + 1 bytes and loaded back as 16,
// which the CPU cannot forward from the two stores, and those stalls were most of record()'s
// time in a national report.
void set_present(std::optional<double>& field, double value) {
  if (!std::isnan(value)) field.emplace(value);
}

}  // namespace

std::optional<double> IndexedDataset::DivisionTable::at(int slot, int key) const {
  if (slot < 0 || key < first || key >= first + count) return std::nullopt;
  return present(values[static_cast<std::size_t>(slot) * static_cast<std::size_t>(count) +
                        static_cast<std::size_t>(key - first)]);
}

IndexedDataset::IndexedDataset(const Dataset& dataset) : dataset_(dataset) {
  build_columns();
  index_divisions();
}

IndexedDataset::IndexedDataset(const Dataset& tables, const MonthlyColumns& columns)
    : dataset_(tables), columns_(columns) {
  index_divisions();
}

void IndexedDataset::build_columns() {
  const std::size_t count = dataset_.enterprises.size();
  std::unordered_map<std::string_view, std::size_t> index;
  index.reserve(count);
  for (std::size_t i = 0; i < count; ++i) index.emplace(dataset_.enterprises[i].uscc, i);
  int first = 0;
  int last = -1;
  for (const MonthlyRecord& record : dataset_.monthly) {
    if (!index.contains(record.uscc)) continue;
    int month = record.period.index();
    if (last < first) {
      first = last = month;
    } else {
      first = std::min(first, month);
      last = std::max(last, month);
    }
  }
  columns_.first_month = first;
  columns_.months = last - first + 1;
  columns_.enterprises = count;
  const std::size_t cells = static_cast<std::size_t>(columns_.months) * count;
  owned_presence_.assign(cells, RecordPresence::kNone);
  for (auto& column : owned_values_) column.assign(cells, kMissing);
  for (const MonthlyRecord& record : dataset_.monthly) {
    auto found = index.find(record.uscc);
    if (found == index.end()) continue;
    auto at = static_cast<std::size_t>(columns_.offset(record.period.index(), found->second));
    owned_presence_[at] = record.in_scope ? RecordPresence::kInScope : RecordPresence::kOutOfScope;
    owned_values_[0][at] = record.output;
    owned_values_[1][at] = or_missing(record.value_added);
    owned_values_[2][at] = or_missing(record.electricity);
    owned_values_[3][at] = or_missing(record.output_prev);
    owned_values_[4][at] = or_missing(record.value_added_prev);
    owned_values_[5][at] = or_missing(record.electricity_prev);
  }
  columns_.presence = owned_presence_.data();
  for (std::size_t c = 0; c < kMonthlyColumnCount; ++c)
    columns_.values[c] = owned_values_[c].data();
}

void IndexedDataset::index_divisions() {
  // Divisions named by a ratio or a PPI row get a slot; an enterprise of another division has
  // neither, whatever its code.
  std::unordered_map<std::string_view, int> slots;
  auto slot_of = [&](const std::string& division) {
    return slots.emplace(division, static_cast<int>(slots.size())).first->second;
  };
  auto span_of = [](DivisionTable& table, int low, int high) {
    table.first = low;
    table.count = high >= low ? high - low + 1 : 0;
  };
  int low = 0, high = -1;
  for (const ValueAddedRatio& ratio : dataset_.va_ratios) {
    slot_of(ratio.division);
    low = high < low ? ratio.year : std::min(low, ratio.year);
    high = std::max(high, ratio.year);
  }
  span_of(ratios_, low, high);
  low = 0, high = -1;
  for (const Deflator& deflator : dataset_.deflators) {
    slot_of(deflator.division);
    int month = deflator.period.index();
    low = high < low ? month : std::min(low, month);
    high = std::max(high, month);
  }
  span_of(ppis_, low, high);
  ratios_.values.assign(slots.size() * static_cast<std::size_t>(ratios_.count), kMissing);
  ppis_.values.assign(slots.size() * static_cast<std::size_t>(ppis_.count), kMissing);
  // In file order, so that of two rows for one key the later one wins, as before.
  for (const ValueAddedRatio& ratio : dataset_.va_ratios) {
    auto at = static_cast<std::size_t>(slots[ratio.division]) * ratios_.count +
              static_cast<std::size_t>(ratio.year - ratios_.first);
    ratios_.values[at] = ratio.ratio;
  }
  for (const Deflator& deflator : dataset_.deflators) {
    auto at = static_cast<std::size_t>(slots[deflator.division]) * ppis_.count +
              static_cast<std::size_t>(deflator.period.index() - ppis_.first);
    ppis_.values[at] = deflator.ppi;
  }
  division_slot_.resize(dataset_.enterprises.size());
  for (std::size_t i = 0; i < dataset_.enterprises.size(); ++i) {
    auto found = slots.find(dataset_.enterprises[i].division);
    division_slot_[i] = found == slots.end() ? -1 : found->second;
  }
}

std::optional<MonthlyRecord> IndexedDataset::record(std::size_t enterprise, YearMonth month) const {
  std::ptrdiff_t at = columns_.offset(month.index(), enterprise);
  if (at < 0 || columns_.presence[at] == RecordPresence::kNone) return std::nullopt;
  // Every cell is read before the record is written: the compiler cannot tell that the record
  // does not alias the columns, and with reads and writes interleaved it built the record on the
  // stack and copied it.
  std::array<double, kMonthlyColumnCount> cells;
  for (std::size_t c = 0; c < kMonthlyColumnCount; ++c) cells[c] = columns_.values[c][at];
  bool in_scope = columns_.presence[at] == RecordPresence::kInScope;
  std::optional<MonthlyRecord> record(std::in_place);
  record->period = month;
  record->in_scope = in_scope;
  record->output = cells[0];
  set_present(record->value_added, cells[1]);
  set_present(record->electricity, cells[2]);
  set_present(record->output_prev, cells[3]);
  set_present(record->value_added_prev, cells[4]);
  set_present(record->electricity_prev, cells[5]);
  return record;
}

void IndexedDataset::prefetch(std::size_t enterprise, YearMonth first, YearMonth last) const {
  for (int month = first.index(); month <= last.index(); ++month) {
    std::ptrdiff_t at = columns_.offset(month, enterprise);
    if (at < 0) continue;
    __builtin_prefetch(columns_.presence + at);
    for (const double* column : columns_.values) __builtin_prefetch(column + at);
  }
}

bool IndexedDataset::has_record(std::size_t enterprise, YearMonth month) const {
  std::ptrdiff_t at = columns_.offset(month.index(), enterprise);
  return at >= 0 && columns_.presence[at] != RecordPresence::kNone;
}

bool IndexedDataset::has_record_in_scope(std::size_t enterprise, YearMonth month) const {
  std::ptrdiff_t at = columns_.offset(month.index(), enterprise);
  return at >= 0 && columns_.presence[at] == RecordPresence::kInScope;
}

std::optional<double> IndexedDataset::ratio(std::size_t enterprise, int year) const {
  return ratios_.at(division_slot_[enterprise], year);
}

std::optional<double> IndexedDataset::ppi(std::size_t enterprise, YearMonth month) const {
  return ppis_.at(division_slot_[enterprise], month.index());
}

}  // namespace zhizao::detail
