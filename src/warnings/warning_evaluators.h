// The evaluation of each kind of warning rule, before reasons are written: every function appends
// the warnings its rules raise (level, rule, subject, figures, since) to `out`.
#pragma once

#include <span>
#include <vector>

#include "engine/engine.h"
#include "engine/indexed_dataset.h"
#include "engine/region_scope.h"
#include "engine/report_data.h"
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

// project_lagging, target_pace and campaign_behind over the report's steering figures; campaigns
// only for a report of all data (`whole_data`), as their plans are the city's.
enum class Coverage { kWholeData, kScoped };
void add_steering_warnings(const ReportData& figures, Coverage coverage,
                           std::span<const WarningRule* const> rules, std::vector<Warning>& out);

// A warning of `rule` about the subject, with no figures yet.
Warning warning_of(const WarningRule& rule, std::string subject_kind, std::string subject_id,
                   std::string subject_name);

}  // namespace zhizao::detail
