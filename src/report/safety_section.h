// The report's "汛期安全检查" (flood-season safety checks) part from ReportData::safety
// (docs/safety.md): per plan the enterprises in scope, checked and not, coverage against time
// progress, the hazards found, rectified, open and overdue, and the days without a duty person;
// its table and its JSON (the key `safety`, a zhizao addition beside the contract's keys). Pure
// functions, thread-safe. Nothing is rendered when the report has no safety figures.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/language.h"
#include "engine/report_data.h"
#include "report/table_writer.h"

namespace zhizao::detail {

// At most this many enterprises, hazards or days are named in a sentence; the rest are counted.
inline constexpr std::size_t kSafetyNamedItems = 10;

// One paragraph per plan; empty when the report has no safety figures.
std::vector<std::string> safety_paragraphs_zh(const ReportData& report, const std::string& area);
std::vector<std::string> safety_paragraphs_en(const ReportData& report, const std::string& area);

// Appends the table of the plans' figures (one row per plan) when the report has them.
void append_safety_tables(const ReportData& report, Language language, std::vector<Table>& tables);

// Returns {"as_of", "plans": [{"id", "name", "kind", "divisions", "region", "from", "to",
// "enterprises", "checked", "unchecked", "coverage", "time_progress", "hazards", "major",
// "ordinary", "counties", "overdue_hazards", "roster_gaps"}]} (docs/safety.md "JSON").
nlohmann::ordered_json safety_to_json(const SafetyFigures& safety);

}  // namespace zhizao::detail
