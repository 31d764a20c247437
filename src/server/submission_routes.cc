// Submissions (联网直报) and their review, over rules/submission_workflow.h (docs/api.md,
// "Submissions and review"). The workflow checks the audit rules, keeps the review trail and
// writes the audit log rows of these writes itself.
#include <charconv>

#include "rules/submission_workflow.h"
#include "server/api_context.h"
#include "server/http_support.h"

namespace zhizao::server {
namespace {

// The workflow's actor: the same user, its role as stored.
zhizao::Actor workflow_actor(const Principal& principal) {
  return zhizao::Actor{principal.name, principal.role.to_string()};
}

// Maps review's failures: kNotFound (absent or not visible: the same answer) → 404, kUsage (a
// decision that is not the caller's in the submission's state) → 409, others as usual.
void send_review_failure(Response& res, const Status& status) {
  if (status.code() == StatusCode::kUsage) {
    send_error(res, 409, "conflict", status.message());
    return;
  }
  send_status(res, status);
}

void post_submission(ApiCall& call, const ServerConfig& config) {
  if (call.actor.role.kind != RoleKind::kEnterprise) {
    send_forbidden(call.res);
    return;
  }
  Result<nlohmann::json> body = json_object_body(call.req);
  if (!body) {
    send_status(call.res, body.error());
    return;
  }
  Result<SubmissionRequest> request = parse_submission_request(*body);
  if (!request) {
    send_status(call.res, request.error());
    return;
  }
  Result<SubmissionResult> result =
      submit(call.db, *config.rules, workflow_actor(call.actor), *request, call.remote);
  if (!result) {
    send_status(call.res, result.error());
    return;
  }
  nlohmann::json out;
  switch (result->verdict) {
    case SubmitVerdict::kForbidden:
      send_forbidden(call.res);
      return;
    case SubmitVerdict::kRefused:
      out["error"] = {{"code", "rules_failed"},
                      {"message", "the figures fail the audit rules; see violations"}};
      out["violations"] = nlohmann::json::array();
      for (const RuleViolation& v : result->violations) {
        out["violations"].push_back(violation_to_json(v));
      }
      send_json(call.res, 422, out);
      return;
    case SubmitVerdict::kAccepted:
      out["id"] = result->id;
      out["state"] = result->state;
      out["warnings"] = nlohmann::json::array();
      for (const RuleViolation& v : result->warnings) {
        out["warnings"].push_back(violation_to_json(v));
      }
      send_json(call.res, 201, out);
      return;
  }
}

void get_submissions(ApiCall& call) {
  Result<std::vector<Submission>> submissions =
      list_submissions(call.db, workflow_actor(call.actor), query_param(call.req, "state"));
  if (!submissions) {
    send_status(call.res, submissions.error());
    return;
  }
  nlohmann::json body{{"submissions", nlohmann::json::array()}};
  for (const Submission& submission : *submissions) {
    body["submissions"].push_back(submission_to_json(submission, nullptr));
  }
  send_json(call.res, 200, body);
}

std::optional<long> submission_id(ApiCall& call) {
  std::string text = call.req.matches[1];
  long id = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (error != std::errc() || end != text.data() + text.size()) {
    send_error(call.res, 404, "not_found", "no submission " + text);
    return std::nullopt;
  }
  return id;
}

void get_submission_detail(ApiCall& call) {
  std::optional<long> id = submission_id(call);
  if (!id) return;
  Result<SubmissionDetail> detail = get_submission(call.db, workflow_actor(call.actor), *id);
  if (!detail) {
    send_status(call.res, detail.error());
    return;
  }
  send_json(call.res, 200, submission_to_json(detail->submission, &detail->events));
}

void post_review(ApiCall& call) {
  std::optional<long> id = submission_id(call);
  if (!id) return;
  if (call.actor.role.kind == RoleKind::kEnterprise) {
    send_forbidden(call.res);
    return;
  }
  Result<nlohmann::json> body = json_object_body(call.req);
  if (!body) {
    send_status(call.res, body.error());
    return;
  }
  auto decision_field = body->find("decision");
  std::string decision = decision_field != body->end() && decision_field->is_string()
                             ? decision_field->get<std::string>()
                             : "";
  if (decision != "approve" && decision != "reject") {
    send_error(call.res, 400, "bad_request", "\"decision\" is \"approve\" or \"reject\"");
    return;
  }
  auto comment = body->find("comment");
  if (comment != body->end() && !comment->is_string()) {
    send_error(call.res, 400, "bad_request", "\"comment\" is a string");
    return;
  }
  std::string comment_text = comment == body->end() ? "" : comment->get<std::string>();
  Result<Submission> reviewed = review(
      call.db, workflow_actor(call.actor), *id,
      decision == "approve" ? Decision::kApprove : Decision::kReject, comment_text, call.remote);
  if (!reviewed) {
    send_review_failure(call.res, reviewed.error());
    return;
  }
  send_json(call.res, 200, submission_to_json(*reviewed, nullptr));
}

}  // namespace

void add_submission_routes(http::Router& routes, const ServerConfig& config) {
  routes.post("/api/submissions",
              authenticated(config, [&config](ApiCall& call) { post_submission(call, config); }));
  routes.get("/api/submissions", authenticated(config, get_submissions));
  routes.get(R"(/api/submissions/([^/]+))", authenticated(config, get_submission_detail));
  routes.post(R"(/api/submissions/([^/]+)/review)", authenticated(config, post_review));
}

}  // namespace zhizao::server
