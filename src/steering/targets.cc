// "Targets" of the data contract (v2 additions): a target's indicator over the 12 months ending
// at the report period, its progress, the yearly pace still needed and the pace achieved.
#include <cmath>
#include <cstddef>
#include <optional>
#include <vector>

#include "domain/industry.h"
#include "engine/comparable_pair.h"
#include "engine/compensated_sum.h"
#include "steering/steering.h"
#include "steering/target_scope.h"

namespace zhizao {
namespace {

using detail::CompensatedSum;
using detail::IndexedDataset;

// One enterprise over the 12 months ending at the period.
struct TwelveMonths {
  double output = 0;   // Σ output of every record, whatever in_scope
  double current = 0;  // Σ output over comparable pairs (in scope, both values)
  double previous = 0;
  long pairs = 0;
};

// Adds the comparable output pairs of `units` to `twelve`.
void add_pairs(const std::vector<detail::PairUnit>& units, TwelveMonths& twelve) {
  for (const detail::PairUnit& unit : units) {
    if (!unit.comparable(detail::Measure::kOutput)) continue;
    twelve.current += *unit.of(detail::Measure::kOutput).current;
    twelve.previous += *unit.of(detail::Measure::kOutput).previous;
    ++twelve.pairs;
  }
}

// The months M+1..12 of Y−1 and 1..M of Y, paired by the v1 rules (engine/comparable_pair.h):
// January and February of Y fold as in a cumulative report of Y.
TwelveMonths twelve_months(const IndexedDataset& records, std::size_t enterprise,
                           YearMonth period) {
  TwelveMonths twelve;
  CompensatedSum output;
  for (int offset = -11; offset <= 0; ++offset) {
    if (auto record = records.record(enterprise, period.plus_months(offset))) {
      output.add(record->output);
    }
  }
  twelve.output = output.value();
  if (period.month < 12) {
    add_pairs(detail::pair_units(records, enterprise, period.year - 1, period.month + 1, 12,
                                 detail::ScopeRule::kInScopeOnly),
              twelve);
  }
  add_pairs(detail::pair_units(records, enterprise, period.year, 1, period.month,
                               detail::ScopeRule::kInScopeOnly),
            twelve);
  return twelve;
}

bool counts_enterprises(TargetIndicator indicator) {
  return indicator == TargetIndicator::kEnterprisesOver ||
         indicator == TargetIndicator::kManufacturingEnterprisesOver;
}

bool manufacturing_only(TargetIndicator indicator) {
  return indicator == TargetIndicator::kManufacturingOutput ||
         indicator == TargetIndicator::kManufacturingEnterprisesOver;
}

const char* indicator_name(TargetIndicator indicator) {
  switch (indicator) {
    case TargetIndicator::kOutput:
      return "output";
    case TargetIndicator::kManufacturingOutput:
      return "manufacturing_output";
    case TargetIndicator::kEnterprisesOver:
      return "enterprises_over";
    case TargetIndicator::kManufacturingEnterprisesOver:
      return "manufacturing_enterprises_over";
  }
  return "output";
}

// 100 × ((value / current)^(1 / (year − Y)) − 1); null for a count, for year ≤ Y, and where the
// power has no finite real value (current 0, a negative ratio).
std::optional<double> pace_needed(const Target& target, double current, YearMonth period) {
  if (counts_enterprises(target.indicator) || target.year <= period.year || current == 0) {
    return std::nullopt;
  }
  double ratio = target.value / current;
  if (!(ratio > 0)) return std::nullopt;
  double pace = 100.0 * (std::pow(ratio, 1.0 / (target.year - period.year)) - 1.0);
  if (!std::isfinite(pace)) return std::nullopt;
  return pace;
}

TargetFigures target_heading(const Target& target) {
  TargetFigures figures;
  figures.id = target.id;
  figures.name = target.name;
  figures.indicator = indicator_name(target.indicator);
  figures.scope = target.scope;
  figures.year = target.year;
  figures.value = target.value;
  figures.threshold = target.threshold;
  return figures;
}

}  // namespace

std::vector<TargetFigures> target_figures(const IndexedDataset& records, YearMonth period,
                                          const detail::RegionScope& report_scope) {
  std::vector<TargetFigures> out;
  const Dataset& dataset = records.dataset();
  if (dataset.targets.empty()) return out;
  const auto enterprises = records.enterprises();
  std::vector<TwelveMonths> twelve(enterprises.size());
  for (std::size_t e = 0; e < enterprises.size(); ++e) {
    twelve[e] = twelve_months(records, e, period);
  }
  for (const Target& target : dataset.targets) {
    TargetFigures figures = target_heading(target);
    std::optional<detail::TargetScope> scope = detail::TargetScope::resolve(dataset, target.scope);
    const double threshold = target.threshold.value_or(0);
    CompensatedSum current;
    ComparableSums achieved;
    CompensatedSum achieved_current;
    CompensatedSum achieved_previous;
    long members = 0;
    bool within_report = true;
    for (std::size_t e = 0; scope && e < enterprises.size(); ++e) {
      const Enterprise& enterprise = enterprises[e];
      if (!scope->contains(enterprise)) continue;
      ++members;
      within_report = within_report && report_scope.contains(enterprise.region);
      if (manufacturing_only(target.indicator) && !is_manufacturing(enterprise.division)) continue;
      if (counts_enterprises(target.indicator)) {
        current.add(twelve[e].output >= threshold ? 1.0 : 0.0);
      } else {
        current.add(twelve[e].output);
      }
      achieved_current.add(twelve[e].current);
      achieved_previous.add(twelve[e].previous);
      achieved.pairs += twelve[e].pairs;
    }
    if (!report_scope.code().empty() && (!within_report || members == 0)) continue;
    figures.current = current.value();
    if (target.value != 0) figures.progress = 100.0 * figures.current / target.value;
    figures.pace_needed = pace_needed(target, figures.current, period);
    achieved.current = achieved_current.value();
    achieved.previous = achieved_previous.value();
    figures.pace_achieved = achieved.growth();
    out.push_back(std::move(figures));
  }
  return out;
}

}  // namespace zhizao
