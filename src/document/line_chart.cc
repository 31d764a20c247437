// Lines over periods (the 24-month trend). A missing point breaks its line: the path starts a
// new segment after it, so a gap never reads as a fall to 0.
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

constexpr double kTop = 62;
constexpr double kPlotHeight = 210;
constexpr double kLeft = 44;
constexpr double kRight = 40;

struct EndLabel {
  double y;
  double x;
  const ChartSeries* series;
  size_t index;
};

}  // namespace

SvgChart svg_lines(const ChartSpec& spec, double width) {
  double height = kTop + kPlotHeight + 34;
  SvgCanvas canvas(width, height, spec.title);
  TextStyle title = text_style_of(15, TextAnchor::kMiddle, "#1a1a1a");
  title.weight = detail::FontWeight::kBold;
  canvas.text(width / 2, 22, spec.title, title);
  double low = 0;
  double high = 0;
  for (const ChartSeries& series : spec.series) {
    for (const auto& value : series.values) {
      if (!value || !std::isfinite(*value)) continue;
      low = std::min(low, *value);
      high = std::max(high, *value);
    }
  }
  std::vector<double> ticks = detail::nice_ticks(low, high, 6);
  double step = ticks.size() > 1 ? ticks[1] - ticks[0] : 1;
  double bottom = kTop + kPlotHeight;
  auto y_of = [&](double v) {
    return bottom - (v - ticks.front()) / (ticks.back() - ticks.front()) * kPlotHeight;
  };
  size_t count = spec.labels.size();
  double plot_width = width - kLeft - kRight;
  auto x_of = [&](size_t i) {
    return count <= 1 ? kLeft + plot_width / 2 : kLeft + plot_width * as_px(i) / as_px(count - 1);
  };
  for (double tick : ticks) {
    canvas.line(kLeft, y_of(tick), width - kRight, y_of(tick), tick == 0 ? "#555555" : "#e3e3e3",
                tick == 0 ? 1.2 : 1);
    canvas.text(kLeft - 5, y_of(tick) + 4, detail::format_tick(tick, step),
                text_style_of(10, TextAnchor::kEnd, "#666666"));
  }
  // About eight labels along the axis, always including the last period.
  size_t every = std::max<size_t>(1, (count + 7) / 8);
  for (size_t i = 0; i < count; ++i) {
    if ((count - 1 - i) % every != 0) continue;
    canvas.line(x_of(i), bottom, x_of(i), bottom + 4, "#555555", 1);
    canvas.text(x_of(i), bottom + 17, spec.labels[i], text_style_of(10, TextAnchor::kMiddle));
  }
  double legend_x = kLeft;
  for (const ChartSeries& series : spec.series) {
    canvas.line(legend_x, 42, legend_x + 18, 42, series.color, 2.5);
    canvas.text(legend_x + 22, 46, series.name, text_style_of(11, TextAnchor::kStart));
    legend_x += 40 + detail::text_width(series.name, 11);
  }
  std::vector<EndLabel> ends;
  for (const ChartSeries& series : spec.series) {
    std::string d;
    bool pen_down = false;
    std::optional<size_t> last;
    for (size_t i = 0; i < count && i < series.values.size(); ++i) {
      const auto& value = series.values[i];
      if (!value || !std::isfinite(*value)) {
        pen_down = false;
        continue;
      }
      d += fmt::format("{}{},{} ", pen_down ? "L" : "M", detail::svg_number(x_of(i)),
                       detail::svg_number(y_of(*value)));
      pen_down = true;
      last = i;
    }
    if (!d.empty()) {
      d.pop_back();
      canvas.path(d, series.color, 2, "series");
    }
    for (size_t i = 0; i < count && i < series.values.size(); ++i) {
      const auto& value = series.values[i];
      if (value && std::isfinite(*value)) canvas.circle(x_of(i), y_of(*value), 2.6, series.color);
    }
    if (last) ends.push_back({y_of(*series.values[*last]) + 4, x_of(*last) + 5, &series, *last});
  }
  // The last values are written right of the lines, moved apart so that they never overlap.
  std::sort(ends.begin(), ends.end(),
            [](const EndLabel& a, const EndLabel& b) { return a.y < b.y; });
  for (size_t i = 1; i < ends.size(); ++i) ends[i].y = std::max(ends[i].y, ends[i - 1].y + 11);
  for (const EndLabel& end : ends) {
    double value = *end.series->values[end.index];
    canvas.text(end.x, end.y, detail::format_fixed(value, end.series->decimals),
                text_style_of(10, TextAnchor::kStart, end.series->color));
  }
  return {spec.title, canvas.str(), width, height};
}

}  // namespace zhizao
