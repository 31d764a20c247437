// The fixed tables behind the Luoyang demo: how many enterprises each industrial division has,
// how large and how fast-growing they are, which counties, parks and chains exist. Invented but
// shaped after Luoyang's industry (bearings, heavy machinery, aluminium, molybdenum, refractories,
// petrochemicals). Internal to the demo module.
#pragma once

#include <array>
#include <span>
#include <string_view>

namespace zhizao::detail {

// How a division's producer prices moved 2019–2021 (deflators.csv); kNone: no PPI published.
enum class PpiProfile { kNone, kFlat, kMetals, kOil, kChemicals, kCoal };

// A 4-digit class of GB/T 4754-2017 the demo uses, the chain it usually belongs to ("" none) and
// the word that goes into the invented enterprise names.
struct DemoClass {
  std::string_view code;
  std::string_view chain;
  std::string_view word;
};

struct DemoDivision {
  std::string_view code;
  int enterprises;     // how many enterprises the division gets
  double size;         // mean monthly gross output in 2019, 万元
  double va_ratio;     // value added / gross output
  double growth_2021;  // designed real value-added growth, Jan–Apr 2021 over 2020, %
  double slump;        // sensitivity to the early-2020 slump (1 = average)
  double electricity;  // 万千瓦时 per 万元 of output at 2019 prices
  PpiProfile ppi;
  int key;                                        // key enterprises in the division
  std::array<DemoClass, 3> classes;               // empty code: unused slot
  std::array<std::string_view, 3> home_counties;  // preferred counties, "" unused
};

// The 41 industrial divisions 06–46 in code order.
std::span<const DemoDivision> demo_divisions();

struct DemoCounty {
  std::string_view code;
  int weight;  // share of enterprises without a preferred county
};

// The 14 county-level units of Luoyang.
std::span<const DemoCounty> demo_counties();

struct DemoPark {
  std::string_view id;
  std::string_view name;
  std::string_view region;
  std::string_view category;               // tier of the city's "6+3+X" scheme
  std::array<std::string_view, 3> chains;  // chains whose enterprises it gathers
};

std::span<const DemoPark> demo_parks();

struct DemoChain {
  std::string_view id;
  std::string_view name;
};

// The 15 key industrial chains C01..C15.
std::span<const DemoChain> demo_chains();

// The PPI (same month of the previous year = 100) of a profile for a month of 2019–2021.
double demo_ppi(PpiProfile profile, int year, int month);

// Seasonal level of a month (1..12) relative to the year's mean.
double demo_season(int month);

// Real output in 2020 relative to the same month of 2019, for the average division: the slump
// of January–February, then the recovery.
double demo_level_2020(int month);

// Drift of the 2021 level within the year (recovery continuing), before normalisation.
double demo_drift_2021(int month);

}  // namespace zhizao::detail
