// The enterprise cases (诉求) of the API (issue 14; docs/api.md "Cases"): list, read, raise and
// move through the workflow. What each role may do is case_actions.h's; this file maps HTTP.
#include <string>

#include "server/api_context.h"
#include "server/case_actions.h"
#include "server/http_support.h"

namespace zhizao::server {
namespace {

CaseActor case_actor(const ApiCall& call) { return {call.actor, call.remote, china_today()}; }

void send_refusal(Response& res, const CaseRefusal& refusal) {
  send_error(res, refusal.http_status, refusal.code, refusal.message);
}

void get_cases(ApiCall& call) {
  const CaseActor actor = case_actor(call);
  CaseResult<std::vector<CaseView>> cases =
      list_cases(call.db, actor, query_param(call.req, "state"),
                 query_param(call.req, "view").value_or("") == "meeting");
  if (!cases) {
    send_refusal(call.res, cases.error());
    return;
  }
  nlohmann::json body{{"today", actor.today.to_string()}, {"cases", nlohmann::json::array()}};
  for (const CaseView& view : *cases) body["cases"].push_back(case_to_json(view));
  send_json(call.res, 200, body);
}

void get_case_detail(ApiCall& call) {
  const std::string id = call.req.matches[1];
  auto found = get_case(call.db, case_actor(call), id);
  if (!found) {
    send_refusal(call.res, found.error());
    return;
  }
  nlohmann::json body = case_to_json(found->first);
  body["events"] = nlohmann::json::array();
  for (const CaseEvent& event : found->second) body["events"].push_back(case_event_to_json(event));
  send_json(call.res, 200, body);
}

void post_case(ApiCall& call) {
  Result<nlohmann::json> body = json_object_body(call.req);
  if (!body) {
    send_status(call.res, body.error());
    return;
  }
  CaseResult<CaseView> raised = raise_case(call.db, case_actor(call), *body);
  if (!raised) {
    send_refusal(call.res, raised.error());
    return;
  }
  send_json(call.res, 201, case_to_json(*raised));
}

void post_case_action(ApiCall& call, CaseAction action) {
  const std::string id = call.req.matches[1];
  Result<nlohmann::json> body = call.req.body.empty()
                                    ? Result<nlohmann::json>(nlohmann::json::object())
                                    : json_object_body(call.req);
  if (!body) {
    send_status(call.res, body.error());
    return;
  }
  CaseResult<CaseView> changed = act_on_case(call.db, case_actor(call), id, action, *body);
  if (!changed) {
    send_refusal(call.res, changed.error());
    return;
  }
  send_json(call.res, 200, case_to_json(*changed));
}

}  // namespace

nlohmann::json case_to_json(const CaseView& view) {
  const StoredCase& stored = view.stored;
  const ServiceCase& row = stored.row;
  return {{"id", row.id},
          {"uscc", row.uscc},
          {"name", view.enterprise_name},
          {"region", stored.region},
          {"category", row.category},
          {"title", stored.title},
          {"description", stored.description},
          {"department", row.department},
          {"assignee", stored.assignee},
          {"state", stored.state},
          {"level", stored.level},
          {"escalated", !stored.escalated_at.empty()},
          {"escalated_at", stored.escalated_at.empty() ? nlohmann::json(nullptr)
                                                       : nlohmann::json(stored.escalated_at)},
          {"raised", row.raised.to_string()},
          {"deadline", row.deadline.to_string()},
          {"resolved", row.resolved ? nlohmann::json(row.resolved->to_string()) : nullptr},
          {"rating", row.rating ? nlohmann::json(*row.rating) : nullptr},
          {"alert", std::string(case_alert_name(view.alert))},
          {"days_left", view.days_left},
          {"reopened", stored.reopened},
          {"raised_by", stored.raised_by},
          {"updated_at", stored.updated_at},
          {"revision", stored.revision}};
}

nlohmann::json case_event_to_json(const CaseEvent& event) {
  return {{"revision", event.revision},
          {"at", event.at},
          {"user", event.user_name},
          {"action", event.action},
          {"from", event.from_state},
          {"to", event.to_state},
          {"note", event.note},
          {"record", nlohmann::json::parse(event.record, nullptr, false)}};
}

void add_case_routes(http::Router& routes, const ServerConfig& config) {
  routes.get("/api/cases", authenticated(config, [](ApiCall& call) { get_cases(call); }));
  routes.post("/api/cases", authenticated(config, [](ApiCall& call) { post_case(call); }));
  routes.get(R"(/api/cases/([^/]+))",
             authenticated(config, [](ApiCall& call) { get_case_detail(call); }));
  for (CaseAction action : {CaseAction::kAssign, CaseAction::kProgress, CaseAction::kResolve,
                            CaseAction::kEvaluate, CaseAction::kReopen}) {
    routes.post(R"(/api/cases/([^/]+)/)" + std::string(case_action_name(action)),
                authenticated(config, [action](ApiCall& call) { post_case_action(call, action); }));
  }
}

}  // namespace zhizao::server
