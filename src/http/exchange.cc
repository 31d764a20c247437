#include "http/exchange.h"

#include <fmt/format.h>

#include "http/content_coding.h"
#include "http/request_reader.h"

namespace zhizao::http {
namespace {

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && !CaseInsensitiveLess()(a, b) && !CaseInsensitiveLess()(b, a);
}

bool has_body(const Request& request, const Response& response) {
  return request.method != "HEAD" && response.status >= 200 && response.status != 204 &&
         response.status != 304;
}

// A field value with CR and LF replaced, so that no value can start another field.
std::string field_value(std::string_view value) {
  std::string out(value);
  for (char& c : out) {
    if (c == '\r' || c == '\n' || c == '\0') c = ' ';
  }
  return out;
}

// Writes `bytes`, the answer to `request`, and gives it to the access log. Returns whether the
// whole answer went out.
bool write_answer(const ExchangeSetup& setup, Connection& connection, const Request& request,
                  int status, const std::string& bytes, Clock::time_point started) {
  bool written = connection.write_all(bytes, Clock::now() + setup.limits.io_timeout).is_ok();
  if (setup.exchange_log) {
    setup.exchange_log(ExchangeRecord{
        request, status, bytes.size(),
        std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - started), written});
  }
  return written;
}

// Answers a request the transport refused, then closes the connection gently.
void refuse(const ExchangeSetup& setup, Connection& connection, const Request& request, int status,
            std::string_view message, Clock::time_point started) {
  Response response;
  response.status = status;
  if (setup.error_body) setup.error_body(request, response, message);
  std::string bytes = serialize_response(setup, request, response, KeepAlive::kNo);
  if (write_answer(setup, connection, request, response.status, bytes, started)) {
    connection.close_after_answer(setup.limits.linger_timeout, setup.limits.linger_bytes);
  }
}

bool is_app_route(const Request& request) {
  size_t last_slash = request.path.rfind('/');
  return request.path.find('.', last_slash) == std::string::npos;
}

// Routes the request (or serves its file) into `response`.
void dispatch(const ExchangeSetup& setup, Request& request, Response& response) {
  bool read_only = request.method == "GET" || request.method == "HEAD";
  bool api = request.raw_path.starts_with("/api/") || request.raw_path == "/api";
  try {
    if (read_only && !api && setup.static_files &&
        setup.static_files->serve(request, response) == StaticFiles::Served::kAnswered) {
      return;
    }
    std::string allowed;
    Router::Dispatch routed = setup.router.dispatch(request, response, allowed);
    if (routed == Router::Dispatch::kWrongMethod) {
      response.status = 405;
      response.set_header("Allow", allowed);
    } else if (routed == Router::Dispatch::kNoRoute) {
      bool served = read_only && !api && setup.static_files && is_app_route(request) &&
                    setup.static_files->serve_file(setup.app_index, request, response) ==
                        StaticFiles::Served::kAnswered;
      if (!served) response.status = 404;
    }
  } catch (...) {
    response = Response();
    response.status = 500;
    if (setup.exception_handler)
      setup.exception_handler(request, response, std::current_exception());
  }
  if (setup.after_routing) setup.after_routing(request, response);
}

}  // namespace

bool host_allowed(std::string_view host_header, const std::vector<std::string>& allowed) {
  if (allowed.empty()) return true;
  std::string_view host = host_header;
  if (host.starts_with("[")) {
    size_t close = host.find(']');
    if (close == std::string_view::npos) return false;
    host = host.substr(0, close + 1);
  } else {
    host = host.substr(0, host.find(':'));
  }
  for (const std::string& name : allowed) {
    if (equals_ignoring_case(host, name)) return true;
  }
  return false;
}

std::string serialize_response(const ExchangeSetup& setup, const Request& request,
                               Response& response, KeepAlive keep_alive) {
  for (const auto& [name, value] : setup.default_headers) {
    if (!response.has_header(name)) response.add_header(name, value);
  }
  bool body = has_body(request, response);
  if (body && response.body.size() >= kMinCompressedAnswerBytes &&
      !response.has_header("Content-Encoding") &&
      is_compressible(response.get_header_value("Content-Type"))) {
    ContentCoding coding =
        choose_coding(request.get_header_value("Accept-Encoding"), OfferBrotli::kNo);
    if (coding != ContentCoding::kIdentity) {
      if (std::optional<std::string> encoded = encode(response.body, coding, kAnswerGzipLevel)) {
        response.body = std::move(*encoded);
        response.set_header("Content-Encoding", coding_token(coding));
      }
    }
    response.set_header("Vary", "Accept-Encoding");
  }
  std::string out =
      fmt::format("HTTP/1.1 {} {}\r\n", response.status, reason_phrase(response.status));
  for (const auto& [name, value] : response.headers) {
    if (equals_ignoring_case(name, "Content-Length") || equals_ignoring_case(name, "Connection")) {
      continue;
    }
    out += fmt::format("{}: {}\r\n", field_value(name), field_value(value));
  }
  if (response.status != 204 && response.status != 304 && response.status >= 200) {
    out += fmt::format("Content-Length: {}\r\n", response.body.size());
  }
  out += keep_alive == KeepAlive::kYes ? "Connection: keep-alive\r\n" : "Connection: close\r\n";
  out += "\r\n";
  if (body) out += response.body;
  return out;
}

