#include "area/installation_area.h"

#include <fmt/format.h>

#include <optional>

#include "base/text.h"
#include "domain/region.h"

namespace zhizao {
namespace {

constexpr std::string_view kCountryCode = "000000";

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// GB/T 2260 lists placeholders at the city level: "市辖区" (a municipality's districts), "县" (its
// counties) and "…直辖县级行政区划" (counties under the province itself, such as 济源). None is a
// city an installation could be about.
bool is_named_city(const Region& city) {
  return city.level == RegionLevel::kCity && city.name != "市辖区" && city.name != "县" &&
         !ends_with(city.name, "直辖县级行政区划");
}

InstallationArea area_of(const Region& region) {
  AreaLevel level = region.level == RegionLevel::kProvince ? AreaLevel::kProvince
                    : region.level == RegionLevel::kCity   ? AreaLevel::kCity
                                                           : AreaLevel::kCounty;
  return {std::string(region.code), std::string(region.name), level};
}

// The common prefix length (in digits: 6, 4, 2 or 0) of two county codes' region levels.
std::size_t shared_digits(std::string_view a, std::string_view b) {
  if (a == b) return 6;
  if (a.substr(0, 4) == b.substr(0, 4)) return 4;
  if (a.substr(0, 2) == b.substr(0, 2)) return 2;
  return 0;
}

}  // namespace

InstallationArea country_area() { return {std::string(kCountryCode), "全国", AreaLevel::kCountry}; }

InstallationArea smallest_area_holding(std::span<const Enterprise> enterprises) {
  std::optional<std::string> first;
  std::size_t digits = 6;
  for (const Enterprise& enterprise : enterprises) {
    const Region* county = find_region(enterprise.region);
    if (county == nullptr || county->level != RegionLevel::kCounty) continue;
    if (!first) {
      first = enterprise.region;
      continue;
    }
    digits = std::min(digits, shared_digits(*first, enterprise.region));
    if (digits == 0) break;
  }
  if (!first || digits == 0) return country_area();
  if (digits == 6) return area_of(*find_region(*first));
  if (digits == 4) {
    const Region* city = find_region(city_code_of(*first));
    if (city != nullptr && is_named_city(*city)) return area_of(*city);
  }
  const Region* province = find_region(province_code_of(*first));
  return province != nullptr ? area_of(*province) : country_area();
}

Result<InstallationArea> area_of_code(std::string_view code) {
  if (code == kCountryCode) return country_area();
  const Region* region = find_region(code);
  if (region == nullptr || (region->level == RegionLevel::kCity && !is_named_city(*region))) {
    return fail(Status::usage(fmt::format("not a county, city, province or 000000 of GB/T 2260: {}",
                                          shorten_for_message(code))));
  }
  return area_of(*region);
}

InstallationArea installation_area(std::string_view setting,
                                   std::span<const Enterprise> enterprises) {
  if (!setting.empty()) {
    if (Result<InstallationArea> set = area_of_code(setting)) return *set;
  }
  return smallest_area_holding(enterprises);
}

std::string whole_area_word(const InstallationArea& area, Language language) {
  const bool zh = language == Language::kZh;
  switch (area.level) {
    case AreaLevel::kCountry:
      return zh ? "全国" : "the country";
    case AreaLevel::kProvince:
      if (!zh) return "the province";
      if (ends_with(area.name, "自治区")) return "全区";
      return ends_with(area.name, "市") ? "全市" : "全省";
    case AreaLevel::kCity:
      if (!zh) return "the city";
      if (ends_with(area.name, "自治州")) return "全州";
      if (ends_with(area.name, "盟")) return "全盟";
      if (ends_with(area.name, "地区")) return "全地区";
      return "全市";
    case AreaLevel::kCounty:
      if (!zh) return "the county";
      if (ends_with(area.name, "区")) return "全区";
      if (ends_with(area.name, "市")) return "全市";
      return "全县";
  }
  return zh ? "全市" : "the city";
}

AreaLevel level_below(AreaLevel level) {
  switch (level) {
    case AreaLevel::kCountry:
      return AreaLevel::kProvince;
    case AreaLevel::kProvince:
      return AreaLevel::kCity;
    default:
      return AreaLevel::kCounty;
  }
}

}  // namespace zhizao
