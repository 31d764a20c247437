// The reading endpoints over the engine: periods, report, trend and the drill-downs
// (docs/api.md, "Reading"). The report and drill-down bodies are the CLI's JSON, byte for byte.
#include <charconv>
#include <optional>
#include <string>
#include <vector>

#include "base/year_month.h"
#include "columnar/report_input.h"
#include "engine/engine.h"
#include "engine/reporting_coverage.h"
#include "engine/trend.h"
#include "report/json_writer.h"
#include "report/render.h"
#include "server/api_context.h"
#include "server/http_support.h"
#include "server/scoped_report.h"
#include "server/served_input.h"

namespace zhizao::server {
namespace {

constexpr int kDefaultTrendMonths = 24;
constexpr int kMaxTrendMonths = 120;

nlohmann::ordered_json month_json(const std::optional<YearMonth>& month) {
  return month ? nlohmann::ordered_json(month->to_string()) : nlohmann::ordered_json(nullptr);
}

// The months with data, each with its reporting coverage (engine/reporting_coverage.h): the same
// for every role, as publishing a month is the city's decision, not a county's.
void get_periods(ApiCall& call, const ServerConfig& config) {
  std::optional<ReportInput> input = served_input(call, config.db_path);
  if (!input) return;
  const std::vector<MonthCoverage> months = input->coverage(config.publish_threshold);
  nlohmann::ordered_json body;
  body["periods"] = nlohmann::ordered_json::array();
  for (const MonthCoverage& month : months) body["periods"].push_back(month.period.to_string());
  body["latest"] = month_json(latest_publishable(months));
  body["latest_with_data"] =
      month_json(months.empty() ? std::nullopt : std::optional<YearMonth>(months.back().period));
  body["publish_threshold"] = config.publish_threshold;
  body["months"] = nlohmann::ordered_json::array();
  for (const MonthCoverage& month : months) {
    body["months"].push_back({{"period", month.period.to_string()},
                              {"reported", month.reported},
                              {"expected", month.expected},
                              {"coverage", month.coverage},
                              {"publishable", month.publishable},
                              {"expected_from", month_json(month.base)}});
  }
  send_json(call.res, 200, body);
}

void get_report(ApiCall& call, const std::string& db_path) {
  std::optional<ScopedReport> scoped = scoped_report(call, db_path);
  if (!scoped) return;
  Result<ReportData> report = complete_report(call.db, scoped->input, scoped->request);
  if (!report) {
    send_status(call.res, report.error());
    return;
  }
  // The same text as `zhizao report --json` (render_report's kJson: dump(2) plus a newline).
  send_json_text(call.res, 200, render_report(*report, ReportFormat::kJson, Language::kZh));
}

void get_trend(ApiCall& call, const std::string& db_path) {
  std::optional<ScopedReport> scoped = scoped_report(call, db_path);
  if (!scoped) return;
  int months = kDefaultTrendMonths;
  if (std::optional<std::string> text = query_param(call.req, "months")) {
    int parsed = 0;
    auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), parsed);
    if (error != std::errc() || end != text->data() + text->size() || parsed < 1 ||
        parsed > kMaxTrendMonths) {
      send_error(call.res, 400, "bad_request", "months is a whole number from 1 to 120");
      return;
    }
    months = parsed;
  }
  Result<std::vector<TrendPoint>> trend = scoped->input.trend(scoped->request, months);
  if (!trend) {
    send_status(call.res, trend.error());
    return;
  }
  nlohmann::ordered_json body;
  body["period"] = scoped->request.period.to_string();
  body["scope"] = scoped->request.scope;
  body["points"] = nlohmann::ordered_json::array();
  for (const TrendPoint& point : *trend) {
    body["points"].push_back({
        {"period", point.period.to_string()},
        {"value_added_growth", detail::optional_number(point.value_added_growth)},
        {"manufacturing_value_added_growth",
         detail::optional_number(point.manufacturing_value_added_growth)},
        {"two_year_average_growth", detail::optional_number(point.two_year_average_growth)},
        {"electricity_growth", detail::optional_number(point.electricity_growth)},
        {"output_growth", detail::optional_number(point.output_growth)},
    });
  }
  send_json(call.res, 200, body);
}

// A drill-down: the same JSON as `zhizao explain --format json` for the caller's scope. A county
// user may open only regions inside its area.
void get_explanation(ApiCall& call, const std::string& db_path, ExplainKind kind,
                     std::string code) {
  std::optional<ScopedReport> scoped = scoped_report(call, db_path);
  if (!scoped) return;
  if (kind == ExplainKind::kRegion && call.actor.role.kind == RoleKind::kCounty &&
      !area_within(code, call.actor.role.code, scoped->input.tables().region_groups)) {
    send_forbidden(call.res);
    return;
  }
  Result<Explanation> explanation =
      scoped->input.explain(scoped->request, ExplainTarget{kind, std::move(code)});
  if (!explanation) {
    send_status(call.res, explanation.error());
    return;
  }
  send_json_text(call.res, 200,
                 render_explanation(*explanation, ReportFormat::kJson, Language::kZh));
}

void add_explain_route(http::Router& routes, const ServerConfig& config, const char* pattern,
                       ExplainKind kind) {
  routes.get(pattern, authenticated(config, [kind, db_path = config.db_path](ApiCall& call) {
               std::string code = call.req.matches.size() > 1 ? call.req.matches[1] : "";
               get_explanation(call, db_path, kind, std::move(code));
             }));
}

}  // namespace

void add_report_routes(http::Router& routes, const ServerConfig& config) {
  routes.get("/api/periods",
             authenticated(config, [&config](ApiCall& call) { get_periods(call, config); }));
  routes.get("/api/report", authenticated(config, [db_path = config.db_path](ApiCall& call) {
               get_report(call, db_path);
             }));
  routes.get("/api/trend", authenticated(config, [db_path = config.db_path](ApiCall& call) {
               get_trend(call, db_path);
             }));
  add_explain_route(routes, config, "/api/industry", ExplainKind::kIndustry);
  add_explain_route(routes, config, "/api/manufacturing", ExplainKind::kManufacturing);
  add_explain_route(routes, config, "/api/key-enterprises", ExplainKind::kKeyEnterprises);
  add_explain_route(routes, config, R"(/api/divisions/([^/]+))", ExplainKind::kDivision);
  add_explain_route(routes, config, R"(/api/regions/([^/]+))", ExplainKind::kRegion);
  add_explain_route(routes, config, R"(/api/parks/([^/]+))", ExplainKind::kPark);
  add_explain_route(routes, config, R"(/api/chains/([^/]+))", ExplainKind::kChain);
}

}  // namespace zhizao::server
