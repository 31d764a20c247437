// Rendering of ReportData and Explanation: the monthly analysis (工业经济运行分析) in Chinese or
// English, as terminal text or Markdown, and the contract's JSON.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "base/language.h"
#include "engine/engine.h"
#include "engine/report_data.h"

namespace zhizao {

enum class ReportFormat { kText, kMarkdown, kJson };

// Returns the report object of the data contract ("report --json"): rates in percent,
// unrounded, null without a denominator; extra keys beyond the contract are allowed.
nlohmann::ordered_json report_to_json(const ReportData& report);

// Returns the whole report: narrative first, then the tables (divisions ranked with growth,
// contribution and pull; counties; parks; chains; key enterprises up and down; projects).
// kJson gives report_to_json(report).dump(2) plus a newline.
std::string render_report(const ReportData& report, ReportFormat format, Language language);

// Returns the explanation of a figure: the set's totals and its enterprises' parts.
std::string render_explanation(const Explanation& explanation, ReportFormat format,
                               Language language);

}  // namespace zhizao
