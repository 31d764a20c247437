// The monthly analysis as structured content: the narrative (title, sections, paragraphs) and the
// tables that render_report writes as text, for the formats that lay them out themselves (the
// document module's xlsx, docx and html). Pure functions, thread-safe.
#pragma once

#include <string>
#include <vector>

#include "base/language.h"
#include "engine/report_data.h"
#include "report/narrative.h"
#include "report/table_writer.h"

namespace zhizao {

struct ReportDocument {
  detail::Narrative narrative;        // as narrative_zh / narrative_en
  std::string period_label;           // "2021年1—4月" / "January–April 2021"
  std::string tables_heading;         // "附表" / "Tables"
  std::vector<detail::Table> tables;  // as report_tables: numbered, only tables with rows
};

// Returns the same narrative and tables render_report(report, kText, language) writes.
ReportDocument report_document(const ReportData& report, Language language);

}  // namespace zhizao
