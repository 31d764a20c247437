// The explanation of a figure: its header line and the table of enterprises' parts.
#include <fmt/format.h>

#include "base/number_format.h"
#include "report/report_selection.h"
#include "report/tables.h"

namespace zhizao::detail {
namespace {

bool measures_output(const Explanation& explanation) { return explanation.measure == "output"; }

const ComparableSums& measured_sums(const Explanation& explanation) {
  return measures_output(explanation) ? explanation.totals.output : explanation.totals.value_added;
}

const std::optional<double>& measured_growth(const Explanation& explanation) {
  return measures_output(explanation) ? explanation.totals.output_growth
                                      : explanation.totals.value_added_growth;
}

std::string set_label(const Explanation& explanation, Language lang) {
  std::string name = explanation.name;
  if (explanation.target.kind == ExplainKind::kDivision && lang == Language::kEn) {
    name = division_display_name(explanation.target.code, lang);
  }
  if (explanation.target.code.empty()) return name;
  return explanation.target.code + " " + name;
}

// Sums a column of optional parts; nullopt when no enterprise has the figure.
std::optional<double> sum_parts(const Explanation& explanation,
                                std::optional<double> EnterpriseShare::*member) {
  std::optional<double> total;
  for (const EnterpriseShare& e : explanation.enterprises) {
    if (has_figure(e.*member)) total = total.value_or(0) + *(e.*member);
  }
  return total;
}

}  // namespace

std::string explanation_header(const Explanation& explanation, Language lang) {
  bool output = measures_output(explanation);
  long comparable = 0;
  for (const EnterpriseShare& e : explanation.enterprises) comparable += e.pairs > 0 ? 1 : 0;
  long enterprises = explanation.totals.enterprises > 0
                         ? explanation.totals.enterprises
                         : static_cast<long>(explanation.enterprises.size());
  const auto& growth = measured_growth(explanation);
  std::string figure;
  if (lang == Language::kZh) {
    figure = output ? "产值" : "增加值";
    if (!has_figure(growth)) {
      figure += "无可比数据";
    } else {
      switch (display_trend(*growth, kRateDecimals)) {
        case Trend::kUp:
          figure += "同比增长 " + format_magnitude(*growth, kRateDecimals) + "%";
          break;
        case Trend::kDown:
          figure += "同比下降 " + format_magnitude(*growth, kRateDecimals) + "%";
          break;
        case Trend::kFlat:
          figure += "同比持平";
          break;
      }
    }
    return fmt::format("{}: {}, {} 家企业, 可比企业 {} 家", set_label(explanation, lang), figure,
                       enterprises, comparable);
  }
  figure = output ? "output" : "value added";
  if (!has_figure(growth)) {
    figure += " had no comparable data";
  } else {
    switch (display_trend(*growth, kRateDecimals)) {
      case Trend::kUp:
        figure += " grew " + format_magnitude(*growth, kRateDecimals) + "%";
        break;
      case Trend::kDown:
        figure += " fell " + format_magnitude(*growth, kRateDecimals) + "%";
        break;
      case Trend::kFlat:
        figure += " was flat";
        break;
    }
    figure += " year on year";
  }
  return fmt::format("{}: {}; {} enterprises, {} comparable", set_label(explanation, lang), figure,
                     enterprises, comparable);
}

Table explanation_table(const Explanation& explanation, Language lang) {
  Table table{"",
              {{pick(lang, "统一社会信用代码", "USCC")},
               {pick(lang, "企业名称", "Enterprise")},
               {pick(lang, "区划", "Region")},
               {pick(lang, "本期(万元)", "Current (10k yuan)"), Align::kRight},
               {pick(lang, "上年同期(万元)", "Previous (10k yuan)"), Align::kRight},
               {pick(lang, "增速(%)", "Growth (%)"), Align::kRight},
               {pick(lang, "贡献率(%)", "Contribution (%)"), Align::kRight},
               {pick(lang, "拉动(百分点)", "Pull (pp)"), Align::kRight},
               {pick(lang, "说明", "Note")}},
              {},
              {}};
  for (const EnterpriseShare& e : explanation.enterprises) {
    table.rows.push_back({e.uscc, e.name, e.region, format_fixed(e.current, 1),
                          format_fixed(e.previous, 1), format_rate(e.growth),
                          format_rate(e.contribution), format_optional(e.pull, kTablePullDecimals),
                          e.note});
  }
  const ComparableSums& sums = measured_sums(explanation);
  table.rows.push_back(
      {pick(lang, "合计", "Total"), "", "", format_fixed(sums.current, 1),
       format_fixed(sums.previous, 1), format_rate(measured_growth(explanation)),
       format_rate(sum_parts(explanation, &EnterpriseShare::contribution)),
       format_optional(sum_parts(explanation, &EnterpriseShare::pull), kTablePullDecimals), ""});
  if (!measures_output(explanation)) {
    table.footnotes.push_back(
        pick(lang, "本期增加值按可比价计算。", "Current value added at comparable prices."));
  }
  return table;
}

}  // namespace zhizao::detail
