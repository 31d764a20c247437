// IndexedDataset: a Dataset with the lookups the indicator definitions need — an enterprise's
// record of a month (from month-major columns, engine/monthly_columns.h), a division's value-added
// ratio of a year and PPI of a month — built once per engine call so that no figure needs a scan
// of the whole data or a lookup by text.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "domain/dataset.h"
#include "engine/monthly_columns.h"

namespace zhizao::detail {

// Read-only view of a Dataset; holds a reference to it (and to the columns), which must outlive
// this object. Thread-compatible (const methods only after construction).
class IndexedDataset {
 public:
  // Builds the columns from dataset.monthly. Monthly rows of unknown enterprises are ignored; for
  // a duplicated (uscc, period) the last row wins, as an import would have replaced the earlier
  // one; of two enterprises with one uscc the first gets the records.
  explicit IndexedDataset(const Dataset& dataset);

  // Reads the records from `columns` (enterprise e = tables.enterprises[e]); tables.monthly is
  // not read.
  IndexedDataset(const Dataset& tables, const MonthlyColumns& columns);

  IndexedDataset(const IndexedDataset&) = delete;
  IndexedDataset& operator=(const IndexedDataset&) = delete;

  const Dataset& dataset() const { return dataset_; }
  std::span<const Enterprise> enterprises() const { return dataset_.enterprises; }
  const MonthlyColumns& columns() const { return columns_; }

  // Returns the record of enterprise number `enterprise` (index into enterprises()) for `month`,
  // with an empty uscc, or nullopt when there is none.
  std::optional<MonthlyRecord> record(std::size_t enterprise, YearMonth month) const;

  // Asks the CPU to start loading the cells of `enterprise` for the months `first`..`last` (of
  // every column) into its caches; changes no result. A report reads, per enterprise, seven
  // columns in each of a dozen months: more streams than the hardware prefetcher follows, so
  // without this hint record() waited on memory for most of its time (docs/performance.md).
  void prefetch(std::size_t enterprise, YearMonth first, YearMonth last) const;

  // Whether the enterprise has a record of `month` (in scope or not).
  bool has_record(std::size_t enterprise, YearMonth month) const;

  // Whether the enterprise has a record of `month` that is in scope (规上 that month): reads the
  // presence byte only, where record() reads all seven columns.
  bool has_record_in_scope(std::size_t enterprise, YearMonth month) const;

  // Returns the value-added ratio of the enterprise's division in `year`, if va_ratios.csv gives
  // one.
  std::optional<double> ratio(std::size_t enterprise, int year) const;

  // Returns the PPI of the enterprise's division in `month` (previous year = 100), if
  // deflators.csv gives one.
  std::optional<double> ppi(std::size_t enterprise, YearMonth month) const;

 private:
  // Dense tables of a division-slot × year (ratios) or × month index (PPIs); NaN when missing.
  struct DivisionTable {
    int first = 0;
    int count = 0;
    std::vector<double> values;  // slot × count

    std::optional<double> at(int slot, int key) const;
  };

  void build_columns();
  void index_divisions();

  const Dataset& dataset_;
  MonthlyColumns columns_;
  std::vector<RecordPresence> owned_presence_;  // when built from dataset.monthly
  std::array<std::vector<double>, kMonthlyColumnCount> owned_values_;
  std::vector<int> division_slot_;  // per enterprise; -1 when no ratio or PPI names its division
  DivisionTable ratios_;
  DivisionTable ppis_;
};

}  // namespace zhizao::detail
