// The safety figures and warnings joining a report (safety_figures.h attach_safety_figures).
#include <algorithm>
#include <iterator>
#include <tuple>

#include "area/installation_area.h"
#include "safety/safety_figures.h"
#include "safety/safety_store.h"
#include "warnings/safety_rule_warnings.h"

namespace zhizao {

Status attach_safety_figures(const Database& db, const Dataset& tables, ReportData& report) {
  Result<SafetyRegister> records = load_safety_register(db);
  if (!records) return records.error();
  if (records->plans.empty()) return Status::ok();
  Result<std::optional<SafetyFigures>> figures =
      compute_safety_figures(*records, tables, safety_request_of(report));
  if (!figures) return figures.error();
  if (!*figures) return Status::ok();
  // As safety_warnings, with the report's own word for its whole ({whole}: 全市, 全省, ...).
  std::vector<Warning> raised = safety_rule_warnings(
      **figures, *active_warning_rules(),
      {whole_area_word(report.area, Language::kZh), whole_area_word(report.area, Language::kEn)});
  report.warnings.insert(report.warnings.end(), std::make_move_iterator(raised.begin()),
                         std::make_move_iterator(raised.end()));
  // The order of every warning list (docs/methodology.md, "Early warnings"): level, then rule
  // id, subject kind and subject id.
  std::stable_sort(report.warnings.begin(), report.warnings.end(),
                   [](const Warning& a, const Warning& b) {
                     return std::tie(a.level, a.rule, a.subject_kind, a.subject_id) <
                            std::tie(b.level, b.rule, b.subject_kind, b.subject_id);
                   });
  report.safety = std::move(**figures);
  return Status::ok();
}

}  // namespace zhizao
