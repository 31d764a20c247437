// The plan of the national-scale dataset: per enterprise, what its monthly records look like, so
// that they can be streamed month by month. Internal to the demo module (scale_*.cc).
#pragma once

#include <cstdint>
#include <string>

#include "demo/demo_random.h"

namespace zhizao::detail {

// How an enterprise reports the previous year's figures (上年同期) on its monthly rows.
enum class PrevReporting : uint8_t { kAll, kOutputOnly, kNone };

// One enterprise's plan. Month offsets count from the first month of the range (0).
struct ScaleFirm {
  uint32_t division = 0;        // index into industrial_divisions()
  uint32_t county = 0;          // index into county_regions()
  double base_output = 0;       // mean monthly gross output at offset 0, 万元
  double annual_growth = 0;     // trend of real output per year, e.g. 0.08
  double final_year_boost = 0;  // extra growth in the range's last year (fast key enterprises)
  double va_ratio = 0;          // own value added / gross output
  double electricity = 0;       // 万千瓦时 per 万元 of output; 0: never reported
  int first = 0;                // first month with a record (> 0: new entrant)
  int last = 0;                 // last month with a record (< months − 1: exit)
  int out_first = -1;           // months out_first..out_last are out of scope (规下); -1: none
  int out_last = -1;
  PrevReporting prev = PrevReporting::kAll;
  bool reports_value_added = true;
  bool key = false;
  uint32_t park = 0;    // 1-based park number; 0: none
  uint8_t chain_a = 0;  // 1-based chain numbers; 0: none
  uint8_t chain_b = 0;
};

// The sizes that depend on N.
int64_t scale_park_count(int64_t enterprises);
int64_t scale_project_count(int64_t enterprises);
inline constexpr int kScaleChainCount = 12;

// Returns the plan of enterprise `index` in a range of `months` months whose first month is
// `first_month` (1..12). Depends only on (seed, index, months, first_month), not on N.
ScaleFirm plan_scale_firm(uint64_t seed, int64_t index, int months, int first_month,
                          int64_t park_count);

// Returns the 18-character USCC of enterprise `index` (valid check character, unique per index).
std::string scale_uscc(const ScaleFirm& firm, int64_t index);

// Returns a generator for the monthly figures of enterprise `index`, independent of the plan's.
DemoRandom scale_month_random(uint64_t seed, int64_t index);

// The firm's expected gross output in month offset `t` (may be negative: before the range),
// calendar month `month` (1..12), before the month's noise. Months of the last year get the boost
// when `in_final_year`.
double scale_level(const ScaleFirm& firm, int t, int month, bool in_final_year);

}  // namespace zhizao::detail
