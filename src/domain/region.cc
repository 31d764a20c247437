// GB/T 2260 look-ups over the tables that tools/gen_regions.mjs generates (region_table.inc).
#include "domain/region.h"

#include <fmt/format.h>
#include <algorithm>
#include <array>

#include "base/text.h"

namespace zhizao {
namespace {

#include "domain/region_table.inc"

// A county-level code that GB/T 2260 retired, with the current unit that took its place.
struct RetiredCounty {
  std::string_view code;
  std::string_view name;
  std::string_view current;
};

// Luoyang's 2021 redistricting: 吉利区 and 孟津县 merged into 孟津区, 偃师市 became 偃师区. Data
// reported before the change still carries the old codes.
constexpr std::array<RetiredCounty, 3> kRetiredCounties = {{
    {"410306", "吉利区", "410308"},
    {"410322", "孟津县", "410308"},
    {"410381", "偃师市", "410307"},
}};

bool is_six_digits(std::string_view code) {
  return code.size() == 6 &&
         std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; });
}

template <std::size_t N>
const Region* find_in(const std::array<Region, N>& table, std::string_view code) {
  const auto it = std::lower_bound(
      table.begin(), table.end(), code,
      [](const Region& region, std::string_view key) { return region.code < key; });
  return it != table.end() && it->code == code ? &*it : nullptr;
}

const Region* find_county(std::string_view code) { return find_in(kCounties, code); }

const RetiredCounty* find_retired(std::string_view code) {
  for (const RetiredCounty& retired : kRetiredCounties) {
    if (retired.code == code) return &retired;
  }
  return nullptr;
}

}  // namespace

std::span<const Region> county_regions() { return kCounties; }

const Region* find_region(std::string_view code) {
  // A few cities have no districts and appear twice (441900 东莞市 is a city and a county-level
  // unit); the higher level wins here, resolve_county() and county_regions() see the county.
  if (const Region* province = find_in(kProvinces, code)) return province;
  if (const Region* city = find_in(kCities, code)) return city;
  return find_county(code);
}

std::string city_code_of(std::string_view county) {
  if (!is_six_digits(county)) return {};
  return std::string(county.substr(0, 4)) + "00";
}

std::string province_code_of(std::string_view code) {
  if (!is_six_digits(code)) return {};
  return std::string(code.substr(0, 2)) + "0000";
}

bool region_contains(std::string_view area, std::string_view county) {
  if (find_county(county) == nullptr) return false;
  if (area == county) return true;
  const Region* region = find_region(area);
  if (region == nullptr) return false;
  switch (region->level) {
    case RegionLevel::kProvince:
      return province_code_of(county) == area;
    case RegionLevel::kCity:
      return city_code_of(county) == area;
    case RegionLevel::kCounty:
      return false;
  }
  return false;
}

Result<CountyResolution> resolve_county(std::string_view code) {
  const std::string_view text = trim(code);
  if (!is_six_digits(text)) {
    return fail(Status::invalid_data(
        fmt::format("malformed county code \"{}\": expected 6 digits of GB/T 2260", code)));
  }
  if (find_county(text) != nullptr) return CountyResolution{std::string(text), std::nullopt};
  if (const RetiredCounty* retired = find_retired(text)) {
    const Region* current = find_county(retired->current);
    return CountyResolution{
        std::string(retired->current),
        fmt::format("retired code {} ({}) mapped to {} ({})", retired->code, retired->name,
                    retired->current, current != nullptr ? current->name : "?")};
  }
  if (const Region* region = find_region(text)) {
    return fail(Status::invalid_data(
        fmt::format("not a county-level code: \"{}\" is the {} {}", text,
                    region->level == RegionLevel::kProvince ? "province" : "city", region->name)));
  }
  return fail(Status::invalid_data(
      fmt::format("unknown county code \"{}\": not in GB/T 2260 (china-division 2.7.0)", text)));
}

}  // namespace zhizao
