// Since when a set warning holds (连续N个月): the reports of the months before the period, in the
// same window and scope, are computed and the rule re-applied to the same set until it no longer
// holds (docs/methodology.md, "Runs of reports"). Only the subjects that raised a warning are
// followed, and the walk stops when every run has ended, so a period without set warnings costs
// nothing and one whose warnings began this month costs one report.
#include <map>

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
  ReportRequest earlier = request;
  std::size_t open = runs.size();
  for (int reports = 1; reports < kMaxSetRunReports && open > 0; ++reports) {
    earlier.period = report_before(earlier.period);
    Result<ReportData> figures =
        compute_set_figures(ColumnarData{records.dataset(), records.columns()}, earlier);
    if (!figures) return figures.error();
    for (OpenRun& run : runs) {
      if (!run.open) continue;
      if (set_rule_holds(*figures, *run.rule, run.warning->subject_id)) {
        run.warning->since = earlier.period;
        ++run.reports;
      } else {
        run.open = false;
        --open;
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
