// The reading endpoints over the engine: periods, report, trend and the drill-downs
// (docs/api.md, "Reading"). The report and drill-down bodies are the CLI's JSON, byte for byte.
#include <charconv>
#include <functional>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/year_month.h"
#include "columnar/report_input.h"
#include "engine/engine.h"
#include "engine/reporting_coverage.h"
#include "engine/trend.h"
#include "report/json_writer.h"
#include "report/render.h"
#include "server/answer_cache.h"
#include "server/api_context.h"
#include "server/http_support.h"
#include "server/scoped_report.h"
#include "server/served_answer.h"
#include "server/served_input.h"

namespace zhizao::server {
namespace {

constexpr int kDefaultTrendMonths = 24;
constexpr int kMaxTrendMonths = 120;

nlohmann::ordered_json month_json(const std::optional<YearMonth>& month) {
  return month ? nlohmann::ordered_json(month->to_string()) : nlohmann::ordered_json(nullptr);
}

// The key of an answer in the AnswerCache: everything the answer depends on once the caller's
// access is checked (the scope is the one resolved for the caller's role).
std::string answer_key(std::string_view endpoint, const ReportRequest& request,
                       std::string_view code) {
  const std::string period = request.period.to_string();
  const std::string_view window = request.window == WindowKind::kMonthly ? "m" : "c";
  std::string key(endpoint);
  for (std::string_view part :
       {std::string_view(period), window, std::string_view(request.scope), code}) {
    key += '\n';
    key += part;
  }
  return key;
}

// Whether a report computed over a snapshot behind the database is answered (the last attempt)
// or computed again.
enum class WhenBehind { kComputeAgain, kAnswer };

// The report of `scoped` as `zhizao report --json` prints it. The report joins the snapshot's
// figures with the safety figures read from SQLite (complete_report); both must be of one data
// version. Versions only move forward: the same version after the safety read means the database
// was at the snapshot's version throughout, and the answer is kept; else it is computed again
// (kComputeAgain) or, `when_behind` kAnswer, given once.
Result<ComputedAnswer> report_answer(ApiCall& call, const ScopedReport& scoped,
                                     WhenBehind when_behind) {
  Result<ReportData> report = complete_report(call.db, scoped.input, scoped.request);
  if (!report) return fail(report.error());
  Result<std::int64_t> version = call.db.data_version();
  if (!version) return fail(version.error());
  const bool same_version = *version == scoped.input.data_version();
  if (!same_version && when_behind == WhenBehind::kComputeAgain) {
    return ComputedAnswer{"", AnswerUse::kComputeAgain};
  }
  // render_report's kJson: dump(2) plus a newline.
  return ComputedAnswer{render_report(*report, ReportFormat::kJson, Language::kZh),
                        same_version ? AnswerUse::kKeep : AnswerUse::kGiveOnce};
}

void get_report(ApiCall& call, const std::string& db_path) {
  // First the snapshot a reader may have without waiting; a second time the current one, when
  // the first was behind. A third write within one report's time is answered as computed: the
  // safety figures then are of the version current when they were read.
  constexpr SnapshotWait kAttempts[] = {SnapshotWait::kOrPrevious, SnapshotWait::kForCurrent,
                                        SnapshotWait::kForCurrent};
  for (std::size_t attempt = 0; attempt < std::size(kAttempts); ++attempt) {
    std::optional<ScopedReport> scoped = scoped_report(call, db_path, kAttempts[attempt]);
    if (!scoped) return;
    const WhenBehind when_behind =
        attempt + 1 == std::size(kAttempts) ? WhenBehind::kAnswer : WhenBehind::kComputeAgain;
    Result<GivenAnswer> given =
        served_answer(db_path, scoped->input, answer_key("report", scoped->request, ""),
                      [&] { return report_answer(call, *scoped, when_behind); });
    if (given && given->outcome == AnswerOutcome::kInputBehind) {
      if (when_behind == WhenBehind::kComputeAgain) continue;
      // The last attempt joined another reader's computation that found its input behind:
      // computed for this one alone, answered as it is.
      Result<ComputedAnswer> own = report_answer(call, *scoped, WhenBehind::kAnswer);
      if (!own) {
        send_status(call.res, own.error());
        return;
      }
      send_json_text(call.res, 200, std::move(own->text));
      return;
    }
    send_answer(call, given);
    return;
  }
}

// The months with data, each with its reporting coverage (engine/reporting_coverage.h): the same
// for every role, as publishing a month is the city's decision, not a county's.
nlohmann::ordered_json periods_body(const ReportInput& input, double publish_threshold) {
  const std::vector<MonthCoverage> months = input.coverage(publish_threshold);
  nlohmann::ordered_json body;
  body["periods"] = nlohmann::ordered_json::array();
  for (const MonthCoverage& month : months) body["periods"].push_back(month.period.to_string());
  body["latest"] = month_json(latest_publishable(months));
  body["latest_with_data"] =
      month_json(months.empty() ? std::nullopt : std::optional<YearMonth>(months.back().period));
  body["publish_threshold"] = publish_threshold;
  body["months"] = nlohmann::ordered_json::array();
  for (const MonthCoverage& month : months) {
    body["months"].push_back({{"period", month.period.to_string()},
                              {"reported", month.reported},
                              {"expected", month.expected},
                              {"coverage", month.coverage},
                              {"publishable", month.publishable},
                              {"expected_from", month_json(month.base)}});
  }
  return body;
}

void get_periods(ApiCall& call, const ServerConfig& config) {
  std::optional<ReportInput> input = served_input(call, config.db_path, SnapshotWait::kOrPrevious);
  if (!input) return;
  // The threshold is the server's for its whole life: the key needs no more.
  send_answer(
      call, served_answer(config.db_path, *input, "periods", [&]() -> Result<ComputedAnswer> {
        return ComputedAnswer{json_body_text(periods_body(*input, config.publish_threshold))};
      }));
}

nlohmann::ordered_json trend_body(const ReportRequest& request,
                                  const std::vector<TrendPoint>& trend) {
  nlohmann::ordered_json body;
  body["period"] = request.period.to_string();
  body["scope"] = request.scope;
  body["points"] = nlohmann::ordered_json::array();
  for (const TrendPoint& point : trend) {
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
  return body;
}

void get_trend(ApiCall& call, const std::string& db_path) {
  std::optional<ScopedReport> scoped = scoped_report(call, db_path, SnapshotWait::kOrPrevious);
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
  const std::string key = answer_key("trend" + std::to_string(months), scoped->request, "");
  send_answer(call, served_answer(db_path, scoped->input, key, [&]() -> Result<ComputedAnswer> {
                Result<std::vector<TrendPoint>> trend =
                    scoped->input.trend(scoped->request, months);
                if (!trend) return fail(trend.error());
                return ComputedAnswer{json_body_text(trend_body(scoped->request, *trend))};
              }));
}

// A drill-down: the same JSON as `zhizao explain --format json` for the caller's scope. A county
// user may open only regions inside its area.
void get_explanation(ApiCall& call, const std::string& db_path, ExplainKind kind,
                     std::string code) {
  std::optional<ScopedReport> scoped = scoped_report(call, db_path, SnapshotWait::kOrPrevious);
  if (!scoped) return;
  if (kind == ExplainKind::kRegion && call.actor.role.kind == RoleKind::kCounty &&
      !area_within(code, call.actor.role.code, scoped->input.tables().region_groups)) {
    send_forbidden(call.res);
    return;
  }
  const std::string key =
      answer_key("explain" + std::to_string(static_cast<int>(kind)), scoped->request, code);
  send_answer(
      call, served_answer(db_path, scoped->input, key, [&]() -> Result<ComputedAnswer> {
        Result<Explanation> explanation =
            scoped->input.explain(scoped->request, ExplainTarget{kind, code});
        if (!explanation) return fail(explanation.error());
        // Computed from the snapshot alone: the answer of its data version.
        return ComputedAnswer{render_explanation(*explanation, ReportFormat::kJson, Language::kZh)};
      }));
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
