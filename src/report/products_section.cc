#include "report/products_section.h"

#include <fmt/format.h>

#include <cmath>
#include <map>
#include <set>
#include <string_view>
#include <vector>

#include "base/number_format.h"
#include "report/json_writer.h"
#include "report/narrative.h"
#include "report/narrative_en_phrases.h"
#include "report/narrative_zh_phrases.h"
#include "report/period_wording.h"

namespace zhizao::detail {
namespace {

constexpr double kTenThousand = 10000;
constexpr double kMillion = 1000000;
constexpr double kBillion = 1000000000;
constexpr std::string_view kWan = "万";

bool is_whole(double value) { return std::nearbyint(value) == value; }

// A quantity below 10,000: whole numbers without decimals, others with one.
std::string plain_quantity(double quantity) {
  return format_fixed(quantity, is_whole(quantity) ? 0 : 1);
}

// "32,150" (whole numbers), "12.5".
std::string grouped(double value) {
  if (!is_whole(value) || std::fabs(value) < 1000) return plain_quantity(value);
  std::string digits = format_fixed(std::fabs(value), 0);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return value < 0 ? "-" + out : out;
}

std::string unit_en(const std::string& unit) {
  static const std::map<std::string, std::string> kUnits = {{"台", "units"},
                                                            {"套", "sets"},
                                                            {"吨", "tonnes"},
                                                            {"辆", "vehicles"},
                                                            {"件", "pieces"},
                                                            {"个", "units"},
                                                            {"重量箱", "weight cases"},
                                                            {"千瓦", "kW"},
                                                            {"万千瓦", "10,000 kW"},
                                                            {"万吨", "10,000 tonnes"},
                                                            {"千克", "kg"},
                                                            {"米", "metres"},
                                                            {"千米", "km"},
                                                            {"千瓦时", "kWh"},
                                                            {"平方米", "m²"},
                                                            {"立方米", "m³"},
                                                            {"艘", "ships"},
                                                            {"架", "aircraft"},
                                                            {"只", "units"},
                                                            {"条", "units"},
                                                            {"根", "units"}};
  auto found = kUnits.find(unit);
  return found == kUnits.end() ? unit : found->second;
}

bool has_rows(const ProductFigures& product) { return product.enterprises > 0; }

// Units counted in pieces, whose daily output the bureau quotes ("空调日均产量1.8万台").
bool counted_in_pieces(const std::string& unit) {
  static const std::set<std::string> kPieces = {"台", "辆", "套", "件", "个", "艘", "架", "只"};
  return kPieces.contains(unit);
}

bool daily_average_named(const ProductFigures& product) {
  return counted_in_pieces(product.unit) && product.daily_average >= kNamedDailyAverage;
}

// "拖拉机产量", but "发电量", "原油加工量" as they are: a name ending in 量 is already a quantity.
std::string subject_zh(const std::string& name) {
  return name.ends_with("量") ? name : name + "产量";
}

std::string product_clause_zh(const ProductFigures& product) {
  std::string text = subject_zh(product.name) + quantity_zh(product.quantity, product.unit);
  text += has_figure(product.growth) ? "，同比" + trend_zh(*product.growth, kRateDecimals)
                                     : "，无同期可比数据";
  if (daily_average_named(product)) {
    text += "，日均产量" + quantity_zh(product.daily_average, product.unit);
  }
  return text;
}

std::string product_clause_en(const ProductFigures& product) {
  std::string quantity = quantity_en(product.quantity, product.unit);
  std::string text = "output of " + product.name;
  if (!has_figure(product.growth)) {
    text += " was " + quantity + " (no comparable data)";
  } else if (display_trend(*product.growth, kRateDecimals) == Trend::kFlat) {
    text += " was flat year on year at " + quantity;
  } else {
    text += " " + trend_en(*product.growth, kRateDecimals) + " year on year to " + quantity;
  }
  if (daily_average_named(product)) {
    text += ", " + quantity_en(product.daily_average, product.unit) + " a day";
  }
  return text;
}

}  // namespace

std::string quantity_zh(double quantity, const std::string& unit) {
  if (std::fabs(quantity) < kTenThousand) return plain_quantity(quantity) + unit;
  if (unit.starts_with(kWan)) {  // 万 of 万 is 亿: 1174207万千瓦时 → 117.4亿千瓦时
    return format_fixed(quantity / kTenThousand, 1) + "亿" + unit.substr(kWan.size());
  }
  return format_fixed(quantity / kTenThousand, 1) + "万" + unit;
}

std::string quantity_en(double quantity, const std::string& unit) {
  if (unit.starts_with(kWan) && unit.size() > kWan.size()) {
    return quantity_en(quantity * kTenThousand, unit.substr(kWan.size()));
  }
  if (std::fabs(quantity) >= kBillion) {
    return format_fixed(quantity / kBillion, 2) + " billion " + unit_en(unit);
  }
  if (std::fabs(quantity) >= kMillion) {
    return format_fixed(quantity / kMillion, 2) + " million " + unit_en(unit);
  }
  return grouped(is_whole(quantity) || std::fabs(quantity) >= 1000 ? std::round(quantity)
                                                                   : quantity) +
         " " + unit_en(unit);
}

std::string products_paragraph_zh(const ReportData& report, const std::string& area) {
  std::vector<std::string> clauses;
  for (const ProductFigures& product : report.products) {
    if (has_rows(product)) clauses.push_back(product_clause_zh(product));
  }
  if (clauses.empty()) return "";
  return fmt::format("{}，{}规模以上工业主要产品中，",
                     window_label(report.period.month, report.window, Language::kZh), area) +
         join(clauses, "；") + "。";
}

std::string products_paragraph_en(const ReportData& report, const std::string& area) {
  std::vector<std::string> clauses;
  for (const ProductFigures& product : report.products) {
    if (has_rows(product)) clauses.push_back(product_clause_en(product));
  }
  if (clauses.empty()) return "";
  return fmt::format("In {}, among the main products of industry above designated size in {}, ",
                     window_label(report.period.month, report.window, Language::kEn), area) +
         join(clauses, "; ") + ".";
}

Table products_table(const ReportData& report, Language lang) {
  Table table{pick(lang, "主要产品产量", "Main products' output"),
              {{pick(lang, "代码", "Code")},
               {pick(lang, "产品", "Product")},
               {pick(lang, "单位", "Unit")},
               {pick(lang, "产量", "Quantity"), Align::kRight},
               {pick(lang, "同比增长(%)", "Growth (%)"), Align::kRight},
               {pick(lang, "日均产量", "Daily average"), Align::kRight},
               {pick(lang, "企业数", "Enterprises"), Align::kRight}},
              {},
              {}};
  for (const ProductFigures& product : report.products) {
    if (!has_rows(product)) continue;
    table.rows.push_back(
        {product.code, product.name, lang == Language::kZh ? product.unit : unit_en(product.unit),
         plain_quantity(product.quantity), format_rate(product.growth),
         format_fixed(product.daily_average, 1), std::to_string(product.enterprises)});
  }
  return table;
}

nlohmann::ordered_json products_to_json(const ReportData& report) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const ProductFigures& product : report.products) {
    out.push_back({{"code", product.code},
                   {"name", product.name},
                   {"unit", product.unit},
                   {"quantity", product.quantity},
                   {"growth", optional_number(product.growth)},
                   {"daily_average", product.daily_average},
                   {"enterprises", product.enterprises}});
  }
  return out;
}

}  // namespace zhizao::detail
