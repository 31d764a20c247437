// Fuzz target: the JSON request bodies the API server parses (src/server/http_support.h's
// json_object_body, then what the routes read from them) and its Cookie header parsing.
// The routes themselves need a database and a session, so each body is taken as far as the
// route goes before touching them: POST /api/submissions → parse_submission_request
// (rules/submission_workflow.h); POST /api/login and POST /api/submissions/ID/review → their
// string fields; POST /api/users → parse_role (accounts/role.h). Every error is answered with
// send_status / send_error into a Response, as the routes do (that serialises the message).
// Input: one selector byte (bit 0: Content-Type JSON or not; bits 1-2: body, or Cookie header),
// then the body or the header.
// Invariants: no exception escapes; errors are kUsage/kInvalidData with a message; a parsed
// submission has a checked USCC, a real month and finite numbers.

#include <cmath>
#include <nlohmann/json.hpp>
#include <string>

#include "accounts/role.h"
#include "domain/uscc.h"
#include "fuzz_support.h"
#include "rules/submission_workflow.h"
#include "server/http_support.h"

namespace {

using zhizao::fuzz::check;

void check_finite(const std::optional<double>& value) {
  check(!value || std::isfinite(*value), "submitted numbers are finite");
}

void submission_body(const nlohmann::json& body, zhizao::http::Response& res) {
  zhizao::Result<zhizao::SubmissionRequest> request = zhizao::parse_submission_request(body);
  if (!request) {
    check(request.error().code() == zhizao::StatusCode::kInvalidData, "kInvalidData");
    check(!request.error().message().empty(), "a refused submission says why");
    zhizao::server::send_status(res, request.error());
    return;
  }
  const zhizao::MonthlyRecord& record = request->record;
  check(zhizao::check_uscc(record.uscc, zhizao::default_uscc_exceptions()).has_value(),
        "a submitted USCC is checked");
  check(record.period.month >= 1 && record.period.month <= 12, "a submitted month is real");
  check(std::isfinite(record.output), "output is finite");
  check_finite(record.value_added);
  check_finite(record.electricity);
  check_finite(record.output_prev);
  check_finite(record.value_added_prev);
  check_finite(record.electricity_prev);
  for (const auto& [rule, text] : request->explanations) {
    check(!text.empty(), "blank explanations are dropped");
  }
}

// What POST /api/login, /api/users and .../review read before they need the database.
void string_fields(const nlohmann::json& body, zhizao::http::Response& res) {
  for (const char* key : {"name", "password", "decision", "comment", "role"}) {
    auto field = body.find(key);
    if (field == body.end() || !field->is_string()) continue;
    const std::string& text = field->get_ref<const std::string&>();
    // A failed login's name is audited cut to 64 bytes (maybe inside a UTF-8 character) and
    // listed by GET /api/audit through send_json, which must not throw on it.
    zhizao::server::send_json(res, 200, nlohmann::ordered_json{{"target", text.substr(0, 64)}});
  }
  auto role = body.find("role");
  if (role != body.end() && role->is_string()) {
    zhizao::Result<zhizao::Role> parsed = zhizao::parse_role(role->get<std::string>());
    if (parsed) {
      zhizao::Result<zhizao::Role> again = zhizao::parse_role(parsed->to_string());
      check(again && again->to_string() == parsed->to_string(), "a role round-trips");
    } else {
      check(!parsed.error().message().empty(), "a refused role says why");
      zhizao::server::send_status(res, parsed.error());
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  zhizao::fuzz::FuzzInput input(data, size);
  uint8_t selector = input.byte();
  zhizao::http::Request req;
  zhizao::http::Response res;
  req.headers.emplace("Content-Type",
                      (selector & 1) == 0 ? "application/json; charset=utf-8" : "text/plain");
  if (((selector >> 1) & 3) == 3) {
    req.headers.emplace("Cookie", std::string(input.rest()));
    std::string token = zhizao::server::cookie_value(req, zhizao::server::kSessionCookie);
    check(token.size() <= input.rest().size(), "a cookie value comes from the header");
    return 0;
  }
  req.body = std::string(input.rest());
  zhizao::Result<nlohmann::json> body = zhizao::server::json_object_body(req);
  if (!body) {
    check(body.error().code() == zhizao::StatusCode::kUsage, "a bad body is kUsage");
    zhizao::server::send_status(res, body.error());
    check(res.status == 400, "a bad body answers 400");
    return 0;
  }
  check(body->is_object(), "a body is an object");
  if (((selector >> 1) & 3) == 0) {
    submission_body(*body, res);
  } else {
    string_fields(*body, res);
  }
  return 0;
}
