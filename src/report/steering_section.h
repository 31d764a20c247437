// The report's part for the steering figures (data contract v2: campaigns, targets, lagging
// projects; src/steering computes them): their JSON keys, the narrative's paragraphs in Chinese
// and English, and the tables. Each is called by one line of json_writer.cc, narrative_zh.cc,
// narrative_en.cc and tables.cc. Pure functions, thread-safe.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/language.h"
#include "base/year_month.h"
#include "engine/report_data.h"
#include "report/table_writer.h"

namespace zhizao::detail {

// Adds the contract's keys `projects.lagging` (sorted ids), `campaigns` and `targets`, and the
// extra key `lagging_projects` (each with its kind, days late, county, park, chain, division and
// campaign), to the report object `out`. The keys are there, as empty arrays, when the data has
// none.
void add_steering_json(const ReportData& report, nlohmann::ordered_json& out);

// The paragraphs on the campaigns, the lagging projects and the targets, in that order; those
// without figures are left out. `area` names the report's area ("全市" / "the city").
std::vector<std::string> steering_paragraphs_zh(const ReportData& report, const std::string& area);
std::vector<std::string> steering_paragraphs_en(const ReportData& report, const std::string& area);

// Appends the tables of the campaigns, the targets and the lagging projects (those with rows).
void append_steering_tables(const ReportData& report, Language language,
                            std::vector<Table>& tables);

// ---- shared by the parts above ----

// The JSON and table key of a lag: "start", "completion", "start_and_completion".
const char* lag_kind_key(LagKind kind);

// The 2-digit division of a project's industry code ("3412" → "34"); empty when none.
std::string project_division(const LaggingProject& project);

// The name of a target's scope: `area` for "all", else a region, group, park or chain of the
// report (or of GB/T 2260), else the id itself.
std::string target_scope_name(const ReportData& report, const std::string& scope,
                              const std::string& area);

// How many lagging projects fall in each county, park, chain or division: names with counts,
// most first (ties in code order); projects without a park, chain or division are not counted
// there.
enum class LagDimension { kCounty, kPark, kChain, kDivision };
struct LagCount {
  std::string name;
  long count = 0;
};
std::vector<LagCount> lagging_by(const ReportData& report, LagDimension dimension,
                                 Language language);

// A money amount or count without a needless ".0": 100 → "100", 12.5 → "12.5".
std::string plain_number(double value);

// The narratives' limits: the lagging projects and the groups they name before "and others".
inline constexpr size_t kNamedLagging = 3;
inline constexpr size_t kNamedGroups = 5;

// The last day of `period`'s month: the "as of" date of the narratives' lagging paragraph.
CivilDate last_day_of(YearMonth period);

}  // namespace zhizao::detail
