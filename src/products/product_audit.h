// The audit check of a submitted month's product quantities (issue 15, "Submissions"): a
// quantity that moves against the enterprise's output by more than a band is flagged for
// verification (核实性, a warning the enterprise explains, never a refusal), as the bureau checks
// physical output against value: a quantity +80% on an output −5% is a typo or a unit mix-up
// (吨 for 万吨) more often than a fact. Pure functions, thread-safe.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace zhizao {

// The band in percentage points: |quantity growth − output growth| above it is flagged.
inline constexpr double kDefaultDivergenceBand = 50;

// One product of the submitted month with its previous-year quantity (quantity_prev, else the
// enterprise's stored quantity of month m−12), nullopt when there is none.
struct SubmittedProduct {
  std::string product;
  double quantity = 0;
  std::optional<double> previous;
};

// A product whose growth strays from the output's.
struct ProductDivergence {
  std::string product;
  double quantity_growth = 0;  // 100 × (quantity / previous − 1)
  double output_growth = 0;    // 100 × (output / output_previous − 1)
  double gap = 0;              // quantity_growth − output_growth, percentage points
};

// Returns the products of `products` whose growth differs from the month's output growth by more
// than `band` points either way, in the order given. Nothing is flagged without a base: when
// output_previous is missing or 0, or for a product whose previous quantity is missing or 0.
std::vector<ProductDivergence> diverging_products(double output,
                                                  std::optional<double> output_previous,
                                                  std::span<const SubmittedProduct> products,
                                                  double band = kDefaultDivergenceBand);

}  // namespace zhizao
