// The evaluation of each kind of warning rule, before reasons are written: every function appends
// the warnings its rules raise (level, rule, subject, figures, since) to `out`.
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "engine/engine.h"
#include "engine/indexed_dataset.h"
#include "engine/region_scope.h"
#include "engine/report_data.h"
#include "engine/set_membership.h"
#include "warnings/warning_rules.h"

namespace zhizao::detail {

// The enterprise rules (output_falling, key_below_band) of `rules`, in one pass over the
// enterprises of `scope` (docs/methodology.md, "Early warnings").
void add_enterprise_warnings(const IndexedDataset& records, const RegionScope& scope,
                             YearMonth period, const KeyEnterprises& key,
                             std::span<const WarningRule* const> rules, std::vector<Warning>& out);

// negative_pull, behind_city and electricity_diverging over the report's sets.
void add_set_warnings(const ReportData& figures, std::span<const WarningRule* const> rules,
                      std::vector<Warning>& out);

// Whether `kind` is one of the set kinds above.
bool is_set_kind(WarningKind kind);

// The sets of `figures` that `rule` (a set kind) is about: divisions, regions, parks or chains.
const std::vector<SetFigures>& subject_sets(const ReportData& figures, const WarningRule& rule);

// The family of subject_sets(figures, rule), for computing only the sets the runs read.
SetFamily subject_family(const WarningRule& rule);

// Whether `rule` (a set kind) holds for `set`, one of subject_sets(figures, rule).
bool set_rule_holds(const ReportData& figures, const WarningRule& rule, const SetFigures& set);

// The longest run a set warning's `since` is looked for (docs/methodology.md, "Runs of reports").
inline constexpr int kMaxSetRunReports = 12;

// Sets `since` and the figure `months` of the set warnings in `warnings` (raised by `rules` for
// `request`): the reports of the months before request.period, same window and scope, are
// computed from `records` back to the first whose figures do not raise the warning, at most
// kMaxSetRunReports reports in all. January is no report of its own (1–2月 is February's) and is
// passed over. Errors: those of compute_report for an earlier month.
Status add_set_warning_runs(const IndexedDataset& records, const ReportRequest& request,
                            std::span<const WarningRule* const> rules,
                            std::vector<Warning>& warnings);

// project_lagging, target_pace and campaign_behind over the report's steering figures; campaigns
// only for a report of all data (`whole_data`), as their plans are the city's.
enum class Coverage { kWholeData, kScoped };
void add_steering_warnings(const ReportData& figures, Coverage coverage,
                           std::span<const WarningRule* const> rules, std::vector<Warning>& out);

// case_overdue over the report's open and overdue cases (report.service, src/service).
void add_service_warnings(const ReportData& figures, std::span<const WarningRule* const> rules,
                          std::vector<Warning>& out);

// A warning of `rule` about the subject, with no figures yet.
Warning warning_of(const WarningRule& rule, std::string subject_kind, std::string subject_id,
                   std::string subject_name);

}  // namespace zhizao::detail
