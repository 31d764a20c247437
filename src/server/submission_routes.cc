// Submissions (联网直报) and their review, over rules/submission_workflow.h (docs/api.md,
// "Submissions and review"). The workflow checks the audit rules, keeps the review trail and
// writes the audit log rows of these writes itself. Each submission the API returns carries what
// a reviewer needs beside it (issue #18, item 6): the enterprise's name, the previous-year values
// the engine would compare it with, and the reason of its return.
#include <charconv>
#include <mutex>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "report/json_writer.h"
#include "rules/submission_workflow.h"
#include "server/api_context.h"
#include "server/http_support.h"
#include "server/served_input.h"
#include "server/write_turns.h"
#include "store/submission_store.h"

namespace zhizao::server {
namespace {

// The comment of the latest event into "rejected", or nullopt when there is none (a submission
// that was never returned).
std::optional<std::string> return_reason(const std::vector<SubmissionEvent>& events) {
  for (auto it = events.rbegin(); it != events.rend(); ++it) {
    if (it->to_state == "rejected") return it->comment;
  }
  return std::nullopt;
}

// The same from the store, for answers without their events. Rejected is a final state, so
// only rejected submissions are looked up (one query each).
Result<std::optional<std::string>> stored_return_reason(Database& db,
                                                        const Submission& submission) {
  if (submission.state != "rejected") return std::optional<std::string>();
  Result<std::vector<StoredSubmissionEvent>> events = SubmissionStore(db).events(submission.id);
  if (!events) return fail(events.error());
  for (auto it = events->rbegin(); it != events->rend(); ++it) {
    if (it->to_state == "rejected") return std::optional<std::string>(it->comment);
  }
  return std::optional<std::string>();
}

// Adds "name", "last_year" and (for returned submissions) "reason" to each of `out`, the JSON of
// `submissions` in the same order. `reasons[i]` is the reason of submissions[i]. Returns false
// after answering when the data cannot be read.
bool add_reviewer_facts(ApiCall& call, const std::string& db_path,
                        const std::vector<Submission>& submissions,
                        const std::vector<std::optional<std::string>>& reasons,
                        std::vector<nlohmann::json*>& out) {
  std::optional<ReportInput> input = served_input(call, db_path);
  if (!input) return false;
  std::unordered_map<std::string_view, std::string_view> names;
  for (const Enterprise& enterprise : input->tables().enterprises) {
    names.emplace(enterprise.uscc, enterprise.name);
  }
  std::vector<MonthlyRecord> records;
  records.reserve(submissions.size());
  for (const Submission& submission : submissions) records.push_back(submission.record);
  const std::vector<PreviousYearValues> last_year = input->previous_year_of(records);
  for (std::size_t i = 0; i < submissions.size(); ++i) {
    nlohmann::json& json = *out[i];
    auto name = names.find(submissions[i].record.uscc);
    json["name"] =
        name == names.end() ? nlohmann::json(nullptr) : nlohmann::json(std::string(name->second));
    json["last_year"] = {{"output", detail::optional_number(last_year[i].output)},
                         {"value_added", detail::optional_number(last_year[i].value_added)},
                         {"electricity", detail::optional_number(last_year[i].electricity)}};
    if (submissions[i].state == "rejected") {
      json["reason"] = reasons[i] && !reasons[i]->empty() ? nlohmann::json(*reasons[i])
                                                          : nlohmann::json(nullptr);
    }
  }
  return true;
}

// What to answer when the reviewer facts cannot be read: the error (a read), or the submission
// without them (a review, which is already committed and must not look failed).
enum class OnFactsFailure { kAnswerError, kAnswerWithoutFacts };

// Sends one submission (with its events when given) and its reviewer facts.
void send_submission(ApiCall& call, const std::string& db_path, const Submission& submission,
                     const std::vector<SubmissionEvent>* events, OnFactsFailure on_failure) {
  nlohmann::json body = submission_to_json(submission, events);
  std::optional<std::string> reason;
  bool facts_read = true;
  if (events != nullptr) {
    reason = return_reason(*events);
  } else if (Result<std::optional<std::string>> stored =
                 stored_return_reason(call.db, submission)) {
    reason = *stored;
  } else {
    send_status(call.res, stored.error());  // logs it
    facts_read = false;
  }
  std::vector<nlohmann::json*> out = {&body};
  facts_read = facts_read && add_reviewer_facts(call, db_path, {submission}, {reason}, out);
  if (!facts_read && on_failure == OnFactsFailure::kAnswerError) return;
  send_json(call.res, 200, body);
}

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
  Result<SubmissionResult> result = fail(Status::internal("the submission did not run"));
  // Committed with the submissions that arrive meanwhile, in one transaction (one sync).
  Status written = grouped_writes(config.db_path).run(call.db, [&](Database& group_db) -> Status {
    result = submit(group_db, *config.rules, workflow_actor(call.actor), *request, call.remote);
    return result ? Status::ok() : result.error();
  });
  if (!written.is_ok()) result = fail(written);
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

void get_submissions(ApiCall& call, const std::string& db_path) {
  Result<std::vector<Submission>> submissions =
      list_submissions(call.db, workflow_actor(call.actor), query_param(call.req, "state"));
  if (!submissions) {
    send_status(call.res, submissions.error());
    return;
  }
  std::vector<std::optional<std::string>> reasons;
  reasons.reserve(submissions->size());
  for (const Submission& submission : *submissions) {
    Result<std::optional<std::string>> reason = stored_return_reason(call.db, submission);
    if (!reason) {
      send_status(call.res, reason.error());
      return;
    }
    reasons.push_back(*reason);
  }
  nlohmann::json body{{"submissions", nlohmann::json::array()}};
  for (const Submission& submission : *submissions) {
    body["submissions"].push_back(submission_to_json(submission, nullptr));
  }
  std::vector<nlohmann::json*> out;
  for (nlohmann::json& item : body["submissions"]) out.push_back(&item);
  if (!add_reviewer_facts(call, db_path, *submissions, reasons, out)) return;
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

void get_submission_detail(ApiCall& call, const std::string& db_path) {
  std::optional<long> id = submission_id(call);
  if (!id) return;
  Result<SubmissionDetail> detail = get_submission(call.db, workflow_actor(call.actor), *id);
  if (!detail) {
    send_status(call.res, detail.error());
    return;
  }
  send_submission(call, db_path, detail->submission, &detail->events, OnFactsFailure::kAnswerError);
}

void post_review(ApiCall& call, const std::string& db_path) {
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
  // A publication changes the data: the served snapshot is updated by the record published (a
  // merge, not a rebuild of every record) while readers go on reading the one before.
  Result<Submission> reviewed = fail(Status::internal("the review did not run"));
  write_then_update_served(call, db_path, [&]() -> std::optional<AppliedChange> {
    std::optional<PublishedApply> published;
    std::lock_guard turn(write_turns(db_path));
    reviewed = review(call.db, workflow_actor(call.actor), *id,
                      decision == "approve" ? Decision::kApprove : Decision::kReject, comment_text,
                      call.remote, &published);
    if (!published) return std::nullopt;
    return AppliedChange{std::move(published->applied), published->summary};
  });
  if (!reviewed) {
    send_review_failure(call.res, reviewed.error());
    return;
  }
  send_submission(call, db_path, *reviewed, nullptr, OnFactsFailure::kAnswerWithoutFacts);
}

}  // namespace

void add_submission_routes(http::Router& routes, const ServerConfig& config) {
  routes.post("/api/submissions",
              authenticated(config, [&config](ApiCall& call) { post_submission(call, config); }));
  routes.get("/api/submissions", authenticated(config, [&config](ApiCall& call) {
               get_submissions(call, config.db_path);
             }));
  routes.get(R"(/api/submissions/([^/]+))", authenticated(config, [&config](ApiCall& call) {
               get_submission_detail(call, config.db_path);
             }));
  routes.post(R"(/api/submissions/([^/]+)/review)", authenticated(config, [&config](ApiCall& call) {
                post_review(call, config.db_path);
              }));
}

}  // namespace zhizao::server
