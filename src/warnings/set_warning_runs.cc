// Since when a set warning holds (连续N个月): the reports of the months before the period, in the
// same window and scope, are computed and the rule re-applied to the same set until it no longer
// holds (docs/methodology.md, "Runs of reports"). Only the subjects that raised a warning are
// followed; a period without set warnings costs nothing, and one with any costs about one
// report's reading of the records for all the earlier reports together.
#include <map>
#include <string_view>
#include <unordered_map>

#include "engine/set_figures_of_periods.h"

#include "warnings/warning_evaluators.h"

namespace zhizao::detail {
namespace {

// The report before `month`: January is reported inside February (1–2月), so February's
// predecessor is December.
YearMonth report_before(YearMonth month) {
  YearMonth before = month.plus_months(-1);
  return before.month == 1 ? before.plus_months(-1) : before;
}

struct OpenRun {
  Warning* warning = nullptr;
  const WarningRule* rule = nullptr;
  int reports = 1;   // the reports of the run, the period's own included
  bool open = true;  // the run may reach further back
};

}  // namespace

Status add_set_warning_runs(const IndexedDataset& records, const ReportRequest& request,
                            std::span<const WarningRule* const> rules,
                            std::vector<Warning>& warnings) {
  std::map<std::string_view, const WarningRule*> by_id;
  for (const WarningRule* rule : rules) by_id[rule->id] = rule;
  std::vector<OpenRun> runs;
  for (Warning& w : warnings) {
    auto rule = by_id.find(w.rule);
    if (rule == by_id.end() || !is_set_kind(rule->second->kind)) continue;
    w.since = request.period;
    runs.push_back({&w, rule->second, 1, true});
  }
  if (runs.empty()) return Status::ok();
  // The earlier reports' sets, all at once: each enterprise's records of a year are read once
  // for every window of that year (engine/set_figures_of_periods.h).
  std::vector<YearMonth> earlier{report_before(request.period)};
  while (static_cast<int>(earlier.size()) + 1 < kMaxSetRunReports) {
    earlier.push_back(report_before(earlier.back()));
  }
  // Only the headline and the subjects' families: the rules read nothing else.
  SetFamilies families = SetFamilies::headline_only();
  for (const OpenRun& run : runs) families = families.with(subject_family(*run.rule));
  Result<std::vector<ReportData>> reports =
      set_figures_of_periods(records, request, earlier, families);
  if (!reports) return reports.error();
  for (const ReportData& figures : *reports) {
    // Each subject family's sets by code, once per report: thousands of county runs each
    // looking its county up in a list of thousands was most of the runs' time.
    std::map<const std::vector<SetFigures>*,
             std::unordered_map<std::string_view, const SetFigures*>>
        by_code;
    for (OpenRun& run : runs) {
      if (!run.open) continue;
      const std::vector<SetFigures>& sets = subject_sets(figures, *run.rule);
      auto [index, added] = by_code.try_emplace(&sets);
      if (added) {
        for (const SetFigures& set : sets) index->second.emplace(set.code, &set);
      }
      auto set = index->second.find(run.warning->subject_id);
      if (set != index->second.end() && set_rule_holds(figures, *run.rule, *set->second)) {
        run.warning->since = figures.period;
        ++run.reports;
      } else {
        run.open = false;
      }
    }
  }
  // A run still open after kMaxSetRunReports reports is reported as that long (at least).
  for (OpenRun& run : runs) {
    run.warning->figures.emplace_back("months", static_cast<double>(run.reports));
  }
  return Status::ok();
}

}  // namespace zhizao::detail