namespace {

// What serving one request left the connection in.
enum class AfterRequest { kKeep, kEnd, kWaiting };

// Reads one request off `connection` (its head as `wait` says), answers it and says whether the
// connection goes on. `served`: requests answered on it before this one.
AfterRequest serve_request(const ExchangeSetup& setup, Connection& connection,
                           RequestReader& reader, int served, RequestReader::HeadWait wait,
                           const std::function<bool()>& stopping) {
  Request request;
  ReadOutcome head = reader.read_head(request, wait);
  Clock::time_point started = Clock::now();
  request.remote_addr = connection.remote_addr();
  request.remote_port = connection.remote_port();
  if (head.end == ReadEnd::kWaiting) return AfterRequest::kWaiting;
  if (head.end == ReadEnd::kClosed) return AfterRequest::kEnd;
  auto refused = [&](int status, std::string_view message) {
    refuse(setup, connection, request, status, message, started);
    return AfterRequest::kEnd;
  };
  if (head.end == ReadEnd::kRefused) return refused(head.status, head.message);
  if (request.version >= 11 && request.get_header_value_count("Host") != 1) {
    // RFC 9112 §3.2: exactly one Host field in HTTP/1.1.
    return refused(400, "exactly one Host header is required");
  }
  if (!host_allowed(request.get_header_value("Host"), setup.allowed_hosts)) {
    return refused(421,
                   "this server does not answer for that host name (see serve --allowed-host)");
  }
  std::string coding = request.get_header_value("Content-Encoding");
  if (!coding.empty() && !equals_ignoring_case(coding, "identity")) {
    return refused(415, "request bodies may not be compressed");
  }
  Response response;
  if (setup.head_check && setup.head_check(request, response)) {
    if (setup.error_body && response.status >= 400 && response.body.empty()) {
      setup.error_body(request, response, "");
    }
    std::string bytes = serialize_response(setup, request, response, KeepAlive::kNo);
    if (write_answer(setup, connection, request, response.status, bytes, started)) {
      connection.close_after_answer(setup.limits.linger_timeout, setup.limits.linger_bytes);
    }
    return AfterRequest::kEnd;
  }
  if (equals_ignoring_case(request.get_header_value("Expect"), "100-continue")) {
    // RFC 9110 §10.1.1: the client waits for this before it sends the body.
    if (!connection
             .write_all("HTTP/1.1 100 Continue\r\n\r\n", Clock::now() + setup.limits.io_timeout)
             .is_ok()) {
      return AfterRequest::kEnd;
    }
  }
  ReadOutcome body = reader.read_body(request);
  if (body.end == ReadEnd::kClosed) return AfterRequest::kEnd;
  if (body.end == ReadEnd::kRefused) return refused(body.status, body.message);
  dispatch(setup, request, response);
  if (response.status >= 400 && response.body.empty() && setup.error_body) {
    setup.error_body(request, response, "");
  }
  bool keep =
      reader.keep_alive() && served + 1 < setup.limits.max_requests_per_connection && !stopping();
  std::string bytes =
      serialize_response(setup, request, response, keep ? KeepAlive::kYes : KeepAlive::kNo);
  if (!write_answer(setup, connection, request, response.status, bytes, started) || !keep) {
    return AfterRequest::kEnd;
  }
  return AfterRequest::kKeep;
}

}  // namespace

void serve_connection(const ExchangeSetup& setup, Connection& connection,
                      const std::function<bool()>& stopping) {
  RequestReader reader(connection, setup.limits);
  for (int served = 0; served < setup.limits.max_requests_per_connection; ++served) {
    if (serve_request(setup, connection, reader, served, RequestReader::HeadWait::kWait,
                      stopping) != AfterRequest::kKeep) {
      return;
    }
  }
}

SessionEnd serve_session(const ExchangeSetup& setup, Session& session,
                         const std::function<bool()>& stopping) {
  while (session.served < setup.limits.max_requests_per_connection) {
    switch (serve_request(setup, *session.connection, *session.reader, session.served,
                          RequestReader::HeadWait::kPark, stopping)) {
      case AfterRequest::kWaiting:
        return stopping() ? SessionEnd::kClosed : SessionEnd::kParked;
      case AfterRequest::kEnd:
        return SessionEnd::kClosed;
      case AfterRequest::kKeep:
        ++session.served;
        break;
    }
  }
  return SessionEnd::kClosed;
}

}  // namespace zhizao::http
