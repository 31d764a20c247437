// Helpers shared by the API's routes: JSON answers and errors in the form of docs/api.md, request
// bodies, the session cookie. Thin functions over the transport's Request and Response
// (http/message.h).
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/result.h"
#include "http/message.h"
#include "http/router.h"

namespace zhizao::server {

using http::Request;
using http::Response;

inline constexpr const char* kSessionCookie = "zhizao_session";
inline constexpr const char* kCsrfHeader = "X-CSRF-Token";
inline constexpr const char* kJsonType = "application/json; charset=utf-8";

// Sets `status` and the body `text` (already JSON) as application/json.
void send_json_text(Response& res, int status, std::string text);
// Sets `status` and `body` serialised (2-space indent, UTF-8 kept as is, newline).
void send_json(Response& res, int status, const nlohmann::json& body);
void send_json(Response& res, int status, const nlohmann::ordered_json& body);
// The text send_json sends for `body`.
std::string json_body_text(const nlohmann::ordered_json& body);
// Sets `status` and {"error": {"code": code, "message": message}}; a message longer than
// kMaxErrorMessageBytes is cut there (at a UTF-8 boundary, "…" appended), so that an error never
// echoes a large input back.
inline constexpr size_t kMaxErrorMessageBytes = 512;
void send_error(Response& res, int status, std::string_view code, std::string_view message);
// Sends the error for a failed Status: kUsage and kInvalidData → 400, kNotFound → 404, the
// rest → 500 (whose message is generic: internals are logged, not shown).
void send_status(Response& res, const Status& status);

// Parses the request body as a JSON object. Errors: kUsage when the media type is not exactly
// application/json (parameters such as charset allowed, RFC 9110 §8.3.1), the body is not JSON
// or not an object (the message says which).
Result<nlohmann::json> json_object_body(const Request& req);

// Returns the value of cookie `name` in the request's Cookie headers (RFC 6265 §5.4), or "".
std::string cookie_value(const Request& req, std::string_view name);

// Whether cookies carry the Secure attribute (only sent over HTTPS): under TLS they must.
enum class CookieSecurity { kPlain, kSecure };

// Sets the session cookie: HttpOnly (no script reads it), SameSite=Strict (not sent on
// cross-site requests), Path=/, Max-Age = lifetime (0 deletes it), Secure under TLS.
void set_session_cookie(Response& res, std::string_view token, std::chrono::seconds lifetime,
                        CookieSecurity security);

// True for the methods that change state (everything but GET, HEAD and OPTIONS), which need the
// CSRF checks below.
bool is_state_changing(const Request& req);

// True unless the request says it comes from another origin: an Origin header (or, without one,
// a Referer) whose origin — scheme, host and port (RFC 6454 §4, default ports made explicit) —
// is not `scheme`://Host of this request, nor one of `extra_origins` (e.g. the https:// origin
// of a TLS proxy in front). Requests with neither header (non-browser clients) pass;
// "Origin: null" (sandboxed or file pages) does not.
bool same_origin(const Request& req, std::string_view scheme,
                 const std::vector<std::string>& extra_origins);
// `origin` (scheme://host[:port][/...]) as scheme://host:port in lower case, the port made
// explicit (http 80, https 443); "" when it is not such an origin.
std::string normalized_origin(std::string_view origin);

// True if the request's X-CSRF-Token header is the CSRF token of session `token`
// (accounts/session_token.h), compared in constant time.
bool csrf_token_matches(const Request& req, std::string_view token);

// Answers 403 {"error": {"code": "csrf"}}.
void send_csrf_refusal(Response& res, std::string_view message);

// Returns the query parameter `name`, or std::nullopt when absent.
std::optional<std::string> query_param(const Request& req, const char* name);

// True if the query parameter `name` is "1" or "true".
bool query_flag(const Request& req, const char* name);

}  // namespace zhizao::server
