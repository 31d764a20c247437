#include "document/svg_canvas.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <sstream>

#include "base/text.h"

namespace zhizao::detail {
namespace {

const char* anchor_name(TextAnchor anchor) {
  switch (anchor) {
    case TextAnchor::kStart:
      return "start";
    case TextAnchor::kMiddle:
      return "middle";
    case TextAnchor::kEnd:
      return "end";
  }
  return "start";
}

}  // namespace

SvgCanvas::SvgCanvas(double width, double height, std::string_view title) {
  svg_ = document_.append_child("svg");
  svg_.append_attribute("xmlns") = "http://www.w3.org/2000/svg";
  svg_.append_attribute("width") = svg_number(width).c_str();
  svg_.append_attribute("height") = svg_number(height).c_str();
  svg_.append_attribute("viewBox") =
      fmt::format("0 0 {} {}", svg_number(width), svg_number(height)).c_str();
  svg_.append_attribute("font-family") = kChartFontFamily;
  svg_.append_child("title").text().set(xml_text(title).c_str());
  rect(0, 0, width, height, "#ffffff");
}

pugi::xml_node SvgCanvas::rect(double x, double y, double width, double height,
                               std::string_view fill, std::string_view css_class) {
  pugi::xml_node node = svg_.append_child("rect");
  if (!css_class.empty()) node.append_attribute("class") = std::string(css_class).c_str();
  node.append_attribute("x") = svg_number(x).c_str();
  node.append_attribute("y") = svg_number(y).c_str();
  node.append_attribute("width") = svg_number(std::max(width, 0.0)).c_str();
  node.append_attribute("height") = svg_number(std::max(height, 0.0)).c_str();
  node.append_attribute("fill") = std::string(fill).c_str();
  return node;
}

pugi::xml_node SvgCanvas::line(double x1, double y1, double x2, double y2, std::string_view stroke,
                               double stroke_width, std::string_view dash) {
  pugi::xml_node node = svg_.append_child("line");
  node.append_attribute("x1") = svg_number(x1).c_str();
  node.append_attribute("y1") = svg_number(y1).c_str();
  node.append_attribute("x2") = svg_number(x2).c_str();
  node.append_attribute("y2") = svg_number(y2).c_str();
  node.append_attribute("stroke") = std::string(stroke).c_str();
  node.append_attribute("stroke-width") = svg_number(stroke_width).c_str();
  if (!dash.empty()) node.append_attribute("stroke-dasharray") = std::string(dash).c_str();
  return node;
}

pugi::xml_node SvgCanvas::path(std::string_view d, std::string_view stroke, double stroke_width,
                               std::string_view css_class) {
  pugi::xml_node node = svg_.append_child("path");
  if (!css_class.empty()) node.append_attribute("class") = std::string(css_class).c_str();
  node.append_attribute("d") = std::string(d).c_str();
  node.append_attribute("fill") = "none";
  node.append_attribute("stroke") = std::string(stroke).c_str();
  node.append_attribute("stroke-width") = svg_number(stroke_width).c_str();
  node.append_attribute("stroke-linejoin") = "round";
  return node;
}

pugi::xml_node SvgCanvas::circle(double cx, double cy, double r, std::string_view fill) {
  pugi::xml_node node = svg_.append_child("circle");
  node.append_attribute("cx") = svg_number(cx).c_str();
  node.append_attribute("cy") = svg_number(cy).c_str();
  node.append_attribute("r") = svg_number(r).c_str();
  node.append_attribute("fill") = std::string(fill).c_str();
  return node;
}

pugi::xml_node SvgCanvas::text(double x, double y, std::string_view content,
                               const TextStyle& style) {
  pugi::xml_node node = svg_.append_child("text");
  node.append_attribute("x") = svg_number(x).c_str();
  node.append_attribute("y") = svg_number(y).c_str();
  node.append_attribute("font-size") = svg_number(style.size).c_str();
  node.append_attribute("fill") = style.fill.c_str();
  if (style.anchor != TextAnchor::kStart) {
    node.append_attribute("text-anchor") = anchor_name(style.anchor);
  }
  if (style.weight == FontWeight::kBold) node.append_attribute("font-weight") = "bold";
  if (style.rotate != 0) {
    node.append_attribute("transform") =
        fmt::format("rotate({} {} {})", svg_number(style.rotate), svg_number(x), svg_number(y))
            .c_str();
  }
  node.text().set(xml_text(content).c_str());
  return node;
}

std::string SvgCanvas::str() const {
  std::ostringstream out;
  document_.save(out, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
  return out.str();
}

std::string xml_text(std::string_view text) {
  bool utf8 = is_valid_utf8(text);
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 && c != '\t' && c != '\n' && c != '\r') continue;
    if (!utf8 && byte >= 0x80) {
      out += "\xEF\xBF\xBD";
      continue;
    }
    out += c;
  }
  return out;
}

double text_width(std::string_view text, double font_size) {
  // display_width counts a CJK character as two columns: one em; an ASCII one about half.
  return display_width(text) * font_size * 0.55;
}

std::string fit_text(std::string_view text, double max_width, double font_size) {
  if (text_width(text, font_size) <= max_width) return std::string(text);
  std::string out;
  for (size_t i = 0; i < text.size();) {
    unsigned char lead = static_cast<unsigned char>(text[i]);
    size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    std::string next = out + std::string(text.substr(i, length));
    if (text_width(next + "…", font_size) > max_width) break;
    out = std::move(next);
    i += length;
  }
  return out + "…";
}

std::string svg_number(double value) {
  if (!std::isfinite(value)) return "0";
  std::string text = fmt::format("{:.3f}", value);
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  if (text == "-0") text = "0";
  return text;
}

std::vector<double> nice_ticks(double low, double high, int max_ticks) {
  if (!std::isfinite(low) || !std::isfinite(high)) return {0, 1};
  if (high < low) std::swap(low, high);
  if (high - low < 1e-9) {
    low -= 1;
    high += 1;
  }
  double rough = (high - low) / std::max(max_ticks - 1, 1);
  double magnitude = std::pow(10.0, std::floor(std::log10(rough)));
  double step = magnitude * 10;
  for (double factor : {1.0, 2.0, 2.5, 5.0, 10.0}) {
    if (factor * magnitude >= rough) {
      step = factor * magnitude;
      break;
    }
  }
  std::vector<double> ticks;
  double first = std::floor(low / step + 1e-9) * step;
  for (double tick = first; tick < high + step - 1e-9; tick += step) {
    ticks.push_back(std::abs(tick) < step * 1e-9 ? 0.0 : tick);
  }
  return ticks;
}

std::string format_tick(double value, double step) {
  int decimals = step >= 1 - 1e-9 ? 0 : (step >= 0.1 - 1e-9 ? 1 : 2);
  std::string text = fmt::format("{:.{}f}", value, decimals);
  return text == "-0" || text == "-0.0" || text == "-0.00" ? text.substr(1) : text;
}

}  // namespace zhizao::detail
