// The flood-season safety checks of the API (issue 14; docs/api.md "Safety"): the figures and
// registers of a period, one enterprise's checks and hazards, a hazard with its revisions, its
// proof file, and the changes (plans, checks, hazards, proof, rectification, re-inspection). What
// each role may see and do is safety_access.h's and safety_actions.h's; this file maps HTTP.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <string>

#include "report/safety_section.h"
#include "report/warnings_render.h"
#include "safety/safety_figures.h"
#include "safety/safety_revisions.h"
#include "safety/safety_store.h"
#include "server/api_context.h"
#include "server/case_actions.h"
#include "server/content_disposition.h"
#include "server/http_support.h"
#include "server/safety_actions.h"
#include "server/scoped_report.h"
#include "server/served_input.h"

namespace zhizao::server {
namespace {

using nlohmann::ordered_json;

SafetyActor safety_actor(const ApiCall& call) { return {call.actor, call.remote, china_today()}; }

void send_refusal(Response& res, const SafetyRefusal& refusal) {
  send_error(res, refusal.http_status, refusal.code, refusal.message);
}

void send_result(ApiCall& call, int status, const SafetyResult<ordered_json>& result) {
  if (!result) {
    send_refusal(call.res, result.error());
    return;
  }
  send_json(call.res, status, *result);
}

CivilDate last_day(const YearMonth& period) {
  return {period.year, period.month, days_in_month(period.year, period.month)};
}

ordered_json warnings_json(const std::vector<Warning>& warnings) {
  ordered_json list = ordered_json::array();
  for (const Warning& w : warnings) {
    ordered_json item = warning_to_json(w, Language::kZh);
    item["reason_en"] = w.reason_en;
    list.push_back(std::move(item));
  }
  return list;
}

// The duty roster from the first day of the plans shown to `as_of`.
ordered_json roster_json(const SafetyRegister& records, const SafetyFigures& figures) {
  ordered_json roster = ordered_json::array();
  if (figures.plans.empty()) return roster;
  CivilDate first = figures.plans.front().from;
  for (const SafetyPlanFigures& plan : figures.plans) first = std::min(first, plan.from);
  for (const DutyShift& shift : records.roster) {
    if (shift.date < first || figures.as_of < shift.date) continue;
    roster.push_back(duty_shift_json(shift));
  }
  return roster;
}

CivilDate window_first_of(const ReportRequest& request) {
  return {request.period.year, request.window == WindowKind::kMonthly ? request.period.month : 1,
          1};
}

// An enterprise user: its own checks and hazards of every plan, and the safety warnings about it
// (computed as for its county, as GET /api/warnings does); no figures, plans or roster.
void get_own_safety(ApiCall& call, const std::string& db_path) {
  std::optional<std::string> period_text = query_param(call.req, "period");
  Result<YearMonth> period = period_text ? parse_year_month(*period_text)
                                         : fail(Status::usage("the query needs period=YYYY-MM"));
  if (!period) {
    send_error(call.res, 400, "bad_request", period.error().message());
    return;
  }
  const CivilDate as_of = last_day(*period);
  const std::string& own = call.actor.role.code;
  SafetyResult<ordered_json> mine = enterprise_safety(call.db, safety_actor(call), own, as_of);
  if (!mine) {
    send_refusal(call.res, mine.error());
    return;
  }
  std::optional<ReportInput> input = served_input(call, db_path);
  if (!input) return;
  Result<SafetyRegister> records = load_safety_register(call.db);
  if (!records) {
    send_status(call.res, records.error());
    return;
  }
  ReportRequest request;
  request.period = *period;
  request.window = query_flag(call.req, "monthly") ? WindowKind::kMonthly : WindowKind::kCumulative;
  Result<std::optional<SafetyFigures>> figures = compute_safety_figures(
      *records, input->tables(),
      SafetyFigureRequest{as_of, window_first_of(request), (*mine)["region"].get<std::string>()});
  if (!figures) {
    send_status(call.res, figures.error());
    return;
  }
  std::vector<Warning> about_it;
  if (*figures) {
    for (Warning& w : safety_warnings(**figures)) {
      if (w.subject_kind == "enterprise" && w.subject_id == own) about_it.push_back(std::move(w));
    }
  }
  ordered_json body = {{"period", period->to_string()},
                       {"as_of", as_of.to_string()},
                       {"scope", nullptr},
                       {"safety", nullptr}};
  body["warnings"] = warnings_json(about_it);
  body["plans"] = ordered_json::array();
  body["checks"] = std::move((*mine)["checks"]);
  body["hazards"] = std::move((*mine)["hazards"]);
  body["roster"] = ordered_json::array();
  send_json(call.res, 200, body);
}

void get_safety(ApiCall& call, const std::string& db_path) {
  if (call.actor.role.kind == RoleKind::kEnterprise) {
    get_own_safety(call, db_path);
    return;
  }
  std::optional<ScopedReport> scoped = scoped_report(call, db_path);
  if (!scoped) return;
  Result<SafetyRegister> records = load_safety_register(call.db);
  if (!records) {
    send_status(call.res, records.error());
    return;
  }
  const ReportRequest& request = scoped->request;
  const CivilDate as_of = last_day(request.period);
  Result<std::optional<SafetyFigures>> figures =
      compute_safety_figures(*records, scoped->input.tables(),
                             SafetyFigureRequest{as_of, window_first_of(request), request.scope});
  if (!figures) {
    send_status(call.res, figures.error());
    return;
  }
  ordered_json body = {
      {"period", request.period.to_string()},
      {"as_of", as_of.to_string()},
      {"scope", request.scope.empty() ? ordered_json(nullptr) : ordered_json(request.scope)}};
  body["safety"] =
      *figures ? ordered_json(detail::safety_to_json(**figures)) : ordered_json(nullptr);
  body["warnings"] = warnings_json(*figures ? safety_warnings(**figures) : std::vector<Warning>{});
  body["plans"] = ordered_json::array();
  body["checks"] = ordered_json::array();
  body["hazards"] = ordered_json::array();
  body["roster"] = ordered_json::array();
  if (*figures) {
    std::vector<std::string> shown;
    for (const SafetyPlanFigures& plan : (*figures)->plans) shown.push_back(plan.id);
    for (const SafetyPlan& plan : records->plans) {
      if (std::find(shown.begin(), shown.end(), plan.id) != shown.end()) {
        body["plans"].push_back(plan_json(plan));
      }
    }
    SafetyResult<SafetyAccess> access = SafetyAccess::open(call.db, call.actor);
    if (!access) {
      send_refusal(call.res, access.error());
      return;
    }
    const std::string& scope = request.scope;
    SafetyResult<ordered_json> registers =
        visible_registers(*access, *records, shown, as_of,
                          [&](const SafetyEnterprise& e) { return access->within(e, scope); });
    if (!registers) {
      send_refusal(call.res, registers.error());
      return;
    }
    body["checks"] = std::move((*registers)["checks"]);
    body["hazards"] = std::move((*registers)["hazards"]);
    body["roster"] = roster_json(*records, **figures);
  }
  send_json(call.res, 200, body);
}

// ?date=YYYY-MM-DD, or ?period=YYYY-MM (its last day), or today.
std::optional<CivilDate> as_of_of(ApiCall& call) {
  if (std::optional<std::string> date = query_param(call.req, "date")) {
    Result<CivilDate> parsed = parse_civil_date(*date);
    if (!parsed) {
      send_error(call.res, 400, "bad_request", parsed.error().message());
      return std::nullopt;
    }
    return *parsed;
  }
  if (std::optional<std::string> period = query_param(call.req, "period")) {
    Result<YearMonth> parsed = parse_year_month(*period);
    if (!parsed) {
      send_error(call.res, 400, "bad_request", parsed.error().message());
      return std::nullopt;
    }
    return last_day(*parsed);
  }
  return china_today();
}

void get_enterprise_safety(ApiCall& call) {
  std::optional<CivilDate> as_of = as_of_of(call);
  if (!as_of) return;
  send_result(call, 200,
              enterprise_safety(call.db, safety_actor(call), call.req.matches[1], *as_of));
}

Result<nlohmann::json> body_or_empty(const Request& req) {
  if (req.body.empty()) return nlohmann::json::object();
  return json_object_body(req);
}

// POST routes with a JSON body: `action` answers `status` on success.
template <typename Action>
http::Handler json_write(const ServerConfig& config, int status, Action action) {
  return authenticated(config, [status, action](ApiCall& call) {
    Result<nlohmann::json> body = body_or_empty(call.req);
    if (!body) {
      send_status(call.res, body.error());
      return;
    }
    send_result(call, status, action(call, *body));
  });
}

void get_proof(ApiCall& call, const ProofFolder& folder) {
  SafetyResult<ProofDownload> proof =
      download_proof(call.db, safety_actor(call), folder, call.req.matches[1]);
  if (!proof) {
    send_refusal(call.res, proof.error());
    return;
  }
  // Always a download, typed from the sniffed bytes, never rendered by the browser as a page.
  call.res.status = 200;
  call.res.set_content(std::move(proof->bytes), proof_media_type(proof->type));
  const std::string file_name = "hazard-" + std::string(call.req.matches[1]) + "-proof." +
                                std::string(proof_extension(proof->type));
  call.res.set_header("Content-Disposition", attachment_disposition(file_name, file_name));
  call.res.set_header("X-Content-Type-Options", "nosniff");
}

}  // namespace

Status check_proof_folder(const std::string& db_path, const std::string& proof_dir,
                          const std::string& web_root) {
  if (web_root.empty()) return Status::ok();
  namespace fs = std::filesystem;
  std::error_code error;
  const fs::path root = fs::weakly_canonical(fs::absolute(web_root), error);
  if (error) return Status::ok();
  // Whatever lies within the web root is a static file anyone may fetch: neither the database
  // (every figure, the accounts' hashes) nor the proof files may.
  auto within_root = [&](const std::string& path, std::string_view what,
                         std::string_view option) -> Status {
    std::error_code resolve_error;
    const fs::path resolved = fs::weakly_canonical(fs::absolute(path), resolve_error);
    if (resolve_error) return Status::ok();  // an unresolvable path is not within the web root
    auto [root_end, at] = std::mismatch(root.begin(), root.end(), resolved.begin(), resolved.end());
    if (root_end != root.end()) return Status::ok();
    return Status::usage(fmt::format("the {} {} lies within the web root {} ({})", what,
                                     resolved.string(), root.string(), option));
  };
  if (Status db = within_root(db_path, "database", "serve --db"); !db.is_ok()) return db;
  return within_root(proof_dir.empty() ? ProofFolder::default_path(db_path) : proof_dir,
                     "proof folder", "serve --proof-dir");
}

void add_safety_routes(http::Router& routes, const ServerConfig& config) {
  const std::string folder_path =
      config.proof_dir.empty() ? ProofFolder::default_path(config.db_path) : config.proof_dir;
  const ProofFolder folder(folder_path);
  routes.get("/api/safety", authenticated(config, [db_path = config.db_path](ApiCall& call) {
               get_safety(call, db_path);
             }));
  routes.get(R"(/api/enterprises/([^/]+)/safety)",
             authenticated(config, [](ApiCall& call) { get_enterprise_safety(call); }));
  routes.get(R"(/api/safety/hazards/([^/]+))", authenticated(config, [](ApiCall& call) {
               send_result(call, 200,
                           hazard_detail(call.db, safety_actor(call), call.req.matches[1]));
             }));
  routes.get(R"(/api/safety/hazards/([^/]+)/proof)",
             authenticated(config, [folder](ApiCall& call) { get_proof(call, folder); }));
  routes.post("/api/safety/plans",
              json_write(config, 201, [](ApiCall& call, const nlohmann::json& body) {
                return create_plan(call.db, safety_actor(call), body);
              }));
  routes.post("/api/safety/checks",
              json_write(config, 201, [](ApiCall& call, const nlohmann::json& body) {
                return record_check(call.db, safety_actor(call), body);
              }));
  routes.post("/api/safety/hazards",
              json_write(config, 201, [](ApiCall& call, const nlohmann::json& body) {
                return record_hazard(call.db, safety_actor(call), body);
              }));
  routes.post(R"(/api/safety/hazards/([^/]+)/rectify)",
              json_write(config, 200, [](ApiCall& call, const nlohmann::json& body) {
                return rectify_hazard(call.db, safety_actor(call), call.req.matches[1], body);
              }));
  routes.post(R"(/api/safety/hazards/([^/]+)/reinspect)",
              json_write(config, 200, [](ApiCall& call, const nlohmann::json& body) {
                return reinspect_hazard(call.db, safety_actor(call), call.req.matches[1], body);
              }));
  // The proof file is the body itself, typed by Content-Type (no multipart parsing).
  routes.post(R"(/api/safety/hazards/([^/]+)/proof)",
              authenticated(config, [folder](ApiCall& call) {
                send_result(call, 200,
                            upload_proof(call.db, safety_actor(call), folder, call.req.matches[1],
                                         call.req.body, call.req.get_header_value("Content-Type")));
              }));
}

}  // namespace zhizao::server
