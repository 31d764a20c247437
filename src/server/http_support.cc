#include "server/http_support.h"

#include <fmt/format.h>

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

void send_json_text(Response& res, int status, std::string text) {
  res.status = status;
  res.set_content(std::move(text), kJsonType);
}

void send_json(Response& res, int status, const nlohmann::json& body) {
  send_json_text(res, status, dump_body(body));
}

void send_json(Response& res, int status, const nlohmann::ordered_json& body) {
  send_json_text(res, status, dump_body(body));
}

std::string json_body_text(const nlohmann::ordered_json& body) { return dump_body(body); }

void send_error(Response& res, int status, std::string_view code, std::string_view message) {
  nlohmann::ordered_json body;
  body["error"]["code"] = code;
  if (message.size() > kMaxErrorMessageBytes) {
    size_t cut = kMaxErrorMessageBytes;
    // Back to the start of a UTF-8 character (continuation bytes are 10xxxxxx).
    while (cut > 0 && (static_cast<unsigned char>(message[cut]) & 0xC0) == 0x80) --cut;
    body["error"]["message"] = std::string(message.substr(0, cut)) + "…";
  } else {
    body["error"]["message"] = message;
  }
  send_json(res, status, body);
}

void send_status(Response& res, const Status& status) {
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

Result<nlohmann::json> json_object_body(const Request& req) {
  // The media type before any parameter, compared exactly (case-insensitive, RFC 9110 §8.3.1):
  // "text/plain; x=application/json" is not JSON, and an HTML form cannot send JSON.
  std::string type = req.get_header_value("Content-Type");
  std::string media = trim(std::string_view(type).substr(0, type.find(';')));
  for (char& c : media) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  if (media != "application/json") {
    return fail(Status::usage("the body must be JSON (Content-Type: application/json)"));
  }
  nlohmann::json body = nlohmann::json::parse(req.body, nullptr, /*allow_exceptions=*/false);
  if (body.is_discarded()) return fail(Status::usage("the body is not valid JSON"));
  if (!body.is_object()) return fail(Status::usage("the body must be a JSON object"));
  return body;
}

std::string cookie_value(const Request& req, std::string_view name) {
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

void set_session_cookie(Response& res, std::string_view token, std::chrono::seconds lifetime,
                        CookieSecurity security) {
  res.set_header("Set-Cookie", fmt::format("{}={}; HttpOnly; SameSite=Strict; Path=/; Max-Age={}{}",
                                           kSessionCookie, token, lifetime.count(),
                                           security == CookieSecurity::kSecure ? "; Secure" : ""));
}

bool is_state_changing(const Request& req) {
  return req.method != "GET" && req.method != "HEAD" && req.method != "OPTIONS";
}

std::string normalized_origin(std::string_view origin) {
  size_t scheme_end = origin.find("://");
  if (scheme_end == std::string_view::npos) return "";
  std::string scheme(origin.substr(0, scheme_end));
  std::string_view authority = origin.substr(scheme_end + 3);
  authority = authority.substr(0, authority.find_first_of("/?#"));
  if (authority.empty() || authority.find('@') != std::string_view::npos) return "";
  std::string text = scheme + "://" + std::string(authority);
  for (char& c : text) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  // A port is there when the authority ends in ":digits" after any IPv6 literal's ']'.
  size_t colon = authority.rfind(':');
  size_t bracket = authority.rfind(']');
  bool has_port =
      colon != std::string_view::npos && (bracket == std::string_view::npos || colon > bracket);
  if (!has_port) {
    if (scheme == "http") return text + ":80";
    if (scheme == "https") return text + ":443";
    return "";
  }
  return text;
}

bool same_origin(const Request& req, std::string_view scheme,
                 const std::vector<std::string>& extra_origins) {
  std::string claimed = req.get_header_value("Origin");
  if (claimed.empty()) claimed = req.get_header_value("Referer");
  if (claimed.empty()) return true;
  std::string origin = normalized_origin(claimed);
  if (origin.empty()) return false;  // "null", or not scheme://host
  std::string own = normalized_origin(std::string(scheme) + "://" + req.get_header_value("Host"));
  if (!own.empty() && origin == own) return true;
  for (const std::string& extra : extra_origins) {
    if (origin == normalized_origin(extra)) return true;
  }
  return false;
}

bool csrf_token_matches(const Request& req, std::string_view token) {
  return tokens_equal(req.get_header_value(kCsrfHeader), csrf_token_for(token));
}

void send_csrf_refusal(Response& res, std::string_view message) {
  send_error(res, 403, "csrf", message);
}

std::optional<std::string> query_param(const Request& req, const char* name) {
  if (!req.has_param(name)) return std::nullopt;
  return req.get_param_value(name);
}

bool query_flag(const Request& req, const char* name) {
  std::optional<std::string> value = query_param(req, name);
  return value && (*value == "1" || *value == "true");
}

}  // namespace zhizao::server
