// The installation's area (issue 16): the region a database's figures are about — a county, a
// city, a province or the whole country — which names the report ("洛阳市2021年1—4月工业经济运行
// 情况", 全市/全省/全国/全县 in the text) and decides which regions its tables rank: the level
// just below the area (a city's counties, a province's cities, the country's provinces).
// Pure functions over GB/T 2260 (domain/region.h); thread-safe.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "base/language.h"
#include "base/result.h"
#include "domain/records.h"

namespace zhizao {

enum class AreaLevel { kCountry, kProvince, kCity, kCounty };

struct InstallationArea {
  std::string code;  // GB/T 2260, 6 digits; "000000" for the country; empty when unknown
  std::string name;  // e.g. "洛阳市", "河南省", "全国" for the country; empty when unknown
  AreaLevel level = AreaLevel::kCity;  // an unknown area is spoken of as a city (全市)

  bool operator==(const InstallationArea&) const = default;
};

// The country: code "000000", name "全国".
InstallationArea country_area();

// The smallest region that holds the county of every enterprise: their county when they all
// share one, else their city, else their province, else the country. A city counts only when
// GB/T 2260 names it as one (not "市辖区", not a province's directly administered counties such
// as 济源 419001, whose "city" 4190 is none): those roll up to the province. Enterprises whose
// county is unknown to GB/T 2260 are passed over; none at all gives the country.
InstallationArea smallest_area_holding(std::span<const Enterprise> enterprises);

// The installation's area: the one `setting` names (Dataset::area_code, set with `zhizao
// settings area CODE`) when it is a code area_of_code knows, else smallest_area_holding(
// enterprises) — a setting that no longer names a region falls back to the default rather than
// failing every report.
InstallationArea installation_area(std::string_view setting,
                                   std::span<const Enterprise> enterprises);

// The area named by a code of any level ("000000" the country). Errors: kUsage for a code that
// is not a county, a named city or a province of GB/T 2260.
Result<InstallationArea> area_of_code(std::string_view code);

// The word for the whole area in the report's text: 全国; 全省, 全区 (自治区), 全市 (直辖市); 全市,
// 全州 (自治州), 全盟, 全地区; 全区, 全市 (county-level city), 全县 (县, 旗 and the rest). English:
// "the country", "the province", "the city", "the county" (a district too).
std::string whole_area_word(const InstallationArea& area, Language language);

// The level the area's regional tables rank (the one just below it; a county's is itself).
AreaLevel level_below(AreaLevel level);

}  // namespace zhizao
