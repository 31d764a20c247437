#include "products/product_pairs.h"

#include <optional>
#include <vector>

namespace zhizao::detail {
namespace {

const ProductMonth* row_of(const std::map<int, ProductMonth>& rows, YearMonth month) {
  auto found = rows.find(month.index());
  return found == rows.end() ? nullptr : &found->second;
}

bool has_january_or_february(const std::map<int, ProductMonth>& rows, int year) {
  return row_of(rows, {year, 1}) != nullptr || row_of(rows, {year, 2}) != nullptr;
}

// The monthly records' fold rule (engine/comparable_pair.h) read on the product's own rows: an
// enterprise that folds its January into February folds its products' quantities with it.
bool folds(const std::map<int, ProductMonth>& rows, int year) {
  bool january_now = row_of(rows, {year, 1}) != nullptr;
  bool january_before = row_of(rows, {year - 1, 1}) != nullptr;
  return january_now != january_before && has_january_or_february(rows, year) &&
         has_january_or_february(rows, year - 1);
}

void add_pair(EnterpriseProductSums& sums, double current, double previous) {
  sums.current.add(current);
  sums.previous.add(previous);
  ++sums.pairs;
}

void add_single_month(const IndexedDataset& data, std::size_t enterprise,
                      const std::map<int, ProductMonth>& rows, YearMonth month,
                      EnterpriseProductSums& sums) {
  const ProductMonth* row = row_of(rows, month);
  if (row == nullptr || !product_in_scope(data, enterprise, month)) return;
  std::optional<double> previous = row->quantity_prev;
  if (!previous) {
    // The row of m−12 counts whatever the enterprise's scope then: 同口径, last year's quantity
    // of this year's enterprises.
    if (const ProductMonth* year_ago = row_of(rows, month.plus_months(-12))) {
      previous = year_ago->quantity;
    }
  }
  if (previous) add_pair(sums, row->quantity, *previous);
}

void add_folded(const IndexedDataset& data, std::size_t enterprise,
                const std::map<int, ProductMonth>& rows, int year, EnterpriseProductSums& sums) {
  std::vector<const ProductMonth*> current;
  for (int month = 1; month <= 2; ++month) {
    const ProductMonth* row = row_of(rows, {year, month});
    if (row != nullptr && product_in_scope(data, enterprise, {year, month})) current.push_back(row);
  }
  if (current.empty()) return;
  CompensatedSum quantity;
  CompensatedSum reported_previous;
  bool all_report_previous = true;
  for (const ProductMonth* row : current) {
    quantity.add(row->quantity);
    if (row->quantity_prev) {
      reported_previous.add(*row->quantity_prev);
    } else {
      all_report_previous = false;
    }
  }
  if (all_report_previous) {
    add_pair(sums, quantity.value(), reported_previous.value());
    return;
  }
  CompensatedSum year_before;  // folds() made sure year Y−1 has a January or February row
  for (int month = 1; month <= 2; ++month) {
    if (const ProductMonth* row = row_of(rows, {year - 1, month})) year_before.add(row->quantity);
  }
  add_pair(sums, quantity.value(), year_before.value());
}

}  // namespace

bool product_in_scope(const IndexedDataset& data, std::size_t enterprise, YearMonth month) {
  return !data.has_record(enterprise, month) || data.has_record_in_scope(enterprise, month);
}

EnterpriseProductSums product_sums(const IndexedDataset& data, std::size_t enterprise,
                                   const std::map<int, ProductMonth>& rows,
                                   const ReportWindow& window) {
  EnterpriseProductSums sums;
  for (YearMonth month = window.from; month <= window.to; month = month.plus_months(1)) {
    const ProductMonth* row = row_of(rows, month);
    if (row == nullptr) continue;
    ++sums.months;
    if (!product_in_scope(data, enterprise, month)) continue;
    ++sums.months_in_scope;
    sums.quantity.add(row->quantity);
  }
  YearMonth month = window.from;
  if (window.covers_january_february() && folds(rows, window.year())) {
    add_folded(data, enterprise, rows, window.year(), sums);
    month = {window.year(), 3};
  }
  for (; month <= window.to; month = month.plus_months(1)) {
    add_single_month(data, enterprise, rows, month, sums);
  }
  return sums;
}

}  // namespace zhizao::detail
