// render_html_report: one HTML5 file with everything inline, styled after a printed monthly
// analysis (A4, serif body, bordered tables, numbered figures).
#include <fmt/format.h>

#include "document/document_content.h"
#include "document/office_report.h"
#include "document/svg_canvas.h"

namespace zhizao {
namespace {

constexpr const char* kStyle = R"css(
@page { size: A4; margin: 20mm 18mm 18mm 18mm; }
* { box-sizing: border-box; }
body { margin: 0; color: #111; background: #fff;
  font-family: 'Noto Serif CJK SC', 'Source Han Serif SC', 'SimSun', 'Songti SC', serif;
  font-size: 11pt; line-height: 1.75; }
article { max-width: 174mm; margin: 0 auto; padding: 8mm 0; }
header.masthead { text-align: center; border-bottom: 2px solid #b00000; margin-bottom: 6mm;
  padding-bottom: 3mm; }
.kind { color: #b00000; font-size: 13pt; letter-spacing: 0.3em; font-weight: bold;
  font-family: 'Noto Sans CJK SC', 'Source Han Sans SC', 'SimHei', sans-serif; }
h1 { font-size: 20pt; margin: 3mm 0 2mm; line-height: 1.4;
  font-family: 'Noto Sans CJK SC', 'Source Han Sans SC', 'SimHei', sans-serif; }
.meta { margin: 0; font-size: 10pt; color: #444; }
h2 { font-size: 13pt; margin: 5mm 0 1mm; page-break-after: avoid;
  font-family: 'Noto Sans CJK SC', 'Source Han Sans SC', 'SimHei', sans-serif; }
p { margin: 0 0 1.5mm; text-align: justify; }
article:lang(zh) section p { text-indent: 2em; }
figure { margin: 4mm 0; text-align: center; page-break-inside: avoid; break-inside: avoid; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-size: 10pt; color: #333; margin-top: 1mm; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 1mm; font-size: 9.5pt;
  line-height: 1.4; page-break-inside: auto; }
caption { font-weight: bold; font-size: 10.5pt; padding: 2mm 0 1.5mm; caption-side: top;
  font-family: 'Noto Sans CJK SC', 'Source Han Sans SC', 'SimHei', sans-serif; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; break-inside: avoid; }
th, td { border: 1px solid #000; padding: 1mm 1.5mm; }
th { background: #eef1f6; font-weight: bold; text-align: center; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.note { font-size: 9pt; color: #333; text-indent: 0; }
.table-block { margin-bottom: 4mm; }
@media print { article { padding: 0; } }
)css";

std::string escape(std::string_view raw) {
  std::string text = detail::xml_text(raw);
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string table_html(const detail::Table& table) {
  std::string out = "<div class=\"table-block\"><table>\n<caption>" + escape(table.title) +
                    "</caption>\n<thead><tr>";
  for (const detail::Column& column : table.columns)
    out += "<th>" + escape(column.header) + "</th>";
  out += "</tr></thead>\n<tbody>\n";
  for (const auto& row : table.rows) {
    out += "<tr>";
    for (size_t c = 0; c < table.columns.size(); ++c) {
      std::string cell = c < row.size() ? row[c] : "";
      out += detail::numeric_column(table, c) ? "<td class=\"num\">" : "<td>";
      out += escape(cell) + "</td>";
    }
    out += "</tr>\n";
  }
  out += "</tbody></table>\n";
  for (const std::string& note : table.footnotes)
    out += "<p class=\"note\">" + escape(note) + "</p>\n";
  return out + "</div>\n";
}

}  // namespace

Result<std::string> render_html_report(const ReportData& report,
                                       const std::vector<TrendPoint>& trend,
                                       const OfficeOptions& options) {
  detail::DocumentContent content = detail::document_content(report, trend, options);
  const detail::Narrative& narrative = content.document.narrative;
  std::string out = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta name=\"generator\" content=\"zhizao\">\n<title>{}</title>\n<style>{}</style>\n"
      "</head>\n<body>\n<article lang=\"{}\">\n",
      content.language_tag, escape(narrative.title), kStyle, content.language_tag);
  out += "<header class=\"masthead\">\n<div class=\"kind\">" + escape(content.kind) + "</div>\n";
  out +=
      "<h1>" + escape(narrative.title) + "</h1>\n<p class=\"meta\">" + escape(content.period_line);
  if (!content.date_line.empty()) out += "　" + escape(content.date_line);
  out += "</p>\n</header>\n";
  for (const detail::NarrativeSection& section : narrative.sections) {
    out += "<section>\n<h2>" + escape(section.heading) + "</h2>\n";
    for (const std::string& paragraph : section.paragraphs) {
      out += "<p>" + escape(paragraph) + "</p>\n";
    }
    out += "</section>\n";
  }
  if (!content.charts.empty()) {
    out += "<section class=\"charts\">\n<h2>" + escape(content.charts_heading) + "</h2>\n";
    for (size_t i = 0; i < content.charts.size(); ++i) {
      out += "<figure>\n" + content.charts[i].svg + "\n<figcaption>" +
             escape(content.chart_captions[i]) + "</figcaption>\n</figure>\n";
    }
    out += "</section>\n";
  }
  if (!content.document.tables.empty()) {
    out += "<section class=\"tables\">\n<h2>" + escape(content.document.tables_heading) + "</h2>\n";
    for (const detail::Table& table : content.document.tables) out += table_html(table);
    out += "</section>\n";
  }
  out += "</article>\n</body>\n</html>\n";
  return out;
}

}  // namespace zhizao
