// GET /api/service?period=&scope=[&monthly] (issue 14; docs/api.md "Enterprise service"): the
// enterprise service figures (五每) of the data contract's v2 additions for the period — visit
// coverage and the unvisited enterprises for the caller's area and per cadre, department and
// county, and the cases' figures — exactly the key `service` of `zhizao report --json` for the
// same period, window and scope (src/service service_figures over the served data), with the
// names of the unvisited enterprises beside it. Scoped as GET /api/report: admin and city any
// scope, a county user its own area (403 outside it), enterprise users 403 (they see their own
// cases and visits through /api/cases and /api/visits).
//
// Also registers the registers' routes (server/service_register_routes.cc) and their export
// (server/service_export_routes.cc).
#include <optional>
#include <string>

#include "report/json_service.h"
#include "server/api_context.h"
#include "server/http_support.h"
#include "server/scoped_report.h"
#include "service/service_figures.h"

namespace zhizao::server {

void add_service_register_routes(http::Router& routes, const ServerConfig& config);
void add_service_export_routes(http::Router& routes, const ServerConfig& config);

namespace {

using nlohmann::ordered_json;

void get_service(ApiCall& call, const std::string& db_path) {
  std::optional<ScopedReport> scoped = scoped_report(call, db_path);
  if (!scoped) return;
  Result<ServiceFigures> figures = service_figures(scoped->input.tables(), scoped->request);
  if (!figures) {
    send_status(call.res, figures.error());
    return;
  }
  ordered_json names = ordered_json::object();
  for (std::size_t i = 0; i < figures->city.unvisited.size(); ++i) {
    names[figures->city.unvisited[i]] =
        i < figures->unvisited_names.size() ? figures->unvisited_names[i] : std::string();
  }
  ordered_json body = {
      {"period", scoped->request.period.to_string()},
      {"monthly", scoped->request.window == WindowKind::kMonthly},
      {"scope",
       scoped->request.scope.empty() ? ordered_json(nullptr) : ordered_json(scoped->request.scope)},
      {"service", detail::service_to_json(*figures)},
      {"unvisited_names", std::move(names)}};
  send_json(call.res, 200, body);
}

}  // namespace

void add_service_routes(http::Router& routes, const ServerConfig& config) {
  routes.get("/api/service", authenticated(config, [db_path = config.db_path](ApiCall& call) {
               get_service(call, db_path);
             }));
  add_service_register_routes(routes, config);
  add_service_export_routes(routes, config);
}

}  // namespace zhizao::server
