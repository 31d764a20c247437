// The enterprises of the demo: names marked 演示, valid codes, industries, counties, parks,
// chains, key enterprises, and the plan of each one's monthly figures.
#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "demo/demo_build.h"
#include "demo/demo_tables.h"
#include "domain/industry.h"
#include "domain/uscc.h"

namespace zhizao::detail {
namespace {

// The 31 characters of GB 32100-2015 codes (no I O S V Z).
constexpr std::string_view kCodeCharacters = "0123456789ABCDEFGHJKLMNPQRTUWXY";

// Key enterprises' own output growth (Jan–Apr 2021), by band; the calibration scales the
// kBelow50 band only, so these ranges keep the article's counts with margin.
constexpr std::string_view kDoubledDivisions[] = {"39", "39", "38", "38", "36", "36",
                                                  "37", "27", "32", "34", "35"};
constexpr std::string_view kOver50Divisions[] = {"09", "32", "30", "26", "34",
                                                 "35", "39", "38", "36", "27"};

std::string make_uscc(DemoRandom& random, std::string_view region, std::set<std::string>& used) {
  for (;;) {
    std::string code = "91";
    code += region;
    code += "MA";
    for (int i = 0; i < 7; ++i) code += kCodeCharacters[random.below(kCodeCharacters.size())];
    const std::optional<char> check = uscc_check_character(code);
    if (!check) continue;  // unreachable: every character is from the code set
    code += *check;
    if (used.insert(code).second) return code;
  }
}

// The industry code as written: a valid 4-digit class, or the division when the class is not
// known to the standard's table (keeps the demo valid whatever the table holds).
std::string industry_code(const DemoDivision& division, const DemoClass& cls, bool use_class) {
  if (use_class && !cls.code.empty()) {
    auto parent = division_of_industry_code(cls.code);
    if (parent && *parent == division.code) return std::string(cls.code);
  }
  return std::string(division.code);
}

const DemoPark* park_of_chain(std::string_view chain) {
  for (const DemoPark& park : demo_parks()) {
    if (std::find(park.chains.begin(), park.chains.end(), chain) != park.chains.end()) {
      return &park;
    }
  }
  return nullptr;
}

std::string pick_region(DemoRandom& random, const DemoDivision& division) {
  std::vector<std::string_view> homes;
  for (std::string_view c : division.home_counties) {
    if (!c.empty()) homes.push_back(c);
  }
  if (!homes.empty() && random.chance(0.7)) {
    return std::string(homes[random.below(homes.size())]);
  }
  std::vector<int> weights;
  for (const DemoCounty& county : demo_counties()) weights.push_back(county.weight);
  return std::string(demo_counties()[random.weighted(weights)].code);
}

// Size relative to the division's mean: many small enterprises, a few large ones.
double size_factor(DemoRandom& random) {
  constexpr double kTiers[] = {0.3, 0.6, 1.0, 2.0, 4.0, 8.0};
  constexpr int kWeights[] = {40, 25, 15, 10, 7, 3};
  return kTiers[random.weighted(kWeights)] * random.between(0.7, 1.3);
}

KeyBand take_band(std::string_view division, std::vector<std::string_view>& doubled,
                  std::vector<std::string_view>& over50) {
  if (auto it = std::find(doubled.begin(), doubled.end(), division); it != doubled.end()) {
    doubled.erase(it);
    return KeyBand::kDoubled;
  }
  if (auto it = std::find(over50.begin(), over50.end(), division); it != over50.end()) {
    over50.erase(it);
    return KeyBand::kOver50;
  }
  return KeyBand::kBelow50;
}

double key_growth(DemoRandom& random, KeyBand band) {
  switch (band) {
    case KeyBand::kDoubled:
      return random.between(115.0, 160.0);
    case KeyBand::kOver50:
      return random.between(60.0, 85.0);
    default:
      return random.between(-10.0, 28.0);
  }
}

void plan_flags(DemoRandom& random, DemoFirm& firm) {
  firm.reports_value_added = random.chance(0.85);
  firm.electricity = random.chance(0.9) ? firm.electricity : 0.0;
  firm.folds_january = random.chance(0.08);
  const double fate = random.unit();
  if (fate < 0.03) {
    firm.first_month = 24;  // entered in 2021: its 2021 rows carry the previous-year figures
  } else if (fate < 0.045) {
    firm.last_month = 23;  // left the statistics at the end of 2020
  } else if (fate < 0.065) {
    constexpr int kSpans[][2] = {{0, 5}, {26, 29}, {13, 16}};
    const auto& span = kSpans[random.below(3)];
    firm.out_of_scope_first = span[0];
    firm.out_of_scope_last = span[1];
  }
}

}  // namespace

void generate_enterprises(DemoRandom& random, DemoBuild& build) {
  Dataset& data = build.dataset;
  for (const DemoPark& park : demo_parks()) {
    data.parks.push_back({std::string(park.id), std::string(park.name), std::string(park.region),
                          std::string(park.category)});
  }
  for (const DemoChain& chain : demo_chains()) {
    data.chains.push_back({std::string(chain.id), std::string(chain.name)});
  }
  // Two user-defined groups beside the seeded 洛阳都市圈: the city's "城区经济与县域经济双轮驱动"
  // reads the central districts against the county economy.
  data.region_groups.push_back(
      {"urban", "中心城区（演示分组）", {"410302", "410303", "410304", "410305", "410311"}});
  data.region_groups.push_back(
      {"counties",
       "县域（演示分组）",
       {"410307", "410308", "410323", "410324", "410325", "410326", "410327", "410328", "410329"}});

  std::vector<std::string_view> doubled(std::begin(kDoubledDivisions), std::end(kDoubledDivisions));
  std::vector<std::string_view> over50(std::begin(kOver50Divisions), std::end(kOver50Divisions));
  std::set<std::string> used_codes;
  int serial = 0;
  const auto divisions = demo_divisions();
  for (size_t d = 0; d < divisions.size(); ++d) {
    const DemoDivision& division = divisions[d];
    size_t classes = 0;
    while (classes < division.classes.size() && !division.classes[classes].code.empty()) {
      ++classes;
    }
    for (int i = 0; i < division.enterprises; ++i) {
      const DemoClass& cls = division.classes[random.below(classes)];
      Enterprise e;
      e.industry = industry_code(division, cls, random.chance(0.75));
      e.division = std::string(division.code);
      if (!cls.chain.empty() && random.chance(0.75)) e.chains.push_back(std::string(cls.chain));
      if (random.chance(0.04)) {
        const auto& other = demo_chains()[random.below(demo_chains().size())];
        if (e.chains.empty() || e.chains.front() != other.id) {
          e.chains.push_back(std::string(other.id));
        }
      }
      const DemoPark* park = nullptr;
      if (!e.chains.empty() && random.chance(0.7)) park = park_of_chain(e.chains.front());
      if (park == nullptr && random.chance(0.15)) {
        park = &demo_parks()[random.below(demo_parks().size())];
      }
      e.region = park != nullptr ? std::string(park->region) : pick_region(random, division);
      if (park != nullptr) e.park = std::string(park->id);
      e.key = i < division.key;
      ++serial;
      e.name =
          fmt::format("洛阳演示{}{:04}{}", cls.word, serial, e.key ? "集团有限公司" : "有限公司");
      e.uscc = make_uscc(random, e.region, used_codes);

      DemoFirm firm;
      firm.division = d;
      firm.enterprise = data.enterprises.size();
      firm.va_ratio = division.va_ratio * random.between(0.9, 1.1);
      firm.electricity = division.electricity * random.between(0.7, 1.3);
      if (e.key) {
        firm.band = take_band(division.code, doubled, over50);
        firm.base = division.size * random.between(4.0, 9.0);
        firm.growth_2021 = key_growth(random, firm.band);
      } else {
        firm.base = std::max(180.0, division.size * size_factor(random));
        firm.growth_2021 = division.growth_2021 + random.between(-8.0, 8.0);
        plan_flags(random, firm);
      }
      build.firms.push_back(firm);
      data.enterprises.push_back(std::move(e));
    }
  }
}

}  // namespace zhizao::detail
