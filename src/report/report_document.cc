#include "report/report_document.h"

#include "report/period_wording.h"
#include "report/tables.h"

namespace zhizao {

ReportDocument report_document(const ReportData& report, Language language) {
  ReportDocument document;
  document.narrative =
      language == Language::kZh ? detail::narrative_zh(report) : detail::narrative_en(report);
  document.period_label = detail::window_label_with_year(report.period, report.window, language);
  document.tables_heading = language == Language::kZh ? "附表" : "Tables";
  document.tables = detail::report_tables(report, language);
  return document;
}

}  // namespace zhizao
