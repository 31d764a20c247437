// Request and Response: the HTTP/1.1 messages (RFC 9110, RFC 9112) that the transport
// (http/http_server.h) reads and writes and that the API's routes see. Plain values: the
// transport fills a Request within the bounds of http/limits.h before any route runs.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace zhizao::http {

// Field names compare case-insensitively (RFC 9110 §5.1).
struct CaseInsensitiveLess {
  bool operator()(std::string_view a, std::string_view b) const;
};

using Headers = std::multimap<std::string, std::string, CaseInsensitiveLess>;
// Query parameters in their order, percent- and '+'-decoded (a name may repeat).
using Params = std::multimap<std::string, std::string>;

struct Request {
  std::string method;    // as sent, e.g. "GET" (methods are case-sensitive, RFC 9110 §9.1)
  std::string target;    // the request-target as sent, e.g. "/api/report?period=2021-04"
  std::string raw_path;  // target before '?', not decoded: routes match on it
  std::string path;      // raw_path percent-decoded, for messages and prefix tests only
  int version = 11;      // 10 for HTTP/1.0, 11 for HTTP/1.1
  Headers headers;
  Params params;
  std::string body;  // decoded (chunked framing removed); at most Limits::max_body_bytes
  // The route's capture groups, percent-decoded; [0] is the whole raw path.
  std::vector<std::string> matches;
  std::string remote_addr;  // the peer's numeric address
  int remote_port = 0;

  // The value of the index-th field `name`, or "" when there is none.
  std::string get_header_value(std::string_view name, size_t index = 0) const;
  size_t get_header_value_count(std::string_view name) const;
  bool has_header(std::string_view name) const;
  bool has_param(std::string_view name) const;
  // The first value of parameter `name`, or "".
  std::string get_param_value(std::string_view name) const;
};

struct Response {
  int status = 200;
  Headers headers;
  std::string body;

  // Replaces every field `name` with one of value `value` (Set-Cookie: use add_header).
  void set_header(std::string_view name, std::string_view value);
  void add_header(std::string_view name, std::string_view value);
  std::string get_header_value(std::string_view name) const;
  bool has_header(std::string_view name) const;
  // Sets the body and its Content-Type.
  void set_content(std::string content, std::string_view content_type);
};

// The reason phrase of `status` (RFC 9110 §15), "Unknown" for codes it does not name.
std::string_view reason_phrase(int status);

}  // namespace zhizao::http
