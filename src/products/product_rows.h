// ProductRows: the rows of product_output.csv indexed for the "Products" figures (data contract v2,
// "Figures"): per product, per enterprise, per month, so that a window and its year-earlier months
// are read without scanning every row.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/dataset.h"

namespace zhizao::detail {

// One enterprise's quantity of one product in one month.
struct ProductMonth {
  double quantity = 0;
  std::optional<double> quantity_prev;
};

// The rows of one product by enterprise: enterprise index (into Dataset::enterprises) → month
// index (YearMonth::index) → row.
using ProductRowsByEnterprise = std::map<std::size_t, std::map<int, ProductMonth>>;

// Read-only index; copies what it needs, so `dataset` need not outlive it.
class ProductRows {
 public:
  // Indexes dataset.product_output. Rows of enterprises not in dataset.enterprises and of products
  // not in dataset.products are left out (an import refuses both); for a repeated (uscc, period,
  // product) the last row wins, as an import would have replaced the earlier one. Of two
  // enterprises with one uscc the first gets the rows, as the monthly records.
  explicit ProductRows(const Dataset& dataset);

  // The rows of product `code`; empty when it has none.
  const ProductRowsByEnterprise& of(const std::string& code) const;

  bool empty() const { return by_product_.empty(); }

 private:
  std::map<std::string, ProductRowsByEnterprise> by_product_;
  ProductRowsByEnterprise none_;
};

}  // namespace zhizao::detail
