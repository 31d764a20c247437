#include "server/http_support.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>

#include "accounts/session_token.h"

namespace zhizao::server {
namespace {

std::string trim(std::string_view text) {
  size_t begin = text.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return "";
  size_t end = text.find_last_not_of(" \t");
  return std::string(text.substr(begin, end - begin + 1));
}

template <typename Json>
std::string dump_body(const Json& body) {
  // Invalid UTF-8 (which the API never produces on purpose) is replaced, not thrown.
  return body.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace

void send_json_text(httplib::Response& res, int status, std::string text) {
  res.status = status;
  res.set_content(std::move(text), kJsonType);
}

void send_json(httplib::Response& res, int status, const nlohmann::json& body) {
  send_json_text(res, status, dump_body(body));
}

void send_json(httplib::Response& res, int status, const nlohmann::ordered_json& body) {
  send_json_text(res, status, dump_body(body));
}

void send_error(httplib::Response& res, int status, std::string_view code,
                std::string_view message) {
  nlohmann::ordered_json body;
  body["error"]["code"] = code;
  body["error"]["message"] = message;
  send_json(res, status, body);
}

void send_status(httplib::Response& res, const Status& status) {
  switch (status.code()) {
    case StatusCode::kUsage:
    case StatusCode::kInvalidData:
      send_error(res, 400, "bad_request", status.message());
      return;
    case StatusCode::kNotFound:
      send_error(res, 404, "not_found", status.message());
      return;
    default:
      std::fprintf(stderr, "zhizao serve: %s\n", status.to_string().c_str());
      send_error(res, 500, "internal", "the server failed; see its log");
      return;
  }
}

Result<nlohmann::json> json_object_body(const httplib::Request& req) {
  std::string type = req.get_header_value("Content-Type");
  if (type.find("application/json") == std::string::npos) {
    return fail(Status::usage("the body must be JSON (Content-Type: application/json)"));
  }
  nlohmann::json body = nlohmann::json::parse(req.body, nullptr, /*allow_exceptions=*/false);
  if (body.is_discarded()) return fail(Status::usage("the body is not valid JSON"));
  if (!body.is_object()) return fail(Status::usage("the body must be a JSON object"));
  return body;
}

std::string cookie_value(const httplib::Request& req, std::string_view name) {
  size_t count = req.get_header_value_count("Cookie");
  for (size_t i = 0; i < count; ++i) {
    std::string header = req.get_header_value("Cookie", i);
    std::string_view rest = header;
    while (!rest.empty()) {
      size_t semicolon = rest.find(';');
      std::string_view pair = rest.substr(0, semicolon);
      rest = semicolon == std::string_view::npos ? "" : rest.substr(semicolon + 1);
      size_t equals = pair.find('=');
      if (equals == std::string_view::npos) continue;
      if (trim(pair.substr(0, equals)) == name) return trim(pair.substr(equals + 1));
    }
  }
  return "";
}

void set_session_cookie(httplib::Response& res, std::string_view token,
                        std::chrono::seconds lifetime, CookieSecurity security) {
  res.set_header("Set-Cookie", fmt::format("{}={}; HttpOnly; SameSite=Strict; Path=/; Max-Age={}{}",
                                           kSessionCookie, token, lifetime.count(),
                                           security == CookieSecurity::kSecure ? "; Secure" : ""));
}

bool is_state_changing(const httplib::Request& req) {
  return req.method != "GET" && req.method != "HEAD" && req.method != "OPTIONS";
}

bool same_origin(const httplib::Request& req) {
  std::string claimed = req.get_header_value("Origin");
  if (claimed.empty()) claimed = req.get_header_value("Referer");
  if (claimed.empty()) return true;
  // scheme://host[:port][/path...] → host[:port] (RFC 6454 §6.1, RFC 7231 §5.5.2).
  size_t scheme_end = claimed.find("://");
  if (scheme_end == std::string::npos) return false;
  std::string_view authority = std::string_view(claimed).substr(scheme_end + 3);
  authority = authority.substr(0, authority.find_first_of("/?#"));
  std::string host = req.get_header_value("Host");
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  return !authority.empty() && authority.size() == host.size() &&
         std::equal(authority.begin(), authority.end(), host.begin(),
                    [&](char x, char y) { return lower(x) == lower(y); });
}

bool csrf_token_matches(const httplib::Request& req, std::string_view token) {
  return tokens_equal(req.get_header_value(kCsrfHeader), csrf_token_for(token));
}

void send_csrf_refusal(httplib::Response& res, std::string_view message) {
  send_error(res, 403, "csrf", message);
}

std::optional<std::string> query_param(const httplib::Request& req, const char* name) {
  if (!req.has_param(name)) return std::nullopt;
  return req.get_param_value(name);
}

bool query_flag(const httplib::Request& req, const char* name) {
  std::optional<std::string> value = query_param(req, name);
  return value && (*value == "1" || *value == "true");
}

}  // namespace zhizao::server
