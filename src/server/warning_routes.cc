// GET /api/warnings?period=&scope=[&monthly] (docs/api.md, "Reading"): the early warnings of a
// period as `zhizao warnings --json` gives them, computed by the report (src/warnings) with the
// rules the server was started with (serve --warning-rules). The dashboard's badges and warnings
// panel read them and hold no threshold of their own.
//
// Who sees what: admin and city every warning of the scope asked for; a county user the warnings
// of its own area (its report scope, as GET /api/report: 403 for a scope outside it); an
// enterprise user only the warnings about its own enterprise (any scope asked for is ignored).
#include <algorithm>
#include <optional>
#include <string>

#include "base/year_month.h"
#include "report/warnings_render.h"
#include "server/api_context.h"
#include "server/http_support.h"
#include "server/scoped_report.h"
#include "server/served_input.h"

namespace zhizao::server {
namespace {

using nlohmann::ordered_json;

void send_warnings(ApiCall& call, const ReportData& report, const std::vector<Warning>& warnings) {
  ordered_json list = ordered_json::array();
  for (const Warning& w : warnings) {
    ordered_json item = warning_to_json(w, Language::kZh);
    item["reason_en"] = w.reason_en;  // the dashboard's English view
    list.push_back(std::move(item));
  }
  ordered_json body = {{"period", report.period.to_string()}, {"warnings", std::move(list)}};
  body["scope"] = report.scope.empty() ? ordered_json(nullptr) : ordered_json(report.scope);
  send_json(call.res, 200, body);
}

// An enterprise user: the report of its own county, of which only the warnings about itself.
void get_own_warnings(ApiCall& call, const std::string& db_path) {
  std::optional<ReportInput> input = served_input(call, db_path);
  if (!input) return;
  const std::vector<Enterprise>& enterprises = input->tables().enterprises;
  auto own = std::find_if(enterprises.begin(), enterprises.end(),
                          [&](const Enterprise& e) { return e.uscc == call.actor.role.code; });
  if (own == enterprises.end()) {
    send_forbidden(call.res);
    return;
  }
  std::optional<std::string> period_text = query_param(call.req, "period");
  Result<YearMonth> period = period_text ? parse_year_month(*period_text)
                                         : fail(Status::usage("the query needs period=YYYY-MM"));
  if (!period) {
    send_error(call.res, 400, "bad_request", period.error().message());
    return;
  }
  if (period->month != 1 && !input->has_records(*period)) {
    send_error(call.res, 404, "not_found",
               "no data for " + period->to_string() + " (GET /api/periods lists the months)");
    return;
  }
  ReportRequest request;
  request.period = *period;
  request.window = query_flag(call.req, "monthly") ? WindowKind::kMonthly : WindowKind::kCumulative;
  request.scope = own->region;
  Result<ReportData> report = complete_report(call.db, *input, request);
  if (!report) {
    send_status(call.res, report.error());
    return;
  }
  std::vector<Warning> mine;
  for (const Warning& w : report->warnings) {
    if (w.subject_kind == "enterprise" && w.subject_id == own->uscc) mine.push_back(w);
  }
  report->scope.clear();  // the county is not the enterprise user's to name
  send_warnings(call, *report, mine);
}

void get_warnings(ApiCall& call, const std::string& db_path) {
  if (call.actor.role.kind == RoleKind::kEnterprise) {
    get_own_warnings(call, db_path);
    return;
  }
  std::optional<ScopedReport> scoped = scoped_report(call, db_path);
  if (!scoped) return;
  Result<ReportData> report = complete_report(call.db, scoped->input, scoped->request);
  if (!report) {
    send_status(call.res, report.error());
    return;
  }
  send_warnings(call, *report, report->warnings);
}

}  // namespace

void add_warning_routes(http::Router& routes, const ServerConfig& config) {
  routes.get(R"(/api/warnings)", authenticated(config, [db_path = config.db_path](ApiCall& call) {
               get_warnings(call, db_path);
             }));
}

}  // namespace zhizao::server
