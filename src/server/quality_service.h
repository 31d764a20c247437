// The data-quality findings of a period as the CLI (`zhizao quality`, the report's appendix) and
// the API (/api/quality) give them: the checks of src/quality over the same records as the
// reports, the physical limits of the audit rules (rules/rule_check.h) merged in as findings of
// the check "physical_limit", and the reviewers' verifications (store/quality_verifications.h)
// applied. It lives here, above quality, rules and columnar, because only this layer sees all
// three; the CLI links the server module.
#pragma once

#include <string>

#include "base/result.h"
#include "columnar/report_input.h"
#include "engine/report_data.h"
#include "quality/quality_checks.h"
#include "quality/quality_report.h"
#include "quality/quality_thresholds.h"
#include "rules/rule_set.h"
#include "store/daily_readings_source.h"
#include "store/database.h"

namespace zhizao {

// Computes the report of `request` over `input` (read from `db`), with `thresholds` and the
// physical limits of `rules`. Findings sorted by uscc, then check order. Errors: kUsage for a
// January period or an unknown scope; kIoError from the verification table; kInvalidData for a
// rule expression that does not compile.
// `readings`: where the electricity checks read the daily readings (`--clickhouse`,
// clickhouse/daily_readings_of.h); null: the database's own.
Result<QualityReport> quality_report_of(Database& db, const ReportInput& input,
                                        const QualityRequest& request,
                                        const QualityThresholds& thresholds, const RuleSet& rules,
                                        const DailyReadingsSource* readings = nullptr);

// Fills report.quality_findings with the open findings of the report's period and scope (default
// thresholds and rules), for the report's appendix. Errors: as quality_report_of.
Status attach_open_quality_findings(Database& db, const ReportInput& input,
                                    const ReportRequest& request, ReportData& report);

// The same with `thresholds` and the physical limits of `rules` (the server's, `serve
// --quality-rules` and `--rules`).
Status attach_open_quality_findings(Database& db, const ReportInput& input,
                                    const ReportRequest& request, ReportData& report,
                                    const QualityThresholds& thresholds, const RuleSet& rules,
                                    const DailyReadingsSource* readings = nullptr);

}  // namespace zhizao
