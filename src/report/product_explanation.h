// Rendering of a product's figures traced to its enterprises (`zhizao explain --product CODE`,
// GET /api/products/CODE): a header line and a table whose totals row is the product's figure, or
// the JSON object. Pure functions, thread-safe.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "base/language.h"
#include "products/product_figures.h"
#include "report/render.h"
#include "report/table_writer.h"

namespace zhizao {

// {"product": {code, name, unit, quantity, growth, daily_average, enterprises}, "window":
// {from, to}, "days", "current", "previous", "pairs", "enterprises": [{uscc, name, division,
// region, quantity, months, months_in_scope, current, previous, pairs, growth, share}]}.
nlohmann::ordered_json product_explanation_to_json(const ProductExplanation& explanation);

// Returns the header line, e.g. "T1 拖拉机: 产量 107 台, 同比下降 4.9%, 日均 1.2 台, 3 家企业,
// 可比企业 3 家".
std::string product_explanation_header(const ProductExplanation& explanation, Language language);

// Returns the table of enterprises with a totals row (Σ quantity = the product's quantity).
detail::Table product_explanation_table(const ProductExplanation& explanation, Language language);

// Header and table as text or Markdown, or the JSON (kJson) with a final newline.
std::string render_product_explanation(const ProductExplanation& explanation, ReportFormat format,
                                       Language language);

}  // namespace zhizao
