// What the HTML and the Word file lay out: the report's structured text, its charts and the lines
// under the title. Pure, thread-safe.
#pragma once

#include <string>
#include <vector>

#include "document/office_report.h"
#include "document/svg_charts.h"
#include "report/report_document.h"

namespace zhizao::detail {

struct DocumentContent {
  ReportDocument document;
  std::vector<SvgChart> charts;
  std::string kind;         // "工业经济运行分析" / "Industrial Economy Monthly Analysis"
  std::string period_line;  // "统计时段：2021年1—4月" / "Period: January–April 2021"
  std::string date_line;    // "编制日期：…" or empty
  std::string charts_heading;
  std::vector<std::string> chart_captions;  // "图1 …", one per chart
  std::string language_tag;                 // "zh-CN" / "en"
};

DocumentContent document_content(const ReportData& report, const std::vector<TrendPoint>& trend,
                                 const OfficeOptions& options);

// True for a table column whose cells are figures (right-aligned in the text rendering).
bool numeric_column(const Table& table, size_t column);

}  // namespace zhizao::detail
