// One connection's exchanges: read a request within the limits, check its head, read its body,
// answer it (route or static file), keep the connection for the next one or close it. The
// part of HttpServer that runs on a worker thread; shared, read-only, by all workers.
#pragma once

#include <chrono>
#include <cstddef>
#include <exception>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "http/connection.h"
#include "http/limits.h"
#include "http/message.h"
#include "http/request_reader.h"
#include "http/router.h"
#include "http/static_files.h"

namespace zhizao::http {

// What one answered request was, for an access log: written after its answer went out (or
// failed to), never with the request's body, query or headers (they may carry secrets).
struct ExchangeRecord {
  const Request& request;
  int status = 0;
  std::size_t bytes = 0;                  // the answer's bytes on the wire
  std::chrono::microseconds duration{0};  // from the head read to the answer written
  bool written = false;  // false: the client went away or timed out before it had the answer
};

struct ExchangeSetup {
  Limits limits;
  std::vector<std::string> allowed_hosts;  // empty: any
  Router router;
  std::unique_ptr<StaticFiles> static_files;
  std::string app_index;
  Headers default_headers;
  std::function<bool(const Request&, Response&)> head_check;
  std::function<void(const Request&, Response&, std::string_view)> error_body;
  std::function<void(const Request&, Response&)> after_routing;
  std::function<void(const Request&, Response&, std::exception_ptr)> exception_handler;
  std::function<void(const ExchangeRecord&)> exchange_log;  // after every answer written
};

// Serves requests on `connection` until it closes, a limit ends it, or `stopping()` is true,
// waiting on the worker for each next request (HeadWait::kWait).
void serve_connection(const ExchangeSetup& setup, Connection& connection,
                      const std::function<bool()>& stopping);

// A client connection that may wait between reads without a worker: the connection, its reader
// (holding a head read in part) and the requests served on it so far.
struct Session {
  Session(std::unique_ptr<Connection> c, const Limits& limits)
      : connection(std::move(c)), reader(std::make_unique<RequestReader>(*connection, limits)) {}
  std::unique_ptr<Connection> connection;
  std::unique_ptr<RequestReader> reader;
  int served = 0;
};

// Serves the requests that have arrived on `session` as serve_connection does, but returns
// kParked instead of waiting when the next request's head has not (wholly) arrived: the caller
// polls the socket and calls again when it is readable, or when the head's deadline passed (the
// call then answers 408). kClosed: the connection is done; destroy the session.
enum class SessionEnd { kClosed, kParked };
SessionEnd serve_session(const ExchangeSetup& setup, Session& session,
                         const std::function<bool()>& stopping);

// The bytes of `response` as an answer to `request` (status line, fields, body; no body for
// HEAD, 1xx, 204 and 304), with the default headers, a content coding the client accepts for
// compressible bodies of 1 KiB or more, and Connection: close unless `keep_alive`.
enum class KeepAlive { kNo, kYes };
std::string serialize_response(const ExchangeSetup& setup, const Request& request,
                               Response& response, KeepAlive keep_alive);

// True when `host_header` (host[:port], RFC 9110 §7.2) names one of `allowed` (case-insensitive;
// an IPv6 literal in brackets). An empty list allows any.
bool host_allowed(std::string_view host_header, const std::vector<std::string>& allowed);

}  // namespace zhizao::http
