// The report's "主要产品产量" (main products' output) part: a paragraph in the bureau's register
// and a table, from ReportData::products (data contract v2, "Products"). Quantities are in each
// product's own unit; 10,000 and more are written in 万 of the unit, as the bureau writes them
// ("拖拉机产量3.2万台"). Pure functions, thread-safe.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "base/language.h"
#include "engine/report_data.h"
#include "report/table_writer.h"

namespace zhizao::detail {

// Daily averages from this many units up are named in the paragraph for products counted in
// pieces (台, 辆, 套, …), as the bureau quotes them ("空调日均产量1.8万台").
inline constexpr double kNamedDailyAverage = 10000;

// "3.2万台" for 32,150 台, "8560台", "12.5吨"; a unit already in 万 goes to 亿 from 10,000 up:
// 1174207 万千瓦时 → "117.4亿千瓦时".
std::string quantity_zh(double quantity, const std::string& unit);

// "32,150 units", "1.62 million tonnes", "11.74 billion kWh" for 1174207 万千瓦时 (common units
// translated, others kept as given).
std::string quantity_en(double quantity, const std::string& unit);

// "1—3月，全市规模以上工业主要产品中，拖拉机产量3.2万台，同比增长12.0%；…；空调产量…，日均产量
// 1.8万台。" over the products with a row in the window, in code order; empty when none.
std::string products_paragraph_zh(const ReportData& report, const std::string& area);

// The same in English; empty when no product has a row in the window.
std::string products_paragraph_en(const ReportData& report, const std::string& area);

// The table "主要产品产量" / "Main products' output": code, product, unit, quantity, growth,
// daily average, enterprises; the products with a row in the window; no rows when none.
Table products_table(const ReportData& report, Language language);

// The contract's `products` array: [{code, name, unit, quantity, growth, daily_average,
// enterprises}], growth null without a base.
nlohmann::ordered_json products_to_json(const ReportData& report);

}  // namespace zhizao::detail
