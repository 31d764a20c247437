// One enterprise's sums for one product over a report window (data contract v2, "Products";
// docs/methodology.md, "Products"): its in-scope quantity and its comparable pairs.
#pragma once

#include <cstddef>
#include <map>

#include "engine/compensated_sum.h"
#include "engine/indexed_dataset.h"
#include "engine/window.h"
#include "products/product_rows.h"

namespace zhizao::detail {

struct EnterpriseProductSums {
  CompensatedSum quantity;  // rows of the window in months the enterprise was in scope
  int months = 0;           // rows of the window, in scope or not
  int months_in_scope = 0;
  CompensatedSum current;  // over comparable pairs
  CompensatedSum previous;
  long pairs = 0;
};

// Whether enterprise `enterprise` is in scope (规上) in `month`: its monthly record's in_scope, and
// in scope when it has no monthly record of that month (the contract's rule for products).
bool product_in_scope(const IndexedDataset& data, std::size_t enterprise, YearMonth month);

// Returns the sums of `rows` (one enterprise's rows of one product, by month index) over
// `window`. A pair (e, m) is comparable when e is in scope in m, has a row of m, and prev exists:
// its quantity_prev, else its row of m−12 (in scope or not). January–February fold as the monthly
// records': when the window holds both, and the enterprise has a January row of the product in
// exactly one of Y and Y−1 while both years have a January or February row, its January and
// February form one pair: current = Σ of its in-scope rows of Y, previous = Σ of their
// quantity_prev when all have one, else Σ of its January/February rows of Y−1.
EnterpriseProductSums product_sums(const IndexedDataset& data, std::size_t enterprise,
                                   const std::map<int, ProductMonth>& rows,
                                   const ReportWindow& window);

}  // namespace zhizao::detail
