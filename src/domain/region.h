// GB/T 2260 administrative divisions (行政区划代码): provinces, cities and every county-level unit
// of China, compiled in from npm's `china-division` (tools/gen_regions.mjs writes
// region_table.inc). County → city → province roll-up works for data from anywhere.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "base/result.h"

namespace zhizao {

enum class RegionLevel { kProvince, kCity, kCounty };

struct Region {
  std::string_view code;  // 6 digits: "410000" province, "410300" city, "410302" county
  std::string_view name;  // e.g. "老城区"
  RegionLevel level;
};

// Returns every county-level unit, in code order. Thread-safe (static data).
std::span<const Region> county_regions();

// Returns the region (any level) with this 6-digit code, or nullptr.
const Region* find_region(std::string_view code);

// Returns the 6-digit city code of a county ("410302" → "410300"; "419001" → "419000").
std::string city_code_of(std::string_view county);

// Returns the 6-digit province code of any code ("410302" → "410000").
std::string province_code_of(std::string_view code);

// True if county `county` lies within `area`, a code of any level (itself, its city, province).
bool region_contains(std::string_view area, std::string_view county);

// A county code as found in data, resolved to a current county-level unit.
struct CountyResolution {
  std::string code;                    // the current code to store
  std::optional<std::string> warning;  // set when a retired code was mapped, says which
};

// Resolves a county-level code: a current one is returned as is; a retired one that the
// compiled mapping knows (410306 吉利区, 410322 孟津县 → 410308 孟津区; 410381 偃师市 → 410307
// 偃师区) is mapped with a warning. Errors: kInvalidData for a malformed or unknown code, or for a
// code that is a city or province rather than a county-level unit.
Result<CountyResolution> resolve_county(std::string_view code);

}  // namespace zhizao
