#include "columnar/snapshot_merge.h"

#include <sys/mman.h>

#include <algorithm>
#include <limits>
#include <string_view>

#include "store/key_order.h"

namespace zhizao::detail {
namespace {

// How much is written between two WritableColumns::release_written(): old months copied (about 28
// MB each at 500,000 enterprises), applied rows overlaid (in key order 2 million rows touch about
// 120 MB of pages). Each release costs a walk of the mapping's page table and the faults that map
// the pages in use again.
constexpr int kMonthsPerRelease = 8;
constexpr std::size_t kRowsPerRelease = std::size_t{1} << 21;

}  // namespace

WritableColumns::WritableColumns(const SnapshotHeader& header, unsigned char* base)
    : presence(reinterpret_cast<RecordPresence*>(base + header.presence_offset)),
      enterprises(header.enterprises),
      first_month(header.first_month),
      mapping(base),
      mapping_bytes(header.file_size) {
  for (std::size_t c = 0; c < kMonthlyColumnCount; ++c) {
    values[c] = reinterpret_cast<double*>(base + header.value_offsets[c]);
  }
}

void WritableColumns::release_written() const {
#if defined(MADV_DONTNEED)
  if (mapping != nullptr) ::madvise(mapping, mapping_bytes, MADV_DONTNEED);
#endif
}

// Sets first_month and months of `header` to the span of the old columns and the applied rows:
// the span of every stored month, as rebuild_snapshot reads it from the monthly table.
void set_month_span(const MonthlyColumns& old, const std::vector<SourcedBatch>& applied,
                    SnapshotHeader& header) {
  int first = std::numeric_limits<int>::max();
  int last = std::numeric_limits<int>::min();
  if (old.months > 0) {
    first = old.first_month;
    last = old.first_month + old.months - 1;
  }
  for (const SourcedBatch& batch : applied) {
    for (const MonthlyRecord& row : batch.rows.monthly) {
      first = std::min(first, row.period.index());
      last = std::max(last, row.period.index());
    }
  }
  if (first > last) return;  // no monthly record at all: first_month and months stay 0
  header.first_month = first;
  header.months = last - first + 1;
}

// Copies every cell of the old columns to the new enterprise positions (both lists are in uscc
// order, and an apply removes no enterprise; one that is gone is skipped).
void copy_old_columns(const MonthlyColumns& old, const std::vector<Enterprise>& old_enterprises,
                      const std::vector<Enterprise>& enterprises, WritableColumns& target) {
  std::vector<std::size_t> new_position(old_enterprises.size(), enterprises.size());
  std::size_t at = 0;
  for (std::size_t e = 0; e < old_enterprises.size(); ++e) {
    std::string_view uscc = old_enterprises[e].uscc;
    while (at < enterprises.size() && std::string_view(enterprises[at].uscc) < uscc) ++at;
    if (at < enterprises.size() && enterprises[at].uscc == uscc) new_position[e] = at;
  }
  for (int m = 0; m < old.months; ++m) {
    std::size_t from_row = static_cast<std::size_t>(m) * old.enterprises;
    std::size_t to_row = target.cell(old.first_month + m, 0);
    for (std::size_t e = 0; e < old.enterprises; ++e) {
      if (new_position[e] == enterprises.size()) continue;
      std::size_t from = from_row + e;
      std::size_t to = to_row + new_position[e];
      target.presence[to] = old.presence[from];
      for (std::size_t c = 0; c < kMonthlyColumnCount; ++c) {
        target.values[c][to] = old.values[c][from];
      }
    }
    if ((m + 1) % kMonthsPerRelease == 0) target.release_written();
  }
  target.release_written();
}

// Writes the applied monthly rows over the copied cells, as write_monthly writes stored rows.
// Rows go in key order, batch by batch (a later batch wins, as in the apply): enterprise positions
// then ascend, so each month's column is written a cache line at a time; in file order the
// writes scattered over the whole mapping took 14 s at 28 million rows, in key order 2 s.
void overlay_applied(const std::vector<SourcedBatch>& applied,
                     const std::vector<Enterprise>& enterprises, WritableColumns& target) {
  const double missing = std::numeric_limits<double>::quiet_NaN();
  auto value = [&](const std::optional<double>& v) { return v ? *v : missing; };
  std::size_t written = 0;
  for (const SourcedBatch& batch : applied) {
    const std::vector<MonthlyRecord>& rows = batch.rows.monthly;
    std::size_t position = 0;
    std::vector<uint32_t> computed;
    for (uint32_t at : detail::monthly_key_order(batch, computed)) {
      if (++written % kRowsPerRelease == 0) target.release_written();
      const MonthlyRecord& row = rows[at];
      while (position < enterprises.size() &&
             std::string_view(enterprises[position].uscc) < row.uscc) {
        ++position;
      }
      if (position == enterprises.size()) break;  // as write_monthly: no later row has one
      if (enterprises[position].uscc != row.uscc) continue;  // no such enterprise
      std::size_t cell = target.cell(row.period.index(), position);
      target.presence[cell] = row.in_scope ? RecordPresence::kInScope : RecordPresence::kOutOfScope;
      target.column(MonthlyColumn::kOutput)[cell] = row.output;
      target.column(MonthlyColumn::kValueAdded)[cell] = value(row.value_added);
      target.column(MonthlyColumn::kElectricity)[cell] = value(row.electricity);
      target.column(MonthlyColumn::kOutputPrev)[cell] = value(row.output_prev);
      target.column(MonthlyColumn::kValueAddedPrev)[cell] = value(row.value_added_prev);
      target.column(MonthlyColumn::kElectricityPrev)[cell] = value(row.electricity_prev);
    }
  }
}

}  // namespace zhizao::detail
