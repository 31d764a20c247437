#include "document/report_charts.h"

#include <fmt/format.h>

#include "base/number_format.h"
#include "report/period_wording.h"
#include "report/report_selection.h"

namespace zhizao {
namespace {

constexpr const char* kGrowthColor = "#2f5597";
constexpr const char* kPullColor = "#c55a11";
constexpr const char* kManufacturingColor = "#548235";
constexpr const char* kElectricityColor = "#bf9000";

std::optional<SvgChart> divisions_chart(const ReportData& report, Language lang) {
  std::vector<const SetFigures*> ranked = detail::ranked_by_growth(report.divisions);
  if (ranked.empty()) return std::nullopt;
  ChartSpec spec;
  spec.title =
      fmt::format("{} {}", detail::window_label_with_year(report.period, report.window, lang),
                  pick(lang, "分行业增加值增速及拉动", "value added by division"));
  ChartSeries growth{pick(lang, "增加值增速(%)", "Growth (%)"), {}, kGrowthColor, 1};
  ChartSeries pull{pick(lang, "拉动(百分点)", "Pull (pp)"), {}, kPullColor, 2};
  for (const SetFigures* division : ranked) {
    spec.labels.push_back(detail::division_display_name(*division, lang));
    growth.values.push_back(division->value_added_growth);
    pull.values.push_back(division->pull);
  }
  spec.series = {growth, pull};
  return svg_horizontal_bars(spec);
}

// The label of the whole's reference line: 全市 / City, 全省 / Province, 全国 / Country, ….
std::string whole_label(const ReportData& report, Language lang) {
  std::string word = whole_area_word(report.area, lang);
  if (lang == Language::kZh || word.size() <= 4) return word;
  word = word.substr(4);  // "the city" → "City"
  word[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(word[0])));
  return word;
}

std::optional<SvgChart> counties_chart(const ReportData& report, Language lang) {
  const detail::RankedPlaces places = detail::places_below_area(report);
  if (places.sets->empty()) return std::nullopt;
  ChartSpec spec;
  const std::string by =
      lang == Language::kZh
          ? places.title_zh + "增加值增速"
          : "value added growth by " + places.singular_en.substr(0, places.singular_en.find(' '));
  spec.title =
      fmt::format("{} {}", detail::window_label_with_year(report.period, report.window, lang), by);
  ChartSeries growth{pick(lang, "增加值增速(%)", "Growth (%)"), {}, kGrowthColor, 1};
  for (const SetFigures* region : detail::ranked_by_growth(*places.sets)) {
    spec.labels.push_back(region->name.empty() ? region->code : region->name);
    growth.values.push_back(region->value_added_growth);
  }
  spec.series = {growth};
  if (detail::has_figure(report.industry.value_added_growth)) {
    spec.reference = report.industry.value_added_growth;
    spec.reference_label =
        report.scope.empty() ? whole_label(report, lang) : std::string(pick(lang, "全部", "All"));
  }
  return svg_columns(spec);
}

std::string period_tick(YearMonth period, Language lang) {
  return lang == Language::kZh ? fmt::format("{}年{}月", period.year % 100, period.month)
                               : fmt::format("{}-{:02}", period.year, period.month);
}

std::optional<SvgChart> trend_chart(const ReportData& report, const std::vector<TrendPoint>& trend,
                                    Language lang) {
  if (trend.empty()) return std::nullopt;
  ChartSpec spec;
  spec.title =
      report.window == WindowKind::kCumulative
          ? pick(lang, "规模以上工业增加值累计增速走势(%)",
                 "Year-to-date growth, last 24 months (%)")
          : pick(lang, "规模以上工业增加值当月增速走势(%)", "Monthly growth, last 24 months (%)");
  ChartSeries industry{pick(lang, "规上工业增加值", "Industry value added"), {}, kGrowthColor, 1};
  ChartSeries manufacturing{
      pick(lang, "制造业增加值", "Manufacturing"), {}, kManufacturingColor, 1};
  ChartSeries electricity{pick(lang, "工业用电量", "Electricity"), {}, kElectricityColor, 1};
  bool any_electricity = false;
  for (const TrendPoint& point : trend) {
    spec.labels.push_back(period_tick(point.period, lang));
    industry.values.push_back(point.value_added_growth);
    manufacturing.values.push_back(point.manufacturing_value_added_growth);
    electricity.values.push_back(point.electricity_growth);
    any_electricity = any_electricity || detail::has_figure(point.electricity_growth);
  }
  spec.series = {industry, manufacturing};
  if (any_electricity) spec.series.push_back(electricity);
  return svg_lines(spec);
}

}  // namespace

std::vector<SvgChart> report_charts(const ReportData& report, const std::vector<TrendPoint>& trend,
                                    Language language) {
  std::vector<SvgChart> charts;
  for (auto chart : {divisions_chart(report, language), counties_chart(report, language),
                     trend_chart(report, trend, language)}) {
    if (chart) charts.push_back(std::move(*chart));
  }
  return charts;
}

}  // namespace zhizao
