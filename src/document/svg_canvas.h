// A small SVG writer for zhizao's charts: a pugixml document with the primitives the charts use,
// so every attribute and text is escaped and the result is always well-formed XML. Text widths
// are estimated (a CJK character one em, others about half), as no font is measured here.
// Not thread-safe per object; separate objects are independent.
#pragma once

#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace zhizao::detail {

// Fonts that hold Chinese on Debian (fonts-noto-cjk), Windows and macOS, then any sans-serif.
inline constexpr const char* kChartFontFamily =
    "'Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei','PingFang SC','SimHei',sans-serif";

enum class TextAnchor { kStart, kMiddle, kEnd };
enum class FontWeight { kNormal, kBold };

// The labels' usual grey: dark enough on white paper and on the dashboard's light theme.
inline constexpr std::string_view kLabelFill = "#333333";

struct TextStyle {
  double size = 12;
  TextAnchor anchor = TextAnchor::kStart;
  FontWeight weight = FontWeight::kNormal;
  std::string fill{kLabelFill};
  double rotate = 0;  // degrees around the anchor point, e.g. −45 for slanted axis labels
};

// A text style of `size` and `anchor` in `fill`, the charts' usual labels.
inline TextStyle text_style_of(double size, TextAnchor anchor,
                               std::string fill = std::string(kLabelFill)) {
  TextStyle text_style;
  text_style.size = size;
  text_style.anchor = anchor;
  text_style.fill = std::move(fill);
  return text_style;
}

class SvgCanvas {
 public:
  // An <svg> of `width` × `height` px with a <title> (for screen readers and tooltips).
  SvgCanvas(double width, double height, std::string_view title);

  // `css_class` marks bars ("bar") and series so tests and stylesheets can find them.
  pugi::xml_node rect(double x, double y, double width, double height, std::string_view fill,
                      std::string_view css_class = {});
  pugi::xml_node line(double x1, double y1, double x2, double y2, std::string_view stroke,
                      double stroke_width, std::string_view dash = {});
  pugi::xml_node path(std::string_view d, std::string_view stroke, double stroke_width,
                      std::string_view css_class = {});
  pugi::xml_node circle(double cx, double cy, double r, std::string_view fill);
  pugi::xml_node text(double x, double y, std::string_view content, const TextStyle& style);

  // Returns the SVG element alone (no XML declaration), for inline HTML and for files.
  std::string str() const;

 private:
  pugi::xml_document document_;
  pugi::xml_node svg_;
};

// A count as a coordinate factor (counts of labels are far below 2^53).
inline double as_px(size_t count) { return static_cast<double>(count); }

// Returns `text` fit for XML 1.0 character data: control characters other than tab and line ends
// dropped, and, in text that is not UTF-8, each non-ASCII byte replaced by U+FFFD (data names may
// come from any file; a Word or SVG reader refuses the whole file for one such character).
std::string xml_text(std::string_view text);

// Estimated width in px of `text` at `font_size`.
double text_width(std::string_view text, double font_size);

// Returns `text`, cut at a character boundary and ended with "…" when it is wider than
// `max_width` px at `font_size`.
std::string fit_text(std::string_view text, double max_width, double font_size);

// Returns `value` with up to 3 decimals, trailing zeros removed: 2 → "2", 0.5 → "0.5".
std::string svg_number(double value);

// Evenly spaced axis ticks at a "nice" step (1, 2, 2.5 or 5 × 10^k) covering [low, high], at most
// about `max_ticks` of them; the first tick ≤ low and the last ≥ high. low == high is widened.
std::vector<double> nice_ticks(double low, double high, int max_ticks);

// Formats a tick value with as many decimals as its step needs (0, 1 or 2).
std::string format_tick(double value, double step);

}  // namespace zhizao::detail
