// The chart kinds of the printed report, drawn as SVG by zhizao itself (no chart library in
// Debian writes SVG from C++): horizontal bars in panels (divisions: growth and pull), columns
// (counties), and lines (the 24-month trend). A missing figure (nullopt) is never drawn as 0: a
// bar chart writes "—" in its place, a line breaks. Negative bars extend below (columns) or
// left of (horizontal bars) the zero axis. Pure functions, thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace zhizao {

struct ChartSeries {
  std::string name;                           // legend or panel heading, e.g. "增加值增速(%)"
  std::vector<std::optional<double>> values;  // one per label; nullopt: no figure
  std::string color;                          // CSS colour of bars or line, e.g. "#c0392b"
  int decimals = 1;                           // of the value labels
};

struct ChartSpec {
  std::string title;
  std::vector<std::string> labels;  // categories (bars) or periods (line)
  std::vector<ChartSeries> series;
  // A dashed reference line across the columns (e.g. the city's growth), with its label.
  std::optional<double> reference;
  std::string reference_label;
  std::string missing_label = "—";  // written where a bar has no figure
};

// A drawn chart: the <svg> element (no XML declaration) and its size in px (96 per inch).
struct SvgChart {
  std::string title;
  std::string svg;
  double width = 0;
  double height = 0;
};

// Default width of the report's charts: the text width of A4 with 2 cm margins (170 mm).
inline constexpr double kChartWidth = 640;

// One row per label; one panel per series side by side, each with its own zero axis and scale.
SvgChart svg_horizontal_bars(const ChartSpec& spec, double width = kChartWidth);

// One column group per label, one column per series; labels slanted when they do not fit.
SvgChart svg_columns(const ChartSpec& spec, double width = kChartWidth);

// One line per series over the labels; a legend above; only every n-th label written.
SvgChart svg_lines(const ChartSpec& spec, double width = kChartWidth);

}  // namespace zhizao
