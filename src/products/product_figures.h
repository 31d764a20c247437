// The "Products" figures of the data contract's v2 additions (../shared/data-contract.md,
// "Figures"; docs/methodology.md, "Products"): for a report window and each product of
// products.csv, its quantity, same-scope growth, daily average and the enterprises behind it, over
// the enterprises of the report's scope.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "base/status.h"
#include "base/year_month.h"
#include "engine/engine.h"
#include "engine/indexed_dataset.h"
#include "engine/v2_figures.h"

namespace zhizao {

// One enterprise's part in a product's figures.
struct ProductShare {
  std::string uscc;
  std::string name;
  std::string division;
  std::string region;
  double quantity = 0;           // Σ quantity of its rows of the window in months it was in scope
  int months = 0;                // months (rows) of the window with a row of the product
  int months_in_scope = 0;       // of those, the months it was in scope
  double current = 0;            // Σ quantity over its comparable pairs
  double previous = 0;           // Σ prev over the same pairs
  long pairs = 0;                // comparable pairs (a folded January–February counts once)
  std::optional<double> growth;  // 100 × (current / previous − 1); null without pairs or base
  std::optional<double> share;   // 100 × quantity / the product's quantity; null when that is 0
};

// A product's figures traced down to its enterprises: Σ quantity of the shares = figures.quantity,
// Σ current and Σ previous = the sums its growth divides, the shares' count = figures.enterprises.
struct ProductExplanation {
  ProductFigures figures;
  YearMonth from;  // the report window
  YearMonth to;
  int days = 0;         // calendar days of the window
  double current = 0;   // Σ quantity over the comparable pairs
  double previous = 0;  // Σ prev over them
  long pairs = 0;
  std::vector<ProductShare> enterprises;  // by quantity, largest first, then by uscc
};

// Returns the figures of every product of products.csv, in product code order (a product without
// rows in the window has quantity 0, growth null, 0 enterprises), over the enterprises whose
// region lies in request.scope. Errors: kUsage for a January period or an unknown scope (as
// compute_report). Pure; thread-safe.
Result<std::vector<ProductFigures>> product_figures(const detail::IndexedDataset& data,
                                                    const ReportRequest& request);

// Traces product `code`'s figures to its enterprises. Errors: kUsage as product_figures;
// kNotFound when products.csv has no such code.
Result<ProductExplanation> explain_product(const detail::IndexedDataset& data,
                                           const ReportRequest& request, std::string_view code);

// Sets report.products (the hook of complete_v2_figures); nothing, at no cost, when there are no
// products. Errors: as product_figures.
Status complete_product_figures(const detail::IndexedDataset& data, const ReportRequest& request,
                                ReportData& report);

}  // namespace zhizao
