// The findings of one period as the CLI and the API give them: the reviewers' verifications
// applied, and the contract's JSON ({"period", "findings": [{"uscc", "check", "months",
// "evidence", "status"}]}), plain text or Markdown in Chinese or English.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

#include "base/language.h"
#include "engine/v2_figures.h"
#include "store/quality_verifications.h"

namespace zhizao {

struct QualityReport {
  YearMonth period;
  std::string scope;  // as asked; empty for all
  std::vector<QualityFinding> findings;
};

// Marks verified every finding whose months are all verified for its enterprise and check (the
// latest verification's user, time and note are shown); the others stay open. Pure.
void apply_verifications(std::vector<QualityFinding>& findings,
                         const std::vector<QualityVerification>& verifications);

// Whether the JSON carries only the contract's keys or, for the dashboard, also the enterprise's
// name, county, division and the reason in both languages.
enum class QualityJsonDetail { kContract, kDashboard };

// The report as JSON. Evidence: the scalar figures and labels by name, and each series as an
// array parallel to "months" (null where a value is missing). A verified finding also carries
// "verified_by", "verified_at" and "note". Pure.
nlohmann::json quality_report_to_json(const QualityReport& report, QualityJsonDetail detail);

// One finding as JSON (as in quality_report_to_json).
nlohmann::json quality_finding_to_json(const QualityFinding& finding, QualityJsonDetail detail);

// The report as text (a table-like list) or Markdown, in `language`: each finding with its
// enterprise, check, months and reason, worded as something to verify. Pure.
enum class QualityTextFormat { kText, kMarkdown };
std::string quality_report_to_text(const QualityReport& report, Language language,
                                   QualityTextFormat format);

// The check's name in `language` (e.g. 与上年同期相同 / copied from last year).
std::string quality_check_title(const std::string& check, Language language);

}  // namespace zhizao
