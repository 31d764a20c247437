// The registers' revision history (issue 14; docs/api.md "Revision history"): every change of a
// hazard, a check or a case, oldest first, in one shape for the three registers, so that the
// dashboard draws one history list. The rows themselves come from the registers' own tables
// (safety_event, safety/safety_revisions.h; case_event, store/case_store.h); who may read them is
// decided exactly as for reading the row (safety_access.h, case_actions.h): a row outside the
// caller's scope and one that does not exist answer alike (403 for county and enterprise users,
// 404 for admin and city when it does not exist).
#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "safety/safety_revisions.h"
#include "safety/safety_store.h"
#include "server/api_context.h"
#include "server/case_actions.h"
#include "server/http_support.h"
#include "server/safety_access.h"

namespace zhizao::server {
namespace {

using nlohmann::ordered_json;

// A JSON text of a stored revision; null for "" (no row before) or text that does not parse.
ordered_json parsed_or_null(const std::string& text) {
  if (text.empty()) return nullptr;
  ordered_json value = ordered_json::parse(text, nullptr, false);
  return value.is_discarded() ? ordered_json(nullptr) : value;
}

ordered_json history_json(std::string_view register_name, const std::string& id,
                          ordered_json revisions) {
  return {{"register", register_name}, {"id", id}, {"revisions", std::move(revisions)}};
}

// One safety revision in the common shape (a case's revision also has "from" and "to").
ordered_json safety_revision_json(const SafetyEvent& event) {
  return {{"revision", event.revision},
          {"at", event.at},
          {"user", event.user_name},
          {"action", event.action},
          {"note", event.note},
          {"before", parsed_or_null(event.before)},
          {"after", parsed_or_null(event.after)}};
}

void send_safety_refusal(Response& res, const SafetyRefusal& refusal) {
  send_error(res, refusal.http_status, refusal.code, refusal.message);
}

// GET /api/safety/checks/ID/revisions: readable by whoever sees the check's enterprise.
void get_check_revisions(ApiCall& call) {
  const std::string id = call.req.matches[1];
  SafetyResult<SafetyAccess> access = SafetyAccess::open(call.db, call.actor);
  if (!access) {
    send_safety_refusal(call.res, access.error());
    return;
  }
  Result<SafetyRegister> records = load_safety_register(call.db);
  if (!records) {
    send_safety_refusal(call.res, safety_internal(records.error()).value());
    return;
  }
  auto check = std::find_if(records->checks.begin(), records->checks.end(),
                            [&id](const SafetyCheck& c) { return c.id == id; });
  if (check == records->checks.end()) {
    send_safety_refusal(call.res, safety_absent(call.actor, "check " + id).value());
    return;
  }
  SafetyResult<std::optional<SafetyEnterprise>> enterprise = access->enterprise(check->uscc);
  if (!enterprise) {
    send_safety_refusal(call.res, enterprise.error());
    return;
  }
  if (!*enterprise || !access->sees(**enterprise)) {
    send_safety_refusal(call.res, safety_forbidden().value());
    return;
  }
  Result<std::vector<SafetyEvent>> events = safety_events(call.db, "check", id);
  if (!events) {
    send_safety_refusal(call.res, safety_internal(events.error()).value());
    return;
  }
  ordered_json revisions = ordered_json::array();
  for (const SafetyEvent& event : *events) revisions.push_back(safety_revision_json(event));
  send_json(call.res, 200, history_json("check", id, std::move(revisions)));
}

// GET /api/safety/hazards/ID/revisions: the revisions of the hazard's detail (same scope).
void get_hazard_revisions(ApiCall& call) {
  const std::string id = call.req.matches[1];
  SafetyResult<ordered_json> detail =
      hazard_detail(call.db, SafetyActor{call.actor, call.remote, china_today()}, id);
  if (!detail) {
    send_safety_refusal(call.res, detail.error());
    return;
  }
  send_json(call.res, 200, history_json("hazard", id, std::move((*detail)["revisions"])));
}

// GET /api/cases/ID/revisions: a case's events with the case before and after each (the record
// of the previous event; null before the first).
void get_case_revisions(ApiCall& call) {
  const std::string id = call.req.matches[1];
  auto found = get_case(call.db, CaseActor{call.actor, call.remote, china_today()}, id);
  if (!found) {
    send_error(call.res, found.error().http_status, found.error().code, found.error().message);
    return;
  }
  ordered_json revisions = ordered_json::array();
  ordered_json before = nullptr;
  for (const CaseEvent& event : found->second) {
    ordered_json after = parsed_or_null(event.record);
    revisions.push_back({{"revision", event.revision},
                         {"at", event.at},
                         {"user", event.user_name},
                         {"action", event.action},
                         {"note", event.note},
                         {"from", event.from_state},
                         {"to", event.to_state},
                         {"before", before},
                         {"after", after}});
    before = std::move(after);
  }
  send_json(call.res, 200, history_json("case", id, std::move(revisions)));
}

}  // namespace

void add_revision_routes(http::Router& routes, const ServerConfig& config) {
  routes.get(R"(/api/safety/checks/([^/]+)/revisions)",
             authenticated(config, [](ApiCall& call) { get_check_revisions(call); }));
  routes.get(R"(/api/safety/hazards/([^/]+)/revisions)",
             authenticated(config, [](ApiCall& call) { get_hazard_revisions(call); }));
  routes.get(R"(/api/cases/([^/]+)/revisions)",
             authenticated(config, [](ApiCall& call) { get_case_revisions(call); }));
}

}  // namespace zhizao::server
