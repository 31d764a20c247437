// The monthly analysis in the formats people open outside a terminal: an Excel workbook of the
// tables (xlsx), a Word document (docx) and one self-contained, printable HTML file, the last two
// with zhizao's charts. The content is render_report's (report_document): the same narrative and
// tables. Functions are pure apart from write_xlsx_report's file, and thread-safe.
#pragma once

#include <string>
#include <vector>

#include "base/language.h"
#include "base/result.h"
#include "engine/report_data.h"
#include "engine/trend.h"

namespace zhizao {

enum class OfficeFormat { kXlsx, kDocx, kHtml };

struct OfficeOptions {
  Language language = Language::kZh;
  // The date printed under the title, e.g. "2021年5月12日"; empty leaves the line out. A
  // parameter, not the clock, so that the same input gives the same bytes.
  std::string issue_date;
};

// Returns the HTML5 page: inline CSS and inline SVG charts, no external reference (no URL,
// script, font or image file), laid out for A4 print. Errors: none expected (kInternal on a bug).
Result<std::string> render_html_report(const ReportData& report,
                                       const std::vector<TrendPoint>& trend,
                                       const OfficeOptions& options);

// Returns the bytes of a .docx (Office Open XML, ISO/IEC 29500 transitional): title, date,
// narrative sections, charts as PNG pictures (rendered from the SVG, which is embedded too as an
// svgBlip for Word 2016+), and the tables with borders. Errors: kInternal when the zip or a PNG
// cannot be made.
Result<std::string> render_docx_report(const ReportData& report,
                                       const std::vector<TrendPoint>& trend,
                                       const OfficeOptions& options);

// Writes an .xlsx workbook to `path` (via a temporary file beside it, then renamed): a first
// sheet with the narrative, then one sheet per table, numbers stored as numbers with display
// formats, frozen header rows, column widths fitted to the (Chinese) text. Errors: kIoError when
// the file cannot be written.
Status write_xlsx_report(const ReportData& report, const std::string& path,
                         const OfficeOptions& options);

// Returns today's local date in the report language: "2026年11月28日" / "28 November 2026".
std::string today_label(Language language);

}  // namespace zhizao
