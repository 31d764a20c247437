#include "products/product_audit.h"

#include <cmath>

namespace zhizao {

std::vector<ProductDivergence> diverging_products(double output,
                                                  std::optional<double> output_previous,
                                                  std::span<const SubmittedProduct> products,
                                                  double band) {
  std::vector<ProductDivergence> flagged;
  if (!output_previous || *output_previous == 0) return flagged;
  double output_growth = 100.0 * (output / *output_previous - 1.0);
  for (const SubmittedProduct& product : products) {
    if (!product.previous || *product.previous == 0) continue;
    double quantity_growth = 100.0 * (product.quantity / *product.previous - 1.0);
    double gap = quantity_growth - output_growth;
    if (std::fabs(gap) > band) {
      flagged.push_back({product.product, quantity_growth, output_growth, gap});
    }
  }
  return flagged;
}

}  // namespace zhizao
