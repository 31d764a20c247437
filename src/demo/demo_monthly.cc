// The monthly records of the demo, with deflators and value-added ratios. Each firm's real level
// follows 2019's seasons, the early-2020 slump and recovery, and a 2021 level normalised so that
// January–April 2021 grows by the firm's designed rate (docs/demo.md).
#include <array>
#include <cmath>
#include <optional>

#include "demo/demo_build.h"
#include "demo/demo_tables.h"

namespace zhizao::detail {
namespace {

struct MonthValues {
  double output = 0;
  double value_added = 0;
  double electricity = 0;
};

int year_of(int t) { return 2019 + t / 12; }
int month_of(int t) { return t % 12 + 1; }

// Price level of month t relative to the same month of 2019 (chained PPIs).
double price_level(PpiProfile profile, int t) {
  const int month = month_of(t);
  double level = 1.0;
  for (int year = 2020; year <= year_of(t); ++year) level *= demo_ppi(profile, year, month) / 100;
  return level;
}

double ratio_of_year(double ratio, int year) { return ratio * (1.0 + 0.005 * (year - 2020)); }

// Real output levels (2019 mean month = 1) for the 30 months, with the 2021 level normalised.
std::array<double, kDemoMonths> real_levels(DemoRandom& random, const DemoFirm& firm,
                                            const DemoDivision& division) {
  std::array<double, kDemoMonths> level{};
  const double trend = random.between(-0.04, 0.08);
  const double slump = division.slump * random.between(0.8, 1.2);
  const double own_2020 = random.between(-0.05, 0.05);
  for (int t = 0; t < kDemoMonths; ++t) {
    const int m = month_of(t);
    const double noise = random.between(0.98, 1.02);
    if (t < 12) {
      level[t] = demo_season(m) * (1.0 + trend * (m - 6.5) / 12.0) * noise;
    } else if (t < 24) {
      const double shock = demo_level_2020(m) - 1.0;
      const double relative = m <= 3 ? 1.0 + shock * slump : 1.0 + shock;
      level[t] = level[t - 12] * relative * (1.0 + own_2020) * noise;
    } else {
      level[t] = level[t - 24] * demo_drift_2021(m) * noise;
    }
  }
  // Normalise 2021 so that Jan–Apr grows by the designed rate: in real terms for value added,
  // in current prices for a key enterprise's output (the article counts key output growth).
  const PpiProfile ppi = division.ppi == PpiProfile::kNone ? PpiProfile::kFlat : division.ppi;
  const bool nominal = firm.band != KeyBand::kNotKey;
  double before = 0;
  double after = 0;
  for (int m = 0; m < 4; ++m) {
    before += level[12 + m] * (nominal ? price_level(ppi, 12 + m) : 1.0);
    after += level[24 + m] * (nominal ? price_level(ppi, 24 + m) : 1.0);
  }
  const double scale = (1.0 + firm.growth_2021 / 100.0) * before / after;
  for (int t = 24; t < kDemoMonths; ++t) level[t] *= scale;
  return level;
}

std::array<MonthValues, kDemoMonths> month_values(DemoRandom& random, const DemoFirm& firm,
                                                  const DemoDivision& division) {
  const std::array<double, kDemoMonths> level = real_levels(random, firm, division);
  const PpiProfile ppi = division.ppi == PpiProfile::kNone ? PpiProfile::kFlat : division.ppi;
  std::array<MonthValues, kDemoMonths> values{};
  for (int t = 0; t < kDemoMonths; ++t) {
    const double real = firm.base * level[t];
    values[t].output = real * price_level(ppi, t);
    values[t].value_added = values[t].output * ratio_of_year(firm.va_ratio, year_of(t));
    // 2021 electricity grows faster than output: energy-intensive divisions restarted.
    values[t].electricity = real * firm.electricity * (t >= 24 ? 1.07 : 1.0);
  }
  return values;
}

MonthValues sum(const MonthValues& a, const MonthValues& b) {
  return {a.output + b.output, a.value_added + b.value_added, a.electricity + b.electricity};
}

void emit_rows(const DemoFirm& firm, const std::array<MonthValues, kDemoMonths>& values,
               const std::string& uscc, size_t firm_index, DemoBuild& build) {
  for (int t = firm.first_month; t <= firm.last_month; ++t) {
    if (firm.folds_january && month_of(t) == 1) continue;
    MonthValues now = values[t];
    std::optional<MonthValues> before;
    if (t >= 12) before = values[t - 12];
    if (firm.folds_january && month_of(t) == 2) {
      now = sum(now, values[t - 1]);
      if (before) before = sum(*before, values[t - 13]);
    }
    MonthlyRecord row;
    row.uscc = uscc;
    row.period = YearMonth::from_index(YearMonth{2019, 1}.index() + t);
    row.output = round_tenth(now.output);
    if (firm.reports_value_added) row.value_added = round_tenth(now.value_added);
    if (firm.electricity > 0) row.electricity = round_tenth(now.electricity);
    // A 2021 entrant has no 2020 records: it reports the previous-year figures itself.
    if (firm.first_month == 24 && before) {
      row.output_prev = round_tenth(before->output);
      if (firm.reports_value_added) row.value_added_prev = round_tenth(before->value_added);
      if (firm.electricity > 0) row.electricity_prev = round_tenth(before->electricity);
    }
    row.in_scope = t < firm.out_of_scope_first || t > firm.out_of_scope_last;
    build.dataset.monthly.push_back(std::move(row));
    build.row_firm.push_back(firm_index);
  }
}

}  // namespace

void generate_monthly(DemoRandom& random, DemoBuild& build) {
  const auto divisions = demo_divisions();
  for (size_t f = 0; f < build.firms.size(); ++f) {
    const DemoFirm& firm = build.firms[f];
    const DemoDivision& division = divisions[firm.division];
    const auto values = month_values(random, firm, division);
    emit_rows(firm, values, build.dataset.enterprises[firm.enterprise].uscc, f, build);
  }
  for (const DemoDivision& division : divisions) {
    for (int year = 2019; year <= 2021; ++year) {
      // Four decimals, as statistics offices publish ratios.
      const double ratio = std::round(ratio_of_year(division.va_ratio, year) * 1e4) / 1e4;
      build.dataset.va_ratios.push_back({std::string(division.code), year, ratio});
    }
    if (division.ppi == PpiProfile::kNone) continue;  // reported at current prices
    for (int t = 0; t < kDemoMonths; ++t) {
      build.dataset.deflators.push_back(
          {std::string(division.code), YearMonth::from_index(YearMonth{2019, 1}.index() + t),
           round_tenth(demo_ppi(division.ppi, year_of(t), month_of(t)))});
    }
  }
}

}  // namespace zhizao::detail
