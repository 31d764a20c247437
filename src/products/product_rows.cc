#include "products/product_rows.h"

#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace zhizao::detail {

ProductRows::ProductRows(const Dataset& dataset) {
  if (dataset.product_output.empty()) return;
  std::unordered_map<std::string_view, std::size_t> enterprise_of;
  enterprise_of.reserve(dataset.enterprises.size());
  for (std::size_t e = 0; e < dataset.enterprises.size(); ++e) {
    enterprise_of.emplace(dataset.enterprises[e].uscc, e);  // the first of a repeated uscc
  }
  std::unordered_set<std::string_view> known_products;
  for (const Product& product : dataset.products) known_products.insert(product.code);
  for (const ProductOutput& row : dataset.product_output) {
    auto enterprise = enterprise_of.find(row.uscc);
    if (enterprise == enterprise_of.end() || !known_products.contains(row.product)) continue;
    by_product_[row.product][enterprise->second][row.period.index()] =
        ProductMonth{row.quantity, row.quantity_prev};
  }
}

const ProductRowsByEnterprise& ProductRows::of(const std::string& code) const {
  auto found = by_product_.find(code);
  return found == by_product_.end() ? none_ : found->second;
}

}  // namespace zhizao::detail
