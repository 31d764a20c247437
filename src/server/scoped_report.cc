#include "server/scoped_report.h"

#include "base/year_month.h"
#include "safety/safety_figures.h"
#include "server/http_support.h"
#include "server/served_input.h"

namespace zhizao::server {

std::optional<ScopedReport> scoped_report(ApiCall& call, const std::string& db_path,
                                          SnapshotWait wait) {
  if (call.actor.role.kind == RoleKind::kEnterprise) {
    send_forbidden(call.res);
    return std::nullopt;
  }
  std::optional<ReportInput> input = served_input(call, db_path, wait);
  if (!input) return std::nullopt;
  std::optional<std::string> period_text = query_param(call.req, "period");
  if (!period_text) {
    send_error(call.res, 400, "bad_request", "the query needs period=YYYY-MM");
    return std::nullopt;
  }
  Result<YearMonth> period = parse_year_month(*period_text);
  if (!period) {
    send_error(call.res, 400, "bad_request", period.error().message());
    return std::nullopt;
  }
  std::optional<std::string> scope = report_scope_for(
      call.actor, query_param(call.req, "scope").value_or(""), input->tables().region_groups);
  if (!scope) {
    send_forbidden(call.res);
    return std::nullopt;
  }
  // As /api/report (issue #18, item 9): never the months before it under its name.
  if (period->month != 1 && !input->has_records(*period)) {
    send_error(call.res, 404, "not_found",
               "no data for " + period->to_string() + " (GET /api/periods lists the months)");
    return std::nullopt;
  }
  ScopedReport out{std::move(*input), ReportRequest{}};
  out.request.period = *period;
  out.request.window =
      query_flag(call.req, "monthly") ? WindowKind::kMonthly : WindowKind::kCumulative;
  out.request.scope = *scope;
  return out;
}

Result<ReportData> complete_report(Database& db, const ReportInput& input,
                                   const ReportRequest& request) {
  Result<ReportData> report = input.report(request);
  if (!report) return report;
  Status safety = attach_safety_figures(db, input.tables(), *report);
  if (!safety.is_ok()) return fail(safety);
  return report;
}

}  // namespace zhizao::server
