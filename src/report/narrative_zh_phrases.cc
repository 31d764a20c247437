#include "report/narrative_zh_phrases.h"

#include <fmt/format.h>

#include "base/language.h"
#include "base/number_format.h"
#include "report/narrative.h"
#include "report/period_wording.h"
#include "report/report_selection.h"

namespace zhizao::detail {

std::string trend_zh(double value, int decimals) {
  switch (display_trend(value, decimals)) {
    case Trend::kUp:
      return "增长" + format_magnitude(value, decimals) + "%";
    case Trend::kDown:
      return "下降" + format_magnitude(value, decimals) + "%";
    case Trend::kFlat:
      break;
  }
  return "持平";
}

std::string figure_zh(const std::string& subject, const std::optional<double>& value,
                      int decimals) {
  if (!has_figure(value)) return subject + "无可比数据";
  return subject + "同比" + trend_zh(*value, decimals);
}

std::string change_clause_zh(const ReportData& report, const std::optional<double>& current,
                             const std::optional<double>& previous) {
  auto label = previous_window_label(report.period.month, report.window, Language::kZh);
  if (!label.has_value() || !has_figure(current) || !has_figure(previous)) return "";
  double change = *current - *previous;
  switch (display_trend(change, kRateDecimals)) {
    case Trend::kUp:
      return fmt::format("，增速比{}加快{}个百分点", *label,
                         format_magnitude(change, kRateDecimals));
    case Trend::kDown:
      return fmt::format("，增速比{}回落{}个百分点", *label,
                         format_magnitude(change, kRateDecimals));
    case Trend::kFlat:
      break;
  }
  return fmt::format("，增速与{}持平", *label);
}

std::string pull_clause_zh(const std::optional<double>& pull, const std::string& area) {
  if (!has_figure(pull)) return "";
  int decimals = pull_decimals(*pull);
  std::string points = format_magnitude(*pull, decimals) + "个百分点";
  switch (display_trend(*pull, decimals)) {
    case Trend::kUp:
      return area.empty() ? "拉动" + points : "拉动" + area + "规上工业增长" + points;
    case Trend::kDown:
      return area.empty() ? "拉低" + points : "拉低" + area + "规上工业增速" + points;
    case Trend::kFlat:
      break;
  }
  return "";
}

std::string join(const std::vector<std::string>& parts, const std::string& separator) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += separator;
    out += parts[i];
  }
  return out;
}

std::string chinese_ordinal(int number) {
  static constexpr const char* kDigits[] = {"",   "一", "二", "三", "四", "五",
                                            "六", "七", "八", "九", "十"};
  if (number >= 1 && number <= 10) return kDigits[number];
  return std::to_string(number);
}

}  // namespace zhizao::detail
