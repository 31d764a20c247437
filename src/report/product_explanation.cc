#include "report/product_explanation.h"

#include <fmt/format.h>

#include "base/number_format.h"
#include "report/json_writer.h"

namespace zhizao {
namespace {

using detail::format_fixed;
using detail::format_rate;
using detail::kRateDecimals;
using nlohmann::ordered_json;

std::string growth_words(const std::optional<double>& growth, Language lang) {
  if (!detail::has_figure(growth)) return pick(lang, "无同期可比数据", "no comparable data");
  std::string magnitude = detail::format_magnitude(*growth, kRateDecimals) + "%";
  switch (detail::display_trend(*growth, kRateDecimals)) {
    case detail::Trend::kUp:
      return pick(lang, "同比增长 ", "up ") + magnitude;
    case detail::Trend::kDown:
      return pick(lang, "同比下降 ", "down ") + magnitude;
    case detail::Trend::kFlat:
      break;
  }
  return pick(lang, "同比持平", "flat year on year");
}

long comparable_enterprises(const ProductExplanation& explanation) {
  long count = 0;
  for (const ProductShare& share : explanation.enterprises) count += share.pairs > 0 ? 1 : 0;
  return count;
}

}  // namespace

ordered_json product_explanation_to_json(const ProductExplanation& explanation) {
  const ProductFigures& p = explanation.figures;
  ordered_json enterprises = ordered_json::array();
  for (const ProductShare& e : explanation.enterprises) {
    enterprises.push_back({{"uscc", e.uscc},
                           {"name", e.name},
                           {"division", e.division},
                           {"region", e.region},
                           {"quantity", e.quantity},
                           {"months", e.months},
                           {"months_in_scope", e.months_in_scope},
                           {"current", e.current},
                           {"previous", e.previous},
                           {"pairs", e.pairs},
                           {"growth", detail::optional_number(e.growth)},
                           {"share", detail::optional_number(e.share)}});
  }
  return {{"product",
           {{"code", p.code},
            {"name", p.name},
            {"unit", p.unit},
            {"quantity", p.quantity},
            {"growth", detail::optional_number(p.growth)},
            {"daily_average", p.daily_average},
            {"enterprises", p.enterprises}}},
          {"window", {{"from", explanation.from.to_string()}, {"to", explanation.to.to_string()}}},
          {"days", explanation.days},
          {"current", explanation.current},
          {"previous", explanation.previous},
          {"pairs", explanation.pairs},
          {"enterprises", std::move(enterprises)}};
}

std::string product_explanation_header(const ProductExplanation& explanation, Language lang) {
  const ProductFigures& p = explanation.figures;
  std::string daily = format_fixed(p.daily_average, 1);
  if (lang == Language::kZh) {
    return fmt::format("{} {}: 产量 {} {}, {}, 日均 {} {}, {} 家企业, 可比企业 {} 家", p.code,
                       p.name, format_fixed(p.quantity, 1), p.unit, growth_words(p.growth, lang),
                       daily, p.unit, p.enterprises, comparable_enterprises(explanation));
  }
  return fmt::format("{} {}: {} {}, {}; {} a day; {} enterprises, {} comparable", p.code, p.name,
                     format_fixed(p.quantity, 1), p.unit, growth_words(p.growth, lang), daily,
                     p.enterprises, comparable_enterprises(explanation));
}

detail::Table product_explanation_table(const ProductExplanation& explanation, Language lang) {
  detail::Table table{"",
                      {{pick(lang, "统一社会信用代码", "USCC")},
                       {pick(lang, "企业名称", "Enterprise")},
                       {pick(lang, "区划", "Region")},
                       {pick(lang, "产量", "Quantity"), Align::kRight},
                       {pick(lang, "占比(%)", "Share (%)"), Align::kRight},
                       {pick(lang, "在规月数", "Months in scope"), Align::kRight},
                       {pick(lang, "可比本期", "Comparable current"), Align::kRight},
                       {pick(lang, "上年同期", "Previous"), Align::kRight},
                       {pick(lang, "增速(%)", "Growth (%)"), Align::kRight}},
                      {},
                      {}};
  for (const ProductShare& e : explanation.enterprises) {
    table.rows.push_back({e.uscc, e.name, e.region, format_fixed(e.quantity, 1),
                          format_rate(e.share), fmt::format("{}/{}", e.months_in_scope, e.months),
                          format_fixed(e.current, 1), format_fixed(e.previous, 1),
                          format_rate(e.growth)});
  }
  const ProductFigures& p = explanation.figures;
  table.rows.push_back({pick(lang, "合计", "Total"), "", "", format_fixed(p.quantity, 1),
                        p.quantity != 0 ? "100.0" : std::string(detail::kMissing), "",
                        format_fixed(explanation.current, 1), format_fixed(explanation.previous, 1),
                        format_rate(p.growth)});
  table.footnotes.push_back(pick(
      lang,
      "产量只计企业在规月份; 增速按可比对(本期与上年同期均有数)计算; 在规月数 = 在规/有数月份。",
      "Quantity counts the months an enterprise was in scope; growth is over comparable pairs "
      "(current and previous both given); months in scope = in scope / with a row."));
  return table;
}

std::string render_product_explanation(const ProductExplanation& explanation, ReportFormat format,
                                       Language lang) {
  if (format == ReportFormat::kJson) {
    return product_explanation_to_json(explanation)
               .dump(2, ' ', false, ordered_json::error_handler_t::replace) +
           "\n";
  }
  bool markdown = format == ReportFormat::kMarkdown;
  std::string out = (markdown ? "# " : "") + product_explanation_header(explanation, lang) + "\n\n";
  detail::Table table = product_explanation_table(explanation, lang);
  return out + (markdown ? detail::write_markdown_table(table) : detail::write_text_table(table));
}

}  // namespace zhizao
