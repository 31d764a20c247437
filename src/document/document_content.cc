#include "document/document_content.h"

#include <fmt/format.h>

#include <ctime>

#include "document/report_charts.h"
#include "report/period_wording.h"

namespace zhizao {
namespace detail {

DocumentContent document_content(const ReportData& report, const std::vector<TrendPoint>& trend,
                                 const OfficeOptions& options) {
  bool zh = options.language == Language::kZh;
  DocumentContent content;
  content.document = report_document(report, options.language);
  content.charts = report_charts(report, trend, options.language);
  content.kind = zh ? "工业经济运行分析" : "Industrial Economy Monthly Analysis";
  content.period_line = (zh ? "统计时段：" : "Period: ") + content.document.period_label;
  if (!options.issue_date.empty()) {
    content.date_line = (zh ? "编制日期：" : "Issued: ") + options.issue_date;
  }
  content.charts_heading = zh ? "图表" : "Charts";
  for (size_t i = 0; i < content.charts.size(); ++i) {
    content.chart_captions.push_back(
        zh ? fmt::format("图{} {}", i + 1, content.charts[i].title)
           : fmt::format("Figure {}. {}", i + 1, content.charts[i].title));
  }
  content.language_tag = zh ? "zh-CN" : "en";
  return content;
}

bool numeric_column(const Table& table, size_t column) {
  return column < table.columns.size() && table.columns[column].align == Align::kRight;
}

}  // namespace detail

std::string today_label(Language language) {
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  int year = local.tm_year + 1900;
  int month = local.tm_mon + 1;
  if (language == Language::kZh) return fmt::format("{}年{}月{}日", year, month, local.tm_mday);
  return fmt::format("{} {} {}", local.tm_mday, detail::english_month(month), year);
}

}  // namespace zhizao
