// The data-quality endpoints (docs/methodology.md, "Data quality"):
//   GET  /api/quality?period=&scope=          the findings, as `zhizao quality --json` plus the
//                                             enterprise's name, county, division and reasons;
//   GET  /api/quality/USCC?period=            the series a reviewer charts beside a finding (the
//                                             enterprise's output, value added, electricity and
//                                             its division's growth, 24 months) and its findings;
//   POST /api/quality/verify                  {"uscc", "check", "months": [...], "note"}: marks
//                                             the finding verified (audit-logged).
// Who: the reviewers. Admin and city see and verify every finding; a county user those of its own
// area (its report scope, as GET /api/report: 403 for a scope or an enterprise outside it).
// Enterprise users get 403 on all three: the findings are questions for the statistics office to
// put to the enterprise, not a list an enterprise reads about itself or others.
#include <algorithm>
#include <optional>
#include <string>

#include "clickhouse/daily_readings_of.h"
#include "quality/quality_checks.h"
#include "report/json_writer.h"
#include "server/api_context.h"
#include "server/http_support.h"
#include "server/quality_service.h"
#include "server/scoped_report.h"
#include "server/served_input.h"
#include "store/quality_verifications.h"

namespace zhizao::server {
namespace {

using nlohmann::json;
using nlohmann::ordered_json;

// The report of the caller's scope, or nullopt after answering.
std::optional<QualityReport> scoped_quality(ApiCall& call, const ServerConfig& config,
                                            const std::optional<ScopedReport>& scoped) {
  if (!scoped) return std::nullopt;
  // The daily readings of the database or of `serve --clickhouse`.
  Result<std::unique_ptr<DailyReadingsSource>> readings =
      daily_readings_of(call.db, config.clickhouse);
  if (!readings) {
    send_status(call.res, readings.error());
    return std::nullopt;
  }
  Result<QualityReport> report =
      quality_report_of(call.db, scoped->input, {scoped->request.period, scoped->request.scope},
                        config.quality_thresholds, *config.rules, readings->get());
  if (!report) {
    send_status(call.res, report.error());
    return std::nullopt;
  }
  return std::move(*report);
}

void get_quality(ApiCall& call, const ServerConfig& config) {
  std::optional<QualityReport> report =
      scoped_quality(call, config, scoped_report(call, config.db_path));
  if (!report) return;
  json body = quality_report_to_json(*report, QualityJsonDetail::kDashboard);
  body["scope"] = report->scope.empty() ? json(nullptr) : json(report->scope);
  send_json(call.res, 200, body);
}

json optional_values(const std::vector<std::optional<double>>& values) {
  json array = json::array();
  for (const std::optional<double>& v : values) array.push_back(v ? json(*v) : json(nullptr));
  return array;
}

void get_enterprise_quality(ApiCall& call, const ServerConfig& config) {
  std::string uscc = call.req.matches[1];
  std::transform(uscc.begin(), uscc.end(), uscc.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  std::optional<ScopedReport> scoped = scoped_report(call, config.db_path);
  if (!scoped) return;
  const Dataset& tables = scoped->input.tables();
  auto found = std::find_if(tables.enterprises.begin(), tables.enterprises.end(),
                            [&](const Enterprise& e) { return e.uscc == uscc; });
  if (found == tables.enterprises.end()) {
    // Only those who could read it if it existed learn that it does not.
    if (may_read_everything(call.actor)) {
      send_error(call.res, 404, "not_found", "no enterprise " + uscc);
    } else {
      send_forbidden(call.res);
    }
    return;
  }
  if (!may_read_enterprise(call.actor, *found, tables.region_groups)) {
    send_forbidden(call.res);
    return;
  }
  Result<QualityEvidenceSeries> series = fail(Status::internal("not computed"));
  scoped->input.visit_records([&](const detail::IndexedDataset& data) {
    series = quality_evidence_series(data, uscc, scoped->request.period);
  });
  if (!series) {
    send_status(call.res, series.error());
    return;
  }
  ScopedReport own{scoped->input, scoped->request};
  own.request.scope = found->region;
  std::optional<QualityReport> report = scoped_quality(call, config, own);
  if (!report) return;
  json findings = json::array();
  for (const QualityFinding& f : report->findings) {
    if (f.uscc == uscc)
      findings.push_back(quality_finding_to_json(f, QualityJsonDetail::kDashboard));
  }
  json months = json::array();
  for (const YearMonth& m : series->months) months.push_back(m.to_string());
  send_json(call.res, 200,
            json{{"uscc", series->uscc},
                 {"name", series->name},
                 {"region", series->region},
                 {"division", series->division},
                 {"period", scoped->request.period.to_string()},
                 {"months", std::move(months)},
                 {"output", optional_values(series->output)},
                 {"value_added", optional_values(series->value_added)},
                 {"electricity", optional_values(series->electricity)},
                 {"division_growth", optional_values(series->division_growth)},
                 {"findings", std::move(findings)}});
}

// Reads {"uscc", "check", "months", "note"}; answers 400 and returns false when malformed.
bool read_verification(ApiCall& call, std::string& uscc, std::string& check,
                       std::vector<YearMonth>& months, std::string& note) {
  Result<json> body = json_object_body(call.req);
  if (!body) {
    send_status(call.res, body.error());
    return false;
  }
  auto text = [&](const char* key) {
    auto it = body->find(key);
    return it != body->end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  uscc = text("uscc");
  check = text("check");
  note = text("note");
  const std::vector<std::string>& checks = quality_check_ids();
  if (uscc.empty() || note.empty() ||
      std::find(checks.begin(), checks.end(), check) == checks.end()) {
    send_error(call.res, 400, "bad_request",
               "the body needs uscc, a known check and a non-empty note");
    return false;
  }
  auto listed = body->find("months");
  if (listed == body->end() || !listed->is_array() || listed->empty()) {
    send_error(call.res, 400, "bad_request", "the body needs months: [\"YYYY-MM\", ...]");
    return false;
  }
  for (const json& item : *listed) {
    Result<YearMonth> month = item.is_string()
                                  ? parse_year_month(item.get<std::string>())
                                  : fail(Status::invalid_data("a month is a string YYYY-MM"));
    if (!month) {
      send_error(call.res, 400, "bad_request", month.error().message());
      return false;
    }
    months.push_back(*month);
  }
  return true;
}

void post_verify(ApiCall& call, const ServerConfig& config) {
  if (call.actor.role.kind == RoleKind::kEnterprise) {
    send_forbidden(call.res);
    return;
  }
  std::string uscc, check, note;
  std::vector<YearMonth> months;
  if (!read_verification(call, uscc, check, months, note)) return;
  std::optional<ReportInput> input = served_input(call, config.db_path);
  if (!input) return;
  const Dataset& tables = input->tables();
  auto found = std::find_if(tables.enterprises.begin(), tables.enterprises.end(),
                            [&](const Enterprise& e) { return e.uscc == uscc; });
  if (found == tables.enterprises.end() ||
      !may_read_enterprise(call.actor, *found, tables.region_groups)) {
    if (found == tables.enterprises.end() && may_read_everything(call.actor)) {
      send_error(call.res, 404, "not_found", "no enterprise " + uscc);
    } else {
      send_forbidden(call.res);
    }
    return;
  }
  Status verified = QualityVerificationStore(call.db).verify(uscc, check, months, call.actor.name,
                                                             note, call.remote);
  if (!verified.is_ok()) {
    send_status(call.res, verified);
    return;
  }
  json listed = json::array();
  for (const YearMonth& m : months) listed.push_back(m.to_string());
  send_json(call.res, 200,
            json{{"uscc", uscc},
                 {"check", check},
                 {"months", std::move(listed)},
                 {"status", "verified"},
                 {"verified_by", call.actor.name},
                 {"note", note}});
}

}  // namespace

void add_quality_routes(http::Router& routes, const ServerConfig& config) {
  routes.get(R"(/api/quality)",
             authenticated(config, [&config](ApiCall& call) { get_quality(call, config); }));
  routes.post(R"(/api/quality/verify)",
              authenticated(config, [&config](ApiCall& call) { post_verify(call, config); }));
  routes.get(R"(/api/quality/([^/]+))", authenticated(config, [&config](ApiCall& call) {
               get_enterprise_quality(call, config);
             }));
}

}  // namespace zhizao::server
