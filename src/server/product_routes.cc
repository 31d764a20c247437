// GET /api/products?period=&scope=[&monthly | &window=monthly|cumulative] and
// GET /api/products/CODE?… (docs/api.md, "Reading"): the main products' output of the report
// (data contract v2, "Products") and one product traced to the enterprises behind it, as
// `report --json` and `explain --product CODE --json` give them.
//
// Who sees what: as GET /api/report (server/scoped_report.h): admin and city any scope; a county
// user its own area (the scope defaults to it; 403 for a scope outside it), so the quantities and
// the enterprises listed are those of its area only; enterprise users 403. Product codes are not
// scoped records: an unknown code is 404 for every role that may read reports.
#include <optional>
#include <string>

#include "report/product_explanation.h"
#include "report/products_section.h"
#include "server/api_context.h"
#include "server/http_support.h"
#include "server/scoped_report.h"

namespace zhizao::server {
namespace {

using nlohmann::ordered_json;

// The scoped request with `window=` read as well as `monthly`; answers 400 for another window.
std::optional<ScopedReport> products_request(ApiCall& call, const std::string& db_path) {
  std::optional<ScopedReport> scoped = scoped_report(call, db_path);
  if (!scoped) return std::nullopt;
  if (std::optional<std::string> window = query_param(call.req, "window")) {
    if (*window == "monthly") {
      scoped->request.window = WindowKind::kMonthly;
    } else if (*window != "cumulative") {
      send_error(call.res, 400, "bad_request", "window is monthly or cumulative");
      return std::nullopt;
    }
  }
  return scoped;
}

ordered_json scope_json(const ReportRequest& request) {
  return request.scope.empty() ? ordered_json(nullptr) : ordered_json(request.scope);
}

void list_products(ApiCall& call, const std::string& db_path) {
  std::optional<ScopedReport> scoped = products_request(call, db_path);
  if (!scoped) return;
  Result<ReportData> report = scoped->input.report(scoped->request);
  if (!report) {
    send_status(call.res, report.error());
    return;
  }
  ordered_json body = {
      {"period", report->period.to_string()},
      {"window",
       {{"from", report->window_from.to_string()}, {"to", report->window_to.to_string()}}},
      {"monthly", report->window == WindowKind::kMonthly},
      {"scope", scope_json(scoped->request)},
      {"products", detail::products_to_json(*report)}};
  send_json(call.res, 200, body);
}

void get_product(ApiCall& call, const std::string& db_path) {
  std::optional<ScopedReport> scoped = products_request(call, db_path);
  if (!scoped) return;
  const std::string code = call.req.matches[1];
  Result<ProductExplanation> explained = scoped->input.explain_product(scoped->request, code);
  if (!explained) {
    send_status(call.res, explained.error());
    return;
  }
  ordered_json body = {{"period", scoped->request.period.to_string()},
                       {"monthly", scoped->request.window == WindowKind::kMonthly},
                       {"scope", scope_json(scoped->request)}};
  body.update(product_explanation_to_json(*explained));
  send_json(call.res, 200, body);
}

}  // namespace

void add_product_routes(http::Router& routes, const ServerConfig& config) {
  routes.get("/api/products", authenticated(config, [db_path = config.db_path](ApiCall& call) {
               list_products(call, db_path);
             }));
  routes.get(R"(/api/products/([^/]+))",
             authenticated(config, [db_path = config.db_path](ApiCall& call) {
               get_product(call, db_path);
             }));
}

}  // namespace zhizao::server
