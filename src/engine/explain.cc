// explain: a set's growth traced down to its enterprises, whose sums add up to the set's.
#include <algorithm>
#include <vector>

#include <fmt/format.h>

#include "domain/industry.h"
#include "engine/engine.h"
#include "engine/indexed_dataset.h"
#include "engine/region_scope.h"
#include "engine/report_assembly.h"
#include "engine/report_sets.h"
#include "engine/scoped_enterprises.h"
#include "engine/set_aggregation.h"
#include "engine/shares.h"

namespace zhizao {
namespace {

using detail::EnterpriseFigures;
using detail::Measure;

// Finds the set named `code` in `sets`, or nullptr.
const SetFigures* find_set(const std::vector<SetFigures>& sets, const std::string& code) {
  auto found = std::find_if(sets.begin(), sets.end(),
                            [&](const SetFigures& set) { return set.code == code; });
  return found == sets.end() ? nullptr : &*found;
}

// Returns the report's figures of the target set; kNotFound when the report has no such set.
Result<SetFigures> target_totals(const ReportData& report, const ExplainTarget& target,
                                 const detail::IndexedDataset& data,
                                 const detail::ScopedEnterprises& scoped) {
  const SetFigures* set = nullptr;
  switch (target.kind) {
    case ExplainKind::kIndustry:
      return report.industry;
    case ExplainKind::kManufacturing:
      return report.manufacturing;
    case ExplainKind::kDivision:
      set = find_set(report.divisions, target.code);
      break;
    case ExplainKind::kRegion:
      for (const auto* sets :
           {&report.regions, &report.cities, &report.provinces, &report.region_groups}) {
        if (set == nullptr) set = find_set(*sets, target.code);
      }
      break;
    case ExplainKind::kPark:
      set = find_set(report.parks, target.code);
      break;
    case ExplainKind::kChain:
      set = find_set(report.chains, target.code);
      break;
    case ExplainKind::kKeyEnterprises: {
      // The key enterprises are no set of the report: add them up the way the sets are.
      detail::SetAccumulator key;
      for (std::size_t i = 0; i < scoped.members.size(); ++i) {
        if (data.enterprises()[scoped.members[i]].key) key.add(scoped.figures[i]);
      }
      return key.figures("key_enterprises", "重点企业");
    }
  }
  if (set == nullptr) {
    return fail(Status::not_found(fmt::format("no set \"{}\" in the report", target.code)));
  }
  return *set;
}

// True if `enterprise` belongs to the target set, by the same rules the report's sets use.
bool belongs_to(const Enterprise& enterprise, const ExplainTarget& target,
                const detail::RegionScope& region) {
  switch (target.kind) {
    case ExplainKind::kIndustry:
      return true;
    case ExplainKind::kManufacturing:
      return is_manufacturing(enterprise.division);
    case ExplainKind::kDivision:
      return enterprise.division == target.code;
    case ExplainKind::kRegion:
      return region.contains(enterprise.region);
    case ExplainKind::kPark:
      return enterprise.park == target.code;
    case ExplainKind::kChain:
      return std::find(enterprise.chains.begin(), enterprise.chains.end(), target.code) !=
             enterprise.chains.end();
    case ExplainKind::kKeyEnterprises:
      return enterprise.key;
  }
  return false;
}

std::string note_for(const EnterpriseFigures& figures, const ComparableSums& sums,
                     Measure measure) {
  if (sums.pairs > 0) return "";
  if (figures.months_in_scope == 0) return "out of scope";
  if (measure == Measure::kValueAdded && figures.lacks_value_added) {
    return "no value added and no ratio";
  }
  return "no previous-year figures";
}

void sort_by_increase(std::vector<EnterpriseShare>& shares) {
  std::stable_sort(shares.begin(), shares.end(),
                   [](const EnterpriseShare& a, const EnterpriseShare& b) {
                     bool a_pairs = a.pairs > 0;
                     bool b_pairs = b.pairs > 0;
                     if (a_pairs != b_pairs) return a_pairs;
                     double a_increase = a.current - a.previous;
                     double b_increase = b.current - b.previous;
                     if (a_pairs && a_increase != b_increase) return a_increase > b_increase;
                     return a.uscc < b.uscc;
                   });
}

Result<Explanation> explanation_of(const detail::IndexedDataset& data, const ReportRequest& request,
                                   const ExplainTarget& target) {
  const Dataset& dataset = data.dataset();
  Result<detail::ScopedEnterprises> scoped = detail::scoped_enterprises(data, request);
  if (!scoped) return fail(scoped.error());
  ReportData report = detail::assemble_report(data, *scoped, request);
  Result<SetFigures> totals = target_totals(report, target, data, *scoped);
  if (!totals) return fail(totals.error());

  detail::RegionScope region;
  if (target.kind == ExplainKind::kRegion) {
    Result<detail::RegionScope> resolved = detail::RegionScope::resolve(dataset, target.code);
    if (!resolved) return fail(Status::not_found(resolved.error().message()));
    region = *resolved;
  }

  const Measure measure =
      target.kind == ExplainKind::kKeyEnterprises ? Measure::kOutput : Measure::kValueAdded;
  const ComparableSums& set_sums =
      measure == Measure::kOutput ? totals->output : totals->value_added;
  Explanation explanation;
  explanation.target = target;
  explanation.name = totals->name;
  explanation.measure = measure == Measure::kOutput ? "output" : "value_added";
  for (std::size_t i = 0; i < scoped->members.size(); ++i) {
    const Enterprise& enterprise = data.enterprises()[scoped->members[i]];
    if (!belongs_to(enterprise, target, region)) continue;
    const EnterpriseFigures& figures = scoped->figures[i];
    const ComparableSums& sums = figures.of(measure);
    EnterpriseShare share;
    share.uscc = enterprise.uscc;
    share.name = enterprise.name;
    share.division = enterprise.division;
    share.region = enterprise.region;
    share.current = sums.current;
    share.previous = sums.previous;
    share.pairs = sums.pairs;
    share.growth = sums.growth();
    share.contribution = detail::contribution_to(sums, set_sums);
    share.pull = detail::pull_on(sums, set_sums);
    share.months_in_scope = figures.months_in_scope;
    share.note = note_for(figures, sums, measure);
    explanation.enterprises.push_back(std::move(share));
  }
  sort_by_increase(explanation.enterprises);
  explanation.totals = std::move(*totals);
  return explanation;
}

}  // namespace

Result<Explanation> explain(const Dataset& dataset, const ReportRequest& request,
                            const ExplainTarget& target) {
  return explanation_of(detail::IndexedDataset(dataset), request, target);
}

Result<Explanation> explain(const ColumnarData& data, const ReportRequest& request,
                            const ExplainTarget& target) {
  return explanation_of(detail::IndexedDataset(data.tables, data.columns), request, target);
}

}  // namespace zhizao
