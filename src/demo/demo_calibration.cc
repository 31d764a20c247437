// Calibration of the demo: the engine computes the report for 2021-04 (cumulative); the 2021
// figures are scaled by the factors that move each figure onto the article's, rounded back to
// 0.1, and recomputed until every figure holds. Scaling all of 2021 by one factor per set keeps
// the months' shape, and each set's factor touches only its own measure:
//   - key enterprises below 50 %: their 2021 output (their value added is reported separately);
//   - every division: its 2021 value added (and output, except for key enterprises), aiming at
//     the division's designed growth, stretched or shifted in common so that the totals land
//     (division_factors);
//   - all enterprises: 2021 electricity.
#include <fmt/format.h>

#include <cmath>
#include <map>
#include <string>

#include "demo/demo_build.h"
#include "demo/demo_tables.h"
#include "domain/industry.h"
#include "engine/engine.h"

namespace zhizao::detail {
namespace {

// The article's figures (January–April 2021, 洛阳).
constexpr double kIndustryGrowth = 12.7;
constexpr double kManufacturingGrowth = 12.5;
constexpr double kElectricityGrowth = 20.13;
constexpr double kKeyOutputGrowth = 31.0;
constexpr int kBreadthWithData = 31;
constexpr int kBreadthGrowing = 26;
constexpr int kBreadthDoubleDigit = 21;
constexpr long kKeyCount = 60;
constexpr long kKeyOver50 = 21;
constexpr long kKeyDoubled = 11;

// Accepted distance from the target, well inside the figure's rounding (docs/demo.md).
constexpr double kOneDecimalMargin = 0.02;
constexpr double kTwoDecimalMargin = 0.002;
constexpr int kMaxPasses = 6;
constexpr double kDoubleDigit = 0.10;  // 两位数增长, as a fraction

// True when a growth in percent is within `margin` of `target`.
bool near(const std::optional<double>& growth, double target, double margin) {
  return growth && std::abs(*growth - target) <= margin;
}

// Returns "" when the report shows every article figure, else the first that misses.
std::string first_miss(const ReportData& r) {
  const KeyEnterprises& k = r.key_enterprises;
  const Breadth& b = r.manufacturing_breadth;
  if (!near(r.industry.value_added_growth, kIndustryGrowth, kOneDecimalMargin)) {
    return fmt::format("industry value-added growth {}", r.industry.value_added_growth.value_or(0));
  }
  if (!near(r.manufacturing.value_added_growth, kManufacturingGrowth, kOneDecimalMargin)) {
    return "manufacturing value-added growth";
  }
  if (!near(r.industry.electricity_growth, kElectricityGrowth, kTwoDecimalMargin)) {
    return "electricity growth";
  }
  if (b.with_data != kBreadthWithData || b.growing != kBreadthGrowing ||
      b.double_digit != kBreadthDoubleDigit) {
    return fmt::format("breadth {}/{}/{}", b.with_data, b.growing, b.double_digit);
  }
  if (k.count != kKeyCount || k.over_50 != kKeyOver50 || k.doubled != kKeyDoubled) {
    return fmt::format("key enterprises {}/{}/{}", k.count, k.over_50, k.doubled);
  }
  if (!near(k.output_growth, kKeyOutputGrowth, kOneDecimalMargin)) {
    return "key enterprises' output growth";
  }
  return "";
}

struct Factors {
  double electricity = 1;
  std::map<std::string, double> division;    // value added (and output of non-key rows)
  std::map<std::string, double> key_output;  // by uscc, key enterprises below 50 %
};

// The division's target. Manufacturing: a double-digit division keeps 10 % plus its designed
// excess over 10 % times one common λ, the others their designed growth, so that the total lands
// on the article's figure and no division crosses 0 or 10 (the breadth counts). The other
// divisions share one additive shift that lands the industrial total.
void division_factors(const ReportData& r, Factors& f) {
  std::map<std::string, double> designed;
  for (const DemoDivision& d : demo_divisions())
    designed[std::string(d.code)] = d.growth_2021 / 100;
  const double manufacturing_needed =
      (1 + kManufacturingGrowth / 100) * r.manufacturing.value_added.previous;
  const double other_needed =
      (1 + kIndustryGrowth / 100) * r.industry.value_added.previous - manufacturing_needed;
  double man_fixed = 0, man_excess = 0, other_designed = 0, other_base = 0;
  for (const SetFigures& s : r.divisions) {
    const double prev = s.value_added.previous;
    const double g = designed[s.code];
    if (!is_manufacturing(s.code)) {
      other_designed += (1 + g) * prev;
      other_base += prev;
    } else if (g >= kDoubleDigit) {
      man_fixed += (1 + kDoubleDigit) * prev;
      man_excess += (g - kDoubleDigit) * prev;
    } else {
      man_fixed += (1 + g) * prev;
    }
  }
  // Without any double-digit division there is nothing to stretch: keep the designed growths
  // and let the check report the miss.
  const double lambda = man_excess > 0 ? (manufacturing_needed - man_fixed) / man_excess : 1.0;
  const double other_shift = other_base > 0 ? (other_needed - other_designed) / other_base : 0.0;
  for (const SetFigures& s : r.divisions) {
    if (s.value_added.current <= 0) continue;
    const double g = designed[s.code];
    double target = g + other_shift;
    if (is_manufacturing(s.code)) {
      target = g >= kDoubleDigit ? kDoubleDigit + (g - kDoubleDigit) * lambda : g;
    }
    f.division[s.code] = (1 + target) * s.value_added.previous / s.value_added.current;
  }
}

void key_factors(const ReportData& r, const DemoBuild& build, Factors& f) {
  std::map<std::string, KeyBand> band;
  for (const DemoFirm& firm : build.firms) {
    band[build.dataset.enterprises[firm.enterprise].uscc] = firm.band;
  }
  double fixed = 0, scalable = 0;
  for (const KeyEnterpriseFigures& e : r.key_enterprises.enterprises) {
    (band[e.uscc] == KeyBand::kBelow50 ? scalable : fixed) += e.output.current;
  }
  const double needed = (1 + kKeyOutputGrowth / 100) * r.key_enterprises.output.previous;
  const double factor = scalable > 0 ? (needed - fixed) / scalable : 1.0;
  for (const KeyEnterpriseFigures& e : r.key_enterprises.enterprises) {
    if (band[e.uscc] == KeyBand::kBelow50) f.key_output[e.uscc] = factor;
  }
}

void apply(const Factors& f, DemoBuild& build) {
  Dataset& data = build.dataset;
  for (size_t i = 0; i < data.monthly.size(); ++i) {
    MonthlyRecord& row = data.monthly[i];
    if (row.period.year != 2021) continue;
    const Enterprise& e = data.enterprises[build.firms[build.row_firm[i]].enterprise];
    if (row.electricity) *row.electricity = round_tenth(*row.electricity * f.electricity);
    const auto d = f.division.find(e.division);
    const double va_factor = d != f.division.end() ? d->second : 1.0;
    if (row.value_added) *row.value_added = round_tenth(*row.value_added * va_factor);
    double output_factor = e.key ? 1.0 : va_factor;
    if (const auto k = f.key_output.find(e.uscc); k != f.key_output.end())
      output_factor = k->second;
    row.output = round_tenth(row.output * output_factor);
  }
}

}  // namespace

Status calibrate(DemoBuild& build) {
  const ReportRequest request{YearMonth{2021, 4}, WindowKind::kCumulative, ""};
  std::string miss = "no pass run";
  for (int pass = 0; pass < kMaxPasses; ++pass) {
    Result<ReportData> report = compute_report(build.dataset, request);
    if (!report) return Status::internal("demo calibration: " + report.error().to_string());
    miss = first_miss(*report);
    if (miss.empty()) return Status::ok();
    const ComparableSums& electricity = report->industry.electricity;
    const ComparableSums& value_added = report->industry.value_added;
    if (electricity.current <= 0 || value_added.current <= 0 || value_added.previous <= 0) {
      return Status::internal("demo calibration: no comparable pairs for 2021-04");
    }
    Factors factors;
    factors.electricity =
        (1 + kElectricityGrowth / 100) * electricity.previous / electricity.current;
    division_factors(*report, factors);
    key_factors(*report, build, factors);
    apply(factors, build);
  }
  return Status::internal("demo calibration did not reach the article's figures: " + miss);
}

}  // namespace zhizao::detail
