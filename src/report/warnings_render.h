// The early warnings of a report (engine/v2_figures.h `Warning`, computed by src/warnings) as the
// data contract's JSON ("v2 additions", "Warnings") and as a table in Chinese or English, for
// `zhizao warnings`, GET /api/warnings and the report's own JSON. Pure functions; thread-safe.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/language.h"
#include "engine/report_data.h"
#include "report/render.h"

namespace zhizao {

// "red", "orange", "yellow" or "blue".
const char* warning_level_key(WarningLevel level);

// One warning as {"level", "rule", "subject": {"kind", "id"}, "reason", "figures": {…}} plus the
// extra keys "name" (the subject's), "since" ("YYYY-MM" or null) and "months" (the run counted,
// when the rule counts one). The reason in `language`.
nlohmann::ordered_json warning_to_json(const Warning& warning, Language language);

// The warnings as a JSON array, in their order.
nlohmann::ordered_json warnings_to_json(const std::vector<Warning>& warnings, Language language);

// The answer of `zhizao warnings`: kJson gives {"period", "warnings": [...]} (dump(2) plus a
// newline); kText and kMarkdown a title and a table (level, rule, subject, reason, since), or a
// sentence saying there are none.
std::string render_warnings(YearMonth period, const std::vector<Warning>& warnings,
                            ReportFormat format, Language language);

}  // namespace zhizao
