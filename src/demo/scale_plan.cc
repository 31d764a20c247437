#include "demo/scale_plan.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "domain/industry.h"
#include "domain/region.h"
#include "domain/uscc.h"

namespace zhizao::detail {
namespace {

// Relative numbers of enterprises above designated size per division 06..46, rounded from the
// shape of the NBS yearbook (many in non-metallic minerals, machinery, food; few in tobacco,
// oil and gas). Only the skew matters here, not the exact shares.
constexpr std::array<int, 41> kDivisionWeights = {
    40,  2,  12,  10, 20, 2,   1,                                       // 06–12 mining
    120, 50, 35,  2,  90, 70,  40,  45, 30, 30, 30,  40,  12, 120, 40,  // 13–27
    10,  90, 180, 25, 40, 120, 130, 90, 75, 25, 110, 100, 30, 8,   8,   // 28–42
    6,                                                                  // 43
    40,  12, 20};                                                       // 44–46 utilities

// Calendar shape of monthly output: the Spring Festival dip, the December push.
constexpr std::array<double, 12> kSeasonal = {0.85, 0.75, 1.0,  1.0, 1.02, 1.08,
                                              0.98, 0.98, 1.05, 1.0, 1.05, 1.2};

constexpr std::string_view kCodeSet = "0123456789ABCDEFGHJKLMNPQRTUWXY";  // GB 32100, 31 chars

uint64_t mix(uint64_t value) {
  DemoRandom random(value);
  return random.next_bits();
}

// The division's own trend, the same for every enterprise of it, so that divisions differ.
double division_growth(uint64_t seed, uint32_t division) {
  DemoRandom random(mix(seed ^ 0x5EED'D1F1'0000'0000ULL) + division);
  return random.between(-0.06, 0.22);
}

}  // namespace

int64_t scale_park_count(int64_t enterprises) { return std::max<int64_t>(5, enterprises / 2000); }

int64_t scale_project_count(int64_t enterprises) {
  return std::max<int64_t>(10, enterprises / 1000);
}

DemoRandom scale_month_random(uint64_t seed, int64_t index) {
  return DemoRandom(mix(seed * 0x9E37'79B9'7F4A'7C15ULL + static_cast<uint64_t>(index) * 2 + 1));
}

ScaleFirm plan_scale_firm(uint64_t seed, int64_t index, int months, int first_month,
                          int64_t park_count) {
  DemoRandom random(mix(seed * 0x9E37'79B9'7F4A'7C15ULL + static_cast<uint64_t>(index) * 2));
  ScaleFirm firm;
  // The first 41 enterprises cover every division, so that every division has data for any N.
  firm.division = index < 41 ? static_cast<uint32_t>(index)
                             : static_cast<uint32_t>(random.weighted(kDivisionWeights));
  firm.county = static_cast<uint32_t>(random.below(county_regions().size()));
  // Pareto size distribution (alpha 1.15) from the 规上 threshold of 20 million yuan a year
  // (about 170 万元 a month): a few large enterprises carry much of the total.
  firm.base_output = std::min(170.0 / std::pow(1.0 - random.unit(), 1.0 / 1.15), 2.0e6);
  firm.annual_growth = division_growth(seed, firm.division) + random.between(-0.1, 0.1);
  firm.va_ratio = random.between(0.18, 0.38);
  firm.electricity = random.chance(0.93) ? random.between(0.02, 0.6) : 0.0;
  firm.reports_value_added = random.chance(0.88);
  const double prev_pick = random.unit();
  firm.prev = prev_pick < 0.7    ? PrevReporting::kAll
              : prev_pick < 0.85 ? PrevReporting::kOutputOnly
                                 : PrevReporting::kNone;
  firm.last = months - 1;
  if (months > 1 && random.chance(0.08)) {
    firm.first = 1 + static_cast<int>(random.below(static_cast<uint64_t>(months - 1)));
    // An entrant starting in February would report January and February together in its second
    // year (the Jan–Feb fold); the fold has its own tests, the benchmark's SQL pairs months one
    // to one, so entrants start in any other month.
    if ((first_month - 1 + firm.first) % 12 == 1) {
      firm.first = firm.first + 1 < months ? firm.first + 1 : firm.first - 1;
    }
  }
  if (firm.last > firm.first && random.chance(0.03)) {
    firm.last =
        firm.first + static_cast<int>(random.below(static_cast<uint64_t>(firm.last - firm.first)));
  }
  if (firm.last - firm.first >= 3 && random.chance(0.04)) {
    firm.out_first =
        firm.first + static_cast<int>(random.below(static_cast<uint64_t>(firm.last - firm.first)));
    firm.out_last = std::min(firm.last, firm.out_first + static_cast<int>(random.below(6)));
  }
  firm.key = firm.base_output > 20'000 || random.chance(0.005);
  if (firm.key) {
    const double band = random.unit();
    if (band < 0.08) {
      firm.final_year_boost = random.between(1.1, 1.6);  // doubled
    } else if (band < 0.23) {
      firm.final_year_boost = random.between(0.55, 0.8);  // over 50 %
    }
  }
  if (random.chance(0.25)) {
    firm.park = 1 + static_cast<uint32_t>(random.below(static_cast<uint64_t>(park_count)));
  }
  const double chain_pick = random.unit();
  if (chain_pick < 0.2) {
    firm.chain_a = static_cast<uint8_t>(1 + random.below(kScaleChainCount));
    if (chain_pick < 0.05) {
      firm.chain_b = static_cast<uint8_t>(1 + (firm.chain_a + random.below(kScaleChainCount - 1)) %
                                                  kScaleChainCount);
    }
  }
  return firm;
}

std::string scale_uscc(const ScaleFirm& firm, int64_t index) {
  std::string code = "91";
  code += county_regions()[firm.county].code;
  code += "MA";
  char serial[7];
  auto rest = static_cast<uint64_t>(index);
  for (int i = 6; i >= 0; --i) {
    serial[i] = kCodeSet[rest % kCodeSet.size()];
    rest /= kCodeSet.size();
  }
  code.append(serial, 7);
  return complete_uscc(code);
}

double scale_level(const ScaleFirm& firm, int t, int month, bool in_final_year) {
  double level = firm.base_output * kSeasonal[static_cast<size_t>(month - 1)] *
                 std::pow(1.0 + firm.annual_growth, t / 12.0);
  return in_final_year ? level * (1.0 + firm.final_year_boost) : level;
}

}  // namespace zhizao::detail
