// GET /api/nowcast?period= and GET /api/electricity/daily?period= (docs/api.md, "Electricity"):
// the nowcast of `zhizao nowcast` with the details a dashboard shows, and the month so far day
// by day against the same days of last year. Both are figures of the whole city's readings, so
// only admin and city users see them (403 for county and enterprise users, as for any record
// outside their scope). A period without readings answers 404.
#include <memory>
#include <optional>
#include <string>

#include "base/year_month.h"
#include "clickhouse/daily_readings_of.h"
#include "server/api_context.h"
#include "server/http_support.h"
#include "server/served_input.h"
#include "signals/daily_comparison.h"
#include "signals/division_nowcast.h"
#include "signals/nowcast_render.h"

namespace zhizao::server {
namespace {

// The period of the query, or answers 403 (not a city-wide role) or 400 and returns nullopt.
std::optional<YearMonth> city_period(ApiCall& call) {
  if (call.actor.role.kind != RoleKind::kAdmin && call.actor.role.kind != RoleKind::kCity) {
    send_forbidden(call.res);
    return std::nullopt;
  }
  std::optional<std::string> text = query_param(call.req, "period");
  Result<YearMonth> period =
      text ? parse_year_month(*text) : fail(Status::usage("the query needs period=YYYY-MM"));
  if (!period) {
    send_error(call.res, 400, "bad_request", period.error().message());
    return std::nullopt;
  }
  return *period;
}

void send_no_readings(ApiCall& call, YearMonth period) {
  send_error(call.res, 404, "not_found", "no daily electricity reading of " + period.to_string());
}

// The readings of the database or of `serve --clickhouse`; answers 500 and returns null when
// they cannot be opened.
std::unique_ptr<DailyReadingsSource> readings_of(ApiCall& call, const std::string& clickhouse) {
  Result<std::unique_ptr<DailyReadingsSource>> source = daily_readings_of(call.db, clickhouse);
  if (!source) {
    send_status(call.res, source.error());
    return nullptr;
  }
  return *std::move(source);
}

void get_nowcast(ApiCall& call, const std::string& db_path, const std::string& clickhouse) {
  std::optional<YearMonth> period = city_period(call);
  if (!period) return;
  std::optional<ReportInput> input = served_input(call, db_path);
  if (!input) return;
  std::unique_ptr<DailyReadingsSource> store = readings_of(call, clickhouse);
  if (!store) return;
  Result<Nowcast> nowcast = compute_nowcast(
      *store,
      window_statistics_from([&](const ReportRequest& request) { return input->report(request); }),
      manufacturing_division_members(input->tables().enterprises), *period);
  if (!nowcast) {
    send_status(call.res, nowcast.error());
    return;
  }
  if (nowcast->days == 0) {
    send_no_readings(call, *period);
    return;
  }
  send_json(call.res, 200, nowcast_json(*nowcast, NowcastJson::kDetailed));
}

void get_daily(ApiCall& call, const std::string& clickhouse) {
  std::optional<YearMonth> period = city_period(call);
  if (!period) return;
  std::unique_ptr<DailyReadingsSource> store = readings_of(call, clickhouse);
  if (!store) return;
  Result<DailyComparison> comparison = compare_daily(*store, *period);
  if (!comparison) {
    send_status(call.res, comparison.error());
    return;
  }
  bool any = false;
  for (const DailyComparisonDay& day : comparison->days) any = any || day.read > 0;
  if (!any) {
    send_no_readings(call, *period);
    return;
  }
  send_json(call.res, 200, daily_comparison_json(*comparison));
}

}  // namespace

void add_nowcast_routes(http::Router& routes, const ServerConfig& config) {
  routes.get(R"(/api/nowcast)",
             authenticated(config, [db_path = config.db_path, clickhouse = config.clickhouse](
                                       ApiCall& call) { get_nowcast(call, db_path, clickhouse); }));
  routes.get(R"(/api/electricity/daily)",
             authenticated(config, [clickhouse = config.clickhouse](ApiCall& call) {
               get_daily(call, clickhouse);
             }));
}

}  // namespace zhizao::server
