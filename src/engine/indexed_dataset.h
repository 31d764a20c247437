// IndexedDataset: a Dataset with the lookups the indicator definitions need — an enterprise's
// record of a month, a division's value-added ratio of a year and PPI of a month — built once per
// engine call so that no figure needs a scan of the whole data.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "domain/dataset.h"

namespace zhizao::detail {

// Read-only view of a Dataset; holds a reference to it, which must outlive this object.
// Thread-compatible (const methods only after construction).
class IndexedDataset {
 public:
  explicit IndexedDataset(const Dataset& dataset);

  const Dataset& dataset() const { return dataset_; }
  std::span<const Enterprise> enterprises() const { return dataset_.enterprises; }

  // Returns the record of enterprise number `enterprise` (index into enterprises()) for `month`,
  // or nullptr. Monthly rows of unknown enterprises are ignored; for a duplicated (uscc, period)
  // the last row wins, as an import would have replaced the earlier one.
  const MonthlyRecord* record(std::size_t enterprise, YearMonth month) const;

  // Returns the value-added ratio of `division` in `year`, if va_ratios.csv gives one.
  std::optional<double> ratio(const std::string& division, int year) const;

  // Returns the PPI of `division` in `month` (previous year = 100), if deflators.csv gives one.
  std::optional<double> ppi(const std::string& division, YearMonth month) const;

 private:
  const Dataset& dataset_;
  // Per enterprise: (month index, record), sorted by month index.
  std::vector<std::vector<std::pair<int, const MonthlyRecord*>>> records_;
  std::map<std::pair<std::string, int>, double> ratios_;
  std::map<std::pair<std::string, int>, double> ppis_;  // keyed by YearMonth::index()
};

}  // namespace zhizao::detail
