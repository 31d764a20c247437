// Horizontal bars (divisions) and columns (counties).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "base/number_format.h"
#include "document/svg_canvas.h"
#include "document/svg_charts.h"

namespace zhizao {
namespace {

using detail::as_px;
using detail::SvgCanvas;
using detail::TextAnchor;
using detail::TextStyle;

constexpr double kTitleHeight = 34;
constexpr double kLabelSize = 11;
constexpr double kValueSize = 10;
constexpr const char* kAxisColor = "#555555";
constexpr const char* kGridColor = "#e3e3e3";

struct Range {
  double low = 0;
  double high = 0;
};

// The range of a series' present values, always including 0 (bars start at the axis).
Range value_range(const std::vector<std::optional<double>>& values, std::optional<double> extra) {
  Range range;
  for (const auto& value : values) {
    if (!value || !std::isfinite(*value)) continue;
    range.low = std::min(range.low, *value);
    range.high = std::max(range.high, *value);
  }
  if (extra) {
    range.low = std::min(range.low, *extra);
    range.high = std::max(range.high, *extra);
  }
  return range;
}

double map_linear(double value, double from_low, double from_high, double to_low, double to_high) {
  return to_low + (value - from_low) / (from_high - from_low) * (to_high - to_low);
}

std::string value_text(const ChartSeries& series, double value) {
  return detail::format_fixed(value, series.decimals);
}

void draw_title(SvgCanvas& canvas, const std::string& title, double width) {
  TextStyle title_style = text_style_of(15, TextAnchor::kMiddle, "#1a1a1a");
  title_style.weight = detail::FontWeight::kBold;
  canvas.text(width / 2, 22, title, title_style);
}

}  // namespace

SvgChart svg_horizontal_bars(const ChartSpec& spec, double width) {
  constexpr double kRow = 17;
  constexpr double kBar = 11;
  constexpr double kPanelGap = 18;
  constexpr double kHeading = 22;
  constexpr double kAxis = 22;
  double label_width = 40;
  for (const std::string& label : spec.labels) {
    label_width = std::max(label_width, detail::text_width(label, kLabelSize) + 10);
  }
  label_width = std::min(label_width, width * 0.4);
  double height = kTitleHeight + kHeading + as_px(spec.labels.size()) * kRow + kAxis + 8;
  SvgCanvas canvas(width, height, spec.title);
  draw_title(canvas, spec.title, width);
  double top = kTitleHeight + kHeading;
  for (size_t row = 0; row < spec.labels.size(); ++row) {
    double y = top + as_px(row) * kRow;
    if (row % 2 == 1) canvas.rect(0, y, width, kRow, "#f6f7f9");
    canvas.text(label_width - 6, y + kRow / 2 + 4,
                detail::fit_text(spec.labels[row], label_width - 8, kLabelSize),
                text_style_of(kLabelSize, TextAnchor::kEnd));
  }
  size_t panels = std::max<size_t>(spec.series.size(), 1);
  double panel_width = (width - label_width - 8 - kPanelGap * as_px(panels - 1)) / as_px(panels);
  for (size_t p = 0; p < spec.series.size(); ++p) {
    const ChartSeries& series = spec.series[p];
    double left = label_width + as_px(p) * (panel_width + kPanelGap);
    // Keep room for the value labels at both ends of the bars.
    double inner_left = left + 30;
    double inner_right = left + panel_width - 30;
    Range range = value_range(series.values, std::nullopt);
    std::vector<double> ticks = detail::nice_ticks(range.low, range.high, 5);
    double low = ticks.front();
    double high = ticks.back();
    double step = ticks.size() > 1 ? ticks[1] - ticks[0] : 1;
    auto x_of = [&](double v) { return map_linear(v, low, high, inner_left, inner_right); };
    double bottom = top + as_px(spec.labels.size()) * kRow;
    TextStyle heading = text_style_of(12, TextAnchor::kMiddle, "#1a1a1a");
    heading.weight = detail::FontWeight::kBold;
    canvas.text(left + panel_width / 2, top - 8, series.name, heading);
    for (double tick : ticks) {
      canvas.line(x_of(tick), top, x_of(tick), bottom, kGridColor, 1);
      canvas.text(x_of(tick), bottom + 14, detail::format_tick(tick, step),
                  text_style_of(kValueSize, TextAnchor::kMiddle, "#666666"));
    }
    double zero = x_of(0);
    for (size_t row = 0; row < spec.labels.size(); ++row) {
      double y = top + as_px(row) * kRow + (kRow - kBar) / 2;
      std::optional<double> value =
          row < series.values.size() ? series.values[row] : std::optional<double>();
      if (!value || !std::isfinite(*value)) {
        canvas.text(zero + 4, y + kBar - 2, spec.missing_label,
                    text_style_of(kValueSize, TextAnchor::kStart, "#999999"));
        continue;
      }
      double x = std::min(zero, x_of(*value));
      pugi::xml_node bar =
          canvas.rect(x, y, std::abs(x_of(*value) - zero), kBar, series.color, "bar");
      bar.append_attribute("data-label") = detail::xml_text(spec.labels[row]).c_str();
      bar.append_attribute("data-value") = value_text(series, *value).c_str();
      bool negative = *value < 0;
      canvas.text(negative ? x - 3 : x_of(*value) + 3, y + kBar - 2, value_text(series, *value),
                  text_style_of(kValueSize, negative ? TextAnchor::kEnd : TextAnchor::kStart));
    }
    canvas.line(zero, top, zero, bottom, kAxisColor, 1.2);
  }
  return {spec.title, canvas.str(), width, height};
}

SvgChart svg_columns(const ChartSpec& spec, double width) {
  constexpr double kPlotHeight = 200;
  constexpr double kLegend = 18;
  constexpr double kLeft = 44;
  constexpr double kRight = 12;
  constexpr double kMaxSlantedLabel = 130;
  size_t count = std::max<size_t>(spec.labels.size(), 1);
  double slot = (width - kLeft - kRight) / as_px(count);
  double widest = 0;
  for (const std::string& label : spec.labels) {
    widest = std::max(widest, detail::text_width(label, kLabelSize));
  }
  bool slanted = widest > slot - 4;
  widest = std::min(widest, kMaxSlantedLabel);
  double label_band = slanted ? widest * 0.75 + 16 : 22;
  double top = kTitleHeight + kLegend + 10;
  double height = top + kPlotHeight + label_band + 8;
  SvgCanvas canvas(width, height, spec.title);
  draw_title(canvas, spec.title, width);
  Range range;
  for (const ChartSeries& series : spec.series) {
    Range r = value_range(series.values, spec.reference);
    range.low = std::min(range.low, r.low);
    range.high = std::max(range.high, r.high);
  }
  std::vector<double> ticks = detail::nice_ticks(range.low, range.high, 6);
  double low = ticks.front();
  double high = ticks.back();
  double step = ticks.size() > 1 ? ticks[1] - ticks[0] : 1;
  double plot_bottom = top + kPlotHeight;
  auto y_of = [&](double v) { return map_linear(v, low, high, plot_bottom, top); };
  for (double tick : ticks) {
    canvas.line(kLeft, y_of(tick), width - kRight, y_of(tick), kGridColor, 1);
    canvas.text(kLeft - 5, y_of(tick) + 4, detail::format_tick(tick, step),
                text_style_of(kValueSize, TextAnchor::kEnd, "#666666"));
  }
  double legend_x = kLeft;
  for (const ChartSeries& series : spec.series) {
    canvas.rect(legend_x, kTitleHeight, 12, 10, series.color);
    canvas.text(legend_x + 16, kTitleHeight + 9, series.name,
                text_style_of(kLabelSize, TextAnchor::kStart));
    legend_x += 30 + detail::text_width(series.name, kLabelSize);
  }
  double zero = y_of(0);
  size_t groups = std::max<size_t>(spec.series.size(), 1);
  double bar_width = std::min(28.0, slot * 0.7 / as_px(groups));
  for (size_t i = 0; i < spec.labels.size(); ++i) {
    double center = kLeft + slot * (as_px(i) + 0.5);
    for (size_t s = 0; s < spec.series.size(); ++s) {
      const ChartSeries& series = spec.series[s];
      double x = center - bar_width * as_px(groups) / 2 + bar_width * as_px(s);
      std::optional<double> value =
          i < series.values.size() ? series.values[i] : std::optional<double>();
      if (!value || !std::isfinite(*value)) {
        canvas.text(x + bar_width / 2, zero - 4, spec.missing_label,
                    text_style_of(kValueSize, TextAnchor::kMiddle, "#999999"));
        continue;
      }
      double y = std::min(zero, y_of(*value));
      pugi::xml_node bar =
          canvas.rect(x + 1, y, bar_width - 2, std::abs(y_of(*value) - zero), series.color, "bar");
      bar.append_attribute("data-label") = detail::xml_text(spec.labels[i]).c_str();
      bar.append_attribute("data-value") = value_text(series, *value).c_str();
      bool negative = *value < 0;
      canvas.text(x + bar_width / 2, negative ? y_of(*value) + 11 : y_of(*value) - 3,
                  value_text(series, *value), text_style_of(9, TextAnchor::kMiddle));
    }
    TextStyle label = text_style_of(kLabelSize, slanted ? TextAnchor::kEnd : TextAnchor::kMiddle);
    if (slanted) label.rotate = -45;
    canvas.text(slanted ? center + 4 : center, plot_bottom + 16,
                detail::fit_text(spec.labels[i], kMaxSlantedLabel, kLabelSize), label);
  }
  canvas.line(kLeft, zero, width - kRight, zero, kAxisColor, 1.2);
  if (spec.reference) {
    double y = y_of(*spec.reference);
    canvas.line(kLeft, y, width - kRight, y, "#c0392b", 1.2, "5 3");
    canvas.text(
        width - kRight, y - 4,
        fmt::format("{} {}", spec.reference_label, detail::format_fixed(*spec.reference, 1)),
        text_style_of(kValueSize, TextAnchor::kEnd, "#c0392b"));
  }
  return {spec.title, canvas.str(), width, height};
}

}  // namespace zhizao
