// Choices the narrative and the tables make over ReportData, the same in every language: which
// sets grew or fell (on the displayed value), which pulled most, how sets are ranked, and the
// names to print. Pure functions, thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/language.h"
#include "base/number_format.h"
#include "engine/report_data.h"

namespace zhizao::detail {

// Sets whose value-added growth displays as `trend` at one decimal (nullopt never matches).
std::vector<const SetFigures*> sets_with_trend(const std::vector<SetFigures>& sets, Trend trend);

// Sets with a value-added growth figure.
std::vector<const SetFigures*> sets_with_growth(const std::vector<SetFigures>& sets);

// Sorts by pull, largest first (`descending`) or most negative first; sets without a pull
// come last; ties by code, so the order is stable across runs.
enum class Order { kDescending, kAscending };
void sort_by_pull(std::vector<const SetFigures*>& sets, Order order);

// Returns every set ranked by value-added growth, highest first, those without growth last.
std::vector<const SetFigures*> ranked_by_growth(const std::vector<SetFigures>& sets);

// Returns at most `limit` elements of `sets`.
std::vector<const SetFigures*> first_n(std::vector<const SetFigures*> sets, size_t limit);

// Key enterprises whose output growth displays as `trend`, by pull (kUp: largest first; kDown:
// most negative first), at most `limit`.
std::vector<const KeyEnterpriseFigures*> key_enterprises_with_trend(const KeyEnterprises& key,
                                                                    Trend trend, size_t limit);

// The printable name of a division: the data's Chinese name (zh) or GB/T 4754 English name
// (en) via domain division_name(), falling back to whichever exists, then the code.
std::string division_display_name(const SetFigures& division, Language language);
std::string division_display_name(const std::string& code, Language language);

// The printable name of a section set (code "B", "C", "D"), falling back to its own name.
std::string section_display_name(const SetFigures& section, Language language);

// The name of the report's area: empty scope → nullopt (the whole city); otherwise the name of
// the region or group with that code, or the code itself.
std::optional<std::string> scope_display_name(const ReportData& report);

// The regions a report ranks (issue 16): the level just below the installation's area — a
// city's counties, a province's cities (a municipality's districts), the country's provinces —
// and the counties for a scoped report. The words name that level in the narrative and tables.
struct RankedPlaces {
  const std::vector<SetFigures>* sets = nullptr;
  std::string lead_zh;      // "分县（市、区）看"
  std::string noun_zh;      // "县（市、区）"
  std::string title_zh;     // "分县(市、区)", a table's or chart's title
  std::string singular_en;  // "county or district"
  std::string plural_en;    // "counties and districts"
};
RankedPlaces places_below_area(const ReportData& report);

// The word for the report's whole: the installation area's (全市, 全省, 全国, 全县; "the city", …)
// for an unscoped report, the scope's name otherwise (as scope_display_name).
std::string whole_of_report(const ReportData& report, Language language);

// The name of a region code found among the report's regions, cities, provinces or groups,
// else the code.
std::string region_display_name(const ReportData& report, const std::string& code);

// True when any division is valued at current prices (no PPI), from the flag or the list.
bool at_current_prices(const ReportData& report, const SetFigures& division);

// The decimals a pull is written with: one, or two when one decimal would show 0.0.
int pull_decimals(double pull);

}  // namespace zhizao::detail
