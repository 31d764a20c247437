// The rule over the enterprise service figures (src/service, 五每): a case open past its deadline
// (case_overdue), so that an overdue case reaches the officials' warnings as well as the meeting
// list (每事必督、每案必改). It reads the report's own overdue list: open at D, deadline < D
// (docs/methodology.md, "Enterprise service").
#include "base/civil_days.h"
#include "warnings/warning_evaluators.h"

namespace zhizao::detail {
namespace {

// The month of the first overdue day, the day after the deadline.
YearMonth first_overdue_month(const CivilDate& deadline) {
  return civil_add_days(deadline, 1).year_month();
}

void add_case_overdue(const ServiceFigures& service, const WarningRule& rule,
                      std::vector<Warning>& out) {
  double days = rule.parameter("days");
  for (const OverdueCase& overdue : service.overdue) {
    if (static_cast<double>(overdue.days_overdue) <= days) continue;
    Warning w =
        warning_of(rule, "case", overdue.id, overdue.name.empty() ? overdue.uscc : overdue.name);
    w.figures = {{"days_overdue", static_cast<double>(overdue.days_overdue)}};
    w.since = first_overdue_month(overdue.deadline);
    out.push_back(std::move(w));
  }
}

}  // namespace

void add_service_warnings(const ReportData& figures, std::span<const WarningRule* const> rules,
                          std::vector<Warning>& out) {
  if (!figures.service) return;
  for (const WarningRule* rule : rules) {
    if (rule->kind == WarningKind::kCaseOverdue) add_case_overdue(*figures.service, *rule, out);
  }
}

}  // namespace zhizao::detail
