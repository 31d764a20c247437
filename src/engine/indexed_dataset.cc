#include "engine/indexed_dataset.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>

namespace zhizao::detail {

IndexedDataset::IndexedDataset(const Dataset& dataset)
    : dataset_(dataset), records_(dataset.enterprises.size()) {
  std::unordered_map<std::string_view, std::size_t> index;
  index.reserve(dataset.enterprises.size());
  for (std::size_t i = 0; i < dataset.enterprises.size(); ++i) {
    index.emplace(dataset.enterprises[i].uscc, i);
  }
  for (const MonthlyRecord& record : dataset.monthly) {
    auto found = index.find(record.uscc);
    if (found == index.end()) continue;
    records_[found->second].emplace_back(record.period.index(), &record);
  }
  for (auto& list : records_) {
    // Stable, so that of two rows for the same month the later one stays last.
    std::stable_sort(list.begin(), list.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
  }
  for (const ValueAddedRatio& ratio : dataset.va_ratios) {
    ratios_[{ratio.division, ratio.year}] = ratio.ratio;
  }
  for (const Deflator& deflator : dataset.deflators) {
    ppis_[{deflator.division, deflator.period.index()}] = deflator.ppi;
  }
}

const MonthlyRecord* IndexedDataset::record(std::size_t enterprise, YearMonth month) const {
  const auto& list = records_[enterprise];
  int key = month.index();
  auto after = std::upper_bound(list.begin(), list.end(), key,
                                [](int k, const auto& entry) { return k < entry.first; });
  if (after == list.begin() || std::prev(after)->first != key) return nullptr;
  return std::prev(after)->second;
}

std::optional<double> IndexedDataset::ratio(const std::string& division, int year) const {
  auto found = ratios_.find({division, year});
  if (found == ratios_.end()) return std::nullopt;
  return found->second;
}

std::optional<double> IndexedDataset::ppi(const std::string& division, YearMonth month) const {
  auto found = ppis_.find({division, month.index()});
  if (found == ppis_.end()) return std::nullopt;
  return found->second;
}

}  // namespace zhizao::detail
