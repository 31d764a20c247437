#include "products/product_figures.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <string_view>
#include <utility>

#include "engine/region_scope.h"
#include "engine/window.h"
#include "products/product_pairs.h"
#include "products/product_rows.h"

namespace zhizao {
namespace {

using detail::CompensatedSum;
using detail::EnterpriseProductSums;

int calendar_days(const detail::ReportWindow& window) {
  int days = 0;
  for (YearMonth month = window.from; month <= window.to; month = month.plus_months(1)) {
    days += days_in_month(month.year, month.month);
  }
  return days;
}

std::optional<double> growth_of(double current, double previous, long pairs) {
  if (pairs == 0 || previous == 0) return std::nullopt;  // a rate of an empty or zero base is null
  return 100.0 * (current / previous - 1.0);
}

// What every product's figures are computed against: the window, the scope, the indexed rows.
struct ProductContext {
  detail::ReportWindow window;
  detail::RegionScope scope;
  detail::ProductRows rows;
  int days = 0;
};

Result<ProductContext> product_context(const detail::IndexedDataset& data,
                                       const ReportRequest& request) {
  Result<detail::ReportWindow> window = detail::report_window(request.period, request.window);
  if (!window) return fail(window.error());
  Result<detail::RegionScope> scope = detail::RegionScope::resolve(data.dataset(), request.scope);
  if (!scope) return fail(scope.error());
  return ProductContext{*window, *scope, detail::ProductRows(data.dataset()),
                        calendar_days(*window)};
}

// Whether explain_one lists each enterprise's part or only sums.
enum class ShareDetail { kSumsOnly, kEachEnterprise };

// Computes one product's figures and, for kEachEnterprise, each enterprise's part.
ProductExplanation explain_one(const detail::IndexedDataset& data, const ProductContext& context,
                               const Product& product, ShareDetail detail) {
  ProductExplanation explanation;
  explanation.figures.code = product.code;
  explanation.figures.name = product.name;
  explanation.figures.unit = product.unit;
  explanation.from = context.window.from;
  explanation.to = context.window.to;
  explanation.days = context.days;
  CompensatedSum quantity;
  CompensatedSum current;
  CompensatedSum previous;
  for (const auto& [enterprise, rows] : context.rows.of(product.code)) {
    const Enterprise& record = data.enterprises()[enterprise];
    if (!context.scope.contains(record.region)) continue;
    EnterpriseProductSums sums = detail::product_sums(data, enterprise, rows, context.window);
    if (sums.months == 0) continue;
    ++explanation.figures.enterprises;
    quantity.add(sums.quantity.value());
    current.add(sums.current.value());
    previous.add(sums.previous.value());
    explanation.pairs += sums.pairs;
    if (detail == ShareDetail::kSumsOnly) continue;
    ProductShare share{record.uscc,
                       record.name,
                       record.division,
                       record.region,
                       sums.quantity.value(),
                       sums.months,
                       sums.months_in_scope,
                       sums.current.value(),
                       sums.previous.value(),
                       sums.pairs,
                       growth_of(sums.current.value(), sums.previous.value(), sums.pairs),
                       std::nullopt};
    explanation.enterprises.push_back(std::move(share));
  }
  explanation.figures.quantity = quantity.value();
  explanation.current = current.value();
  explanation.previous = previous.value();
  explanation.figures.growth =
      growth_of(explanation.current, explanation.previous, explanation.pairs);
  explanation.figures.daily_average =
      context.days > 0 ? explanation.figures.quantity / context.days : 0;
  for (ProductShare& share : explanation.enterprises) {
    if (explanation.figures.quantity != 0) {
      share.share = 100.0 * share.quantity / explanation.figures.quantity;
    }
  }
  std::sort(explanation.enterprises.begin(), explanation.enterprises.end(),
            [](const ProductShare& a, const ProductShare& b) {
              if (a.quantity != b.quantity) return a.quantity > b.quantity;
              return a.uscc < b.uscc;
            });
  return explanation;
}

// The products of products.csv in code order; of a repeated code the last row, as an import
// replaces a row whose key exists.
std::vector<const Product*> products_in_code_order(const Dataset& dataset) {
  std::map<std::string_view, const Product*> by_code;
  for (const Product& product : dataset.products) by_code[product.code] = &product;
  std::vector<const Product*> products;
  products.reserve(by_code.size());
  for (const auto& [code, product] : by_code) products.push_back(product);
  return products;
}

}  // namespace

Result<std::vector<ProductFigures>> product_figures(const detail::IndexedDataset& data,
                                                    const ReportRequest& request) {
  Result<ProductContext> context = product_context(data, request);
  if (!context) return fail(context.error());
  std::vector<ProductFigures> figures;
  for (const Product* product : products_in_code_order(data.dataset())) {
    figures.push_back(explain_one(data, *context, *product, ShareDetail::kSumsOnly).figures);
  }
  return figures;
}

Result<ProductExplanation> explain_product(const detail::IndexedDataset& data,
                                           const ReportRequest& request, std::string_view code) {
  Result<ProductContext> context = product_context(data, request);
  if (!context) return fail(context.error());
  for (const Product* product : products_in_code_order(data.dataset())) {
    if (product->code == code)
      return explain_one(data, *context, *product, ShareDetail::kEachEnterprise);
  }
  return fail(Status::not_found(fmt::format("no product {} in products.csv", code)));
}

Status complete_product_figures(const detail::IndexedDataset& data, const ReportRequest& request,
                                ReportData& report) {
  if (data.dataset().products.empty()) return Status::ok();
  Result<std::vector<ProductFigures>> figures = product_figures(data, request);
  if (!figures) return figures.error();
  report.products = std::move(*figures);
  return Status::ok();
}

}  // namespace zhizao
