#include "report/narrative_en_phrases.h"

#include <cctype>

#include <fmt/format.h>

#include "base/language.h"
#include "base/number_format.h"
#include "report/period_wording.h"
#include "report/report_selection.h"

namespace zhizao::detail {

std::string trend_en(double value, int decimals) {
  switch (display_trend(value, decimals)) {
    case Trend::kUp:
      return "grew " + format_magnitude(value, decimals) + "%";
    case Trend::kDown:
      return "fell " + format_magnitude(value, decimals) + "%";
    case Trend::kFlat:
      break;
  }
  return "was flat";
}

std::string figure_en(const std::string& subject, const std::optional<double>& value,
                      int decimals) {
  if (!has_figure(value)) return subject + " had no comparable data";
  return subject + " " + trend_en(*value, decimals) + " year on year";
}

std::string change_clause_en(const ReportData& report, const std::optional<double>& current,
                             const std::optional<double>& previous) {
  auto label = previous_window_label(report.period.month, report.window, Language::kEn);
  if (!label.has_value() || !has_figure(current) || !has_figure(previous)) return "";
  double change = *current - *previous;
  switch (display_trend(change, kRateDecimals)) {
    case Trend::kUp:
      return fmt::format("; growth was {} percentage points higher than in {}",
                         format_magnitude(change, kRateDecimals), *label);
    case Trend::kDown:
      return fmt::format("; growth was {} percentage points lower than in {}",
                         format_magnitude(change, kRateDecimals), *label);
    case Trend::kFlat:
      break;
  }
  return fmt::format("; growth was the same as in {}", *label);
}

std::string pull_clause_en(const std::optional<double>& pull) {
  if (!has_figure(pull)) return "";
  int decimals = pull_decimals(*pull);
  switch (display_trend(*pull, decimals)) {
    case Trend::kUp:
      return fmt::format("adding {} percentage points to growth",
                         format_magnitude(*pull, decimals));
    case Trend::kDown:
      return fmt::format("taking {} percentage points off growth",
                         format_magnitude(*pull, decimals));
    case Trend::kFlat:
      break;
  }
  return "";
}

std::string count_en(long count, const std::string& singular, const std::string& plural) {
  return fmt::format("{} {}", count, count == 1 ? singular : plural);
}

std::string capitalize(std::string text) {
  if (!text.empty() && std::islower(static_cast<unsigned char>(text[0]))) {
    text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
  }
  return text;
}

}  // namespace zhizao::detail
